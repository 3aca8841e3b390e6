import { Types } from "mongoose";
import { getDistrict } from "../content/areas/areas";
import { PLEDGE_STATEMENT } from "../content/pledge-statement";
import { NotFoundError, ValidationError, ConflictError } from "../errors";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import { nextOccurrence, validateRecurrence, type Recurrence } from "../util/recurrence";
import { materializeReminders, recurrenceOf, withdrawReminders, type ScheduleConfig } from "./reminder.service";
import { villageRef, type VillageRef } from "./village.service";

// Meetings: create, edit, cancel, list, and the next one for a member's village.
// Creating or editing re-materializes the meeting's reminders; cancelling withdraws them.
/** The pledge activity every meeting carries unless an officer removes it. */
export const PLEDGE_AGENDA_ITEM = "กิจกรรมประกาศเจตนารมณ์ \"ไม่รับ ไม่ให้\" (No Gift Policy)";
/**
 * Read aloud by the headman, the room repeating: the very words residents pledge in
 * the chat (one pledge, src/content/pledge-statement.ts), so a village meeting and
 * LINE count the same promise.
 */
export const PLEDGE_SCRIPT = PLEDGE_STATEMENT;
export const VILLAGE_MEETING_TITLE = "ประชุมประจำเดือนหมู่บ้าน";
export const DISTRICT_MEETING_TITLE = "ประชุมกำนัน ผู้ใหญ่บ้าน ประจำเดือน";

export interface MeetingInput {
  scope: "village" | "district";
  /** Required for scope "village". */
  village?: VillageRef;
  /** Required for scope "district" (taken from the village otherwise). */
  districtCode?: string;
  title?: string;
  place: string;
  /** Defaults to the pledge activity; the pledge item is added unless includePledge is false. */
  agenda?: string[];
  includePledge?: boolean;
  recurrence: Recurrence;
  durationMinutes?: number;
  createdBy?: string;
  importBatchId?: string;
}

export type MeetingPatch = Partial<Pick<MeetingInput, "title" | "place" | "agenda" | "recurrence" | "durationMinutes">>;

/** What officers read when a field is wrong (the first message is for logs and the API). */
function thaiFieldName(name: string): string {
  if (name.startsWith("agenda")) return `วาระที่ ${name.replace(/\D/g, "") || ""}`.trim();
  return { title: "ชื่อการประชุม", place: "สถานที่" }[name] ?? name;
}

function checkText(name: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const v = value.replace(/\u0000/g, "").trim();
  if (!v) throw new ValidationError(`${name} must not be empty`, `กรุณากรอก${thaiFieldName(name)}ค่ะ`);
  if (v.length > max) throw new ValidationError(`${name} is longer than ${max} characters`, `${thaiFieldName(name)}ยาวเกิน ${max} ตัวอักษรค่ะ`);
  return v;
}

function checkRecurrence(r: Recurrence): Recurrence {
  try {
    return validateRecurrence(r);
  } catch (err) {
    throw new ValidationError((err as Error).message, "กรุณาตรวจสอบวันและเวลาของการประชุมค่ะ");
  }
}

/** Validates and normalises a new meeting; pure (also used by the CSV import before inserting). */
export function buildMeetingFields(input: MeetingInput): Record<string, unknown> {
  let area: { districtCode: string; tambonCode?: string; villageNo?: number };
  if (input.scope === "village") {
    if (!input.village) throw new ValidationError("a village meeting needs a village", "กรุณาเลือกตำบลและหมู่ที่ของการประชุมหมู่บ้านค่ะ");
    area = villageRef(input.village.tambonCode, input.village.villageNo);
  } else {
    const code = input.districtCode ?? input.village?.districtCode;
    if (!code || !getDistrict(code)) throw new ValidationError(`unknown district code ${code ?? "(none)"}`, "กรุณาเลือกอำเภอของการประชุมค่ะ");
    area = { districtCode: code };
  }
  const agenda = (input.agenda ?? []).map((a, i) => checkText(`agenda item ${i + 1}`, a, 200)!).slice(0, 10);
  if (input.includePledge !== false && !agenda.some((a) => a.includes("ไม่รับ ไม่ให้"))) agenda.push(PLEDGE_AGENDA_ITEM);
  return {
    scope: input.scope,
    ...area,
    title: checkText("title", input.title, 80) ?? (input.scope === "village" ? VILLAGE_MEETING_TITLE : DISTRICT_MEETING_TITLE),
    place: checkText("place", input.place, 120),
    agenda,
    recurrence: checkRecurrence(input.recurrence),
    durationMinutes: input.durationMinutes ?? 120,
    createdBy: input.createdBy,
    importBatchId: input.importBatchId,
    state: "active",
  };
}

