import { createHash } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { leadTimeLabel, meetingReminderFlex, occurrenceParam } from "../../flex-messages/meeting-reminder.flex";
import type { MeetingDoc } from "../models/meeting.model";
import { Member } from "../models/member.model";
import type { ReminderDoc } from "../models/reminder.model";
import { PLEDGE_SCRIPT } from "./meeting.service";

// Who receives a reminder, and what they receive. Two audiences per reminder:
//   leaders   — the village's headman and the tambon's kamnan (district meetings: every
//               headman and kamnan of the district), with the pledge script and "รายงานผล";
//   residents — members of the village who opted in ("แจ้งเตือนประชุม").
// Unfollowed members are left out here (and again by the outbox on a retry).
export interface Audience {
  reminder: ReminderDoc;
  kind: "leader" | "resident";
  messages: messagingApi.Message[];
  /** sha256 of the messages: equal content → one shared multicast batch. */
  contentHash: string;
  recipients: string[];
}

interface MemberLite {
  lineUserId: string;
  role: string;
  meetingReminders: boolean;
  village?: { districtCode: string; tambonCode: string; villageNo: number } | null;
}

/** One query for all due reminders (an index scan per $or branch on MongoDB). */
async function loadMembers(reminders: ReminderDoc[]): Promise<MemberLite[]> {
  const tambons = [...new Set(reminders.filter((r) => r.scope === "village").map((r) => r.tambonCode!))];
  const districts = [...new Set(reminders.filter((r) => r.scope === "district").map((r) => r.districtCode))];
  const or: Record<string, unknown>[] = [];
  if (tambons.length > 0) or.push({ "village.tambonCode": { $in: tambons }, $or: [{ meetingReminders: true }, { role: { $in: ["headman", "kamnan"] } }] });
  if (districts.length > 0) or.push({ "village.districtCode": { $in: districts }, role: { $in: ["headman", "kamnan"] } });
  if (or.length === 0) return [];
  // Read through a cursor, not toArray(): the test server answers in one batch, and
  // the driver's toArray() spreads a batch into an array (a stack overflow at ~120,000).
  const rows: MemberLite[] = [];
  const cursor = Member.find({ followed: true, $or: or }, { _id: 0, lineUserId: 1, role: 1, meetingReminders: 1, village: 1 }).lean().cursor({ batchSize: 5000 });
  for await (const row of cursor) rows.push(row as unknown as MemberLite);
  return rows;
}

function hashMessages(messages: messagingApi.Message[]): string {
  return createHash("sha256").update(JSON.stringify(messages)).digest("hex").slice(0, 20);
}

export function reminderMessages(meeting: MeetingDoc, reminder: ReminderDoc, kind: "leader" | "resident", timeZone: string): messagingApi.Message[] {
  return [
    meetingReminderFlex({
      title: meeting.title,
      start: reminder.occurrenceStart,
      timeZone,
      place: meeting.place,
      agenda: meeting.agenda,
      leadTime: leadTimeLabel(reminder.offset),
      audience: kind,
      pledgeScript: PLEDGE_SCRIPT,
      occurrenceParam: occurrenceParam(reminder.occurrenceStart),
      offsetKey: reminder.offset,
    }),
  ];
}

/** The audiences of each reminder, recipients sorted (a stable order for the chunk plan). */
export async function buildAudiences(items: { reminder: ReminderDoc; meeting: MeetingDoc }[], timeZone: string): Promise<Audience[]> {
  const members = await loadMembers(items.map((i) => i.reminder));
  const byTambon = new Map<string, MemberLite[]>();
  const byDistrict = new Map<string, MemberLite[]>();
  for (const m of members) {
    if (!m.village) continue;
    const t = byTambon.get(m.village.tambonCode) ?? [];
    t.push(m);
    byTambon.set(m.village.tambonCode, t);
    const d = byDistrict.get(m.village.districtCode) ?? [];
    d.push(m);
    byDistrict.set(m.village.districtCode, d);
  }
  const out: Audience[] = [];
  // Villages that share title, place, agenda and time build the same message: build it once.
  const built = new Map<string, { messages: messagingApi.Message[]; contentHash: string }>();
  const messagesFor = (meeting: MeetingDoc, reminder: ReminderDoc, kind: "leader" | "resident") => {
    const key = JSON.stringify([kind, meeting.title, meeting.place, meeting.agenda, reminder.occurrenceStart.getTime(), reminder.offset]);
    let b = built.get(key);
    if (!b) {
      const messages = reminderMessages(meeting, reminder, kind, timeZone);
      b = { messages, contentHash: hashMessages(messages) };
      built.set(key, b);
    }
    return b;
  };
  for (const { reminder, meeting } of items) {
    const leaders: string[] = [];
    const residents: string[] = [];
    if (reminder.scope === "district") {
      for (const m of byDistrict.get(reminder.districtCode) ?? []) if (m.role === "headman" || m.role === "kamnan") leaders.push(m.lineUserId);
    } else {
      for (const m of byTambon.get(reminder.tambonCode!) ?? []) {
        const here = m.village!.villageNo === reminder.villageNo;
        if (m.role === "kamnan" || (m.role === "headman" && here)) leaders.push(m.lineUserId);
        else if (here && m.meetingReminders) residents.push(m.lineUserId);
      }
    }
    for (const [kind, recipients] of [["leader", leaders], ["resident", residents]] as const) {
      if (recipients.length === 0) continue;
      out.push({ reminder, kind, ...messagesFor(meeting, reminder, kind), recipients: [...new Set(recipients)].sort() });
    }
  }
  return out;
}