export async function createMeeting(input: MeetingInput, cfg: ScheduleConfig, now: Date): Promise<MeetingDoc> {
  const meeting = await Meeting.create(buildMeetingFields(input));
  await materializeReminders(meeting, cfg, now);
  return meeting;
}

export async function getMeeting(id: string | Types.ObjectId): Promise<MeetingDoc> {
  const m = Types.ObjectId.isValid(id) ? await Meeting.findById(id) : null;
  if (!m) throw new NotFoundError(`meeting ${String(id)} not found`, "ไม่พบการประชุมนี้ค่ะ");
  return m;
}

/** Edits a meeting; pending reminders move with it (or are withdrawn when their occurrence is gone). */
export async function updateMeeting(id: string | Types.ObjectId, patch: MeetingPatch, cfg: ScheduleConfig, now: Date): Promise<MeetingDoc> {
  const m = await getMeeting(id);
  if (m.state === "cancelled") throw new ConflictError("a cancelled meeting cannot be edited", "การประชุมนี้ถูกยกเลิกแล้วค่ะ");
  const set: Record<string, unknown> = {};
  if (patch.title !== undefined) set.title = checkText("title", patch.title, 80);
  if (patch.place !== undefined) set.place = checkText("place", patch.place, 120);
  if (patch.agenda !== undefined) set.agenda = patch.agenda.map((a, i) => checkText(`agenda item ${i + 1}`, a, 200)!).slice(0, 10);
  if (patch.recurrence !== undefined) set.recurrence = checkRecurrence(patch.recurrence);
  if (patch.durationMinutes !== undefined) set.durationMinutes = patch.durationMinutes;
  const updated = await Meeting.findByIdAndUpdate(m._id, { $set: set, $inc: { revision: 1 } }, { new: true, runValidators: true });
  await materializeReminders(updated!, cfg, now, { rebuild: true });
  return updated!;
}

export async function cancelMeeting(id: string | Types.ObjectId, now: Date): Promise<MeetingDoc> {
  const m = await getMeeting(id);
  const updated = await Meeting.findByIdAndUpdate(m._id, { $set: { state: "cancelled", cancelledAt: now }, $inc: { revision: 1 } }, { new: true });
  await withdrawReminders(m._id, "meeting-cancelled");
  return updated!;
}

export interface MeetingFilter {
  districtCode?: string;
  tambonCode?: string;
  villageNo?: number;
  scope?: "village" | "district";
  includeCancelled?: boolean;
}

export async function listMeetings(filter: MeetingFilter = {}): Promise<MeetingDoc[]> {
  const q: Record<string, unknown> = {};
  if (filter.districtCode) q.districtCode = String(filter.districtCode);
  if (filter.tambonCode) q.tambonCode = String(filter.tambonCode);
  if (filter.villageNo !== undefined) q.villageNo = Number(filter.villageNo);
  if (filter.scope) q.scope = String(filter.scope);
  if (!filter.includeCancelled) q.state = "active";
  return Meeting.find(q).sort({ districtCode: 1, tambonCode: 1, villageNo: 1, createdAt: 1 });
}

export interface UpcomingMeeting {
  meeting: MeetingDoc;
  start: Date;
}

/**
 * The next meeting that concerns a member: their village's meetings, and for headmen and
 * kamnan also the district's kamnan–headman meeting (and a kamnan's whole tambon).
 */
export async function nextMeetingFor(member: { role?: string | null; village?: VillageRef | null }, now: Date, timeZone: string): Promise<UpcomingMeeting | null> {
  const v = member.village;
  if (!v) return null;
  const leader = member.role === "headman" || member.role === "kamnan";
  const or: Record<string, unknown>[] = [{ scope: "village", tambonCode: v.tambonCode, villageNo: v.villageNo }];
  if (member.role === "kamnan") or.push({ scope: "village", tambonCode: v.tambonCode });
  if (leader) or.push({ scope: "district", districtCode: v.districtCode });
  const meetings = await Meeting.find({ state: "active", $or: or });
  let best: UpcomingMeeting | null = null;
  for (const meeting of meetings) {
    const start = nextOccurrence(recurrenceOf(meeting), now, timeZone);
    if (start && (!best || start < best.start)) best = { meeting, start };
  }
  return best;
}
