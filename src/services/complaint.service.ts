import { Types } from "mongoose";
import { NotFoundError, RateLimitError, ValidationError, isDuplicateKeyError } from "../errors";
import { AuditLog } from "../models/audit-log.model";
import { Complaint, type ComplaintCategory, type ComplaintDoc } from "../models/complaint.model";
import type { Sealer } from "../security/sealer";
import { zonedParts } from "../util/thai-date";
import { MAX_THREAD_TEXT_CHARS, MAX_WHAT_CHARS, MAX_WHO_CHARS, MIN_WHAT_CHARS, cleanText, requireText } from "./complaint-input";
import { routeComplaint } from "./complaint-routing";
import { appendMessage, refreshAwaitingReporter } from "./complaint-messages";
import { attachEvidence, deleteUnattachedEvidence, type StoredEvidence } from "./evidence.service";
import { generateTrackingCode } from "./tracking-code";
import { MAX_COMPLAINTS_PER_DAY, complaintSlotsUsed, releaseComplaintSlots, takeComplaintSlot } from "./complaint-day-limit";
import { sealedAt } from "../security/seal-places";
import { NOT_FOUND_TEXT } from "./complaint-lookup";

// The reporter's side of complaints: submit (idempotent), follow, reply. The
// dashboard side is complaint-query.service.ts. No LINE or HTTP types here.
export interface ComplaintDeps {
  sealer: Sealer;
  now: () => Date;
  config: { timezone: string };
}

export { MAX_COMPLAINTS_PER_DAY } from "./complaint-day-limit";
export { MAX_TRACKING_MISSES_PER_HOUR } from "./complaint-track-limit";
export { findOwnComplaintByCode, findOwnComplaintByDraft, listOwnComplaints, trackComplaint, type TrackedComplaint } from "./complaint-lookup";

const DAY_LIMIT_TEXT =
  "ขออภัยค่ะ วันนี้ท่านแจ้งเรื่องครบ 5 เรื่องแล้ว ซึ่งเป็นจำนวนสูงสุดต่อวัน เพื่อป้องกันการใช้ระบบในทางที่ผิด " +
  "แจ้งเพิ่มได้อีกครั้งพรุ่งนี้นะคะ หากเรื่องเร่งด่วน โทรสายด่วน ป.ป.ช. 1205 หรือศูนย์ดำรงธรรม 1567 ได้ค่ะ";
/** "2026-11-26": the calendar day in the app's zone, so the daily limit resets at Bangkok midnight. */
export function dayKeyOf(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export async function countComplaintsToday(deps: ComplaintDeps, lineUserId: string): Promise<number> {
  return complaintSlotsUsed(deps.sealer.blindIndex(lineUserId), dayKeyOf(deps.now(), deps.config.timezone));
}

/** Throws a polite RateLimitError when the reporter has used today's allowance. */
export async function assertCanSubmit(deps: ComplaintDeps, lineUserId: string): Promise<void> {
  if ((await countComplaintsToday(deps, lineUserId)) >= MAX_COMPLAINTS_PER_DAY) throw new RateLimitError("daily complaint limit", DAY_LIMIT_TEXT);
}

export interface ComplaintSubmission {
  draftId: string;
  lineUserId: string;
  category: ComplaintCategory;
  what: string;
  who?: string | null;
  where: { districtCode?: string; tambonCode?: string; villageNo?: number; location?: { latitude: number; longitude: number; title?: string; address?: string } };
  when: { date?: string; text?: string; unsure?: boolean };
  evidence: StoredEvidence[];
  anonymous: boolean;
  /** sealer.seal(JSON.stringify({name, phone}), sealedAt.draftContact(draftId)) for named reports. */
  contactSealed?: string;
}

/**
 * Creates the complaint once per draft: a second call with the same draftId (a
 * double tap, or a retried handler) returns the first complaint with created=false
 * (the unique index on draftId decides). The per-day limit counts only other
 * complaints. Chats are processed one event at a time (inbox chat lock), so
 * count-then-insert cannot race for one reporter. Three round trips in the
 * common case: count, insert, attach photos (skipped without photos).
 */
export async function submitComplaint(deps: ComplaintDeps, input: ComplaintSubmission): Promise<{ complaint: ComplaintDoc; created: boolean }> {
  const draftId = String(input.draftId);
  const what = requireText("what", input.what, MAX_WHAT_CHARS);
  if (what.length < MIN_WHAT_CHARS) throw new ValidationError("what is too short");
  const who = input.who ? requireText("who", input.who, MAX_WHO_CHARS) : undefined;
  if (!input.anonymous && !input.contactSealed) throw new ValidationError("a named report needs contact details");
  const now = deps.now();
  if (!(await takeComplaintSlot(deps.sealer.blindIndex(input.lineUserId), dayKeyOf(now, deps.config.timezone), draftId, now))) {
    const existing = await Complaint.findOne({ draftId });
    if (existing) return { complaint: existing, created: false };
    throw new RateLimitError("daily complaint limit", DAY_LIMIT_TEXT);
  }
  const routedTo = routeComplaint({ districtCode: input.where.districtCode, who, what });
  // The id is chosen here, so the sealed values can be bound to this record (security/sealer.ts);
  // the draft's contact details are opened and sealed again for the complaint.
  const _id = new Types.ObjectId();
  const contactSealed =
    input.anonymous || !input.contactSealed
      ? undefined
      : deps.sealer.seal(deps.sealer.open(input.contactSealed, sealedAt.draftContact(draftId)), sealedAt.complaintContact(String(_id)));
  const base = {
    _id,
    draftId,
    category: input.category,
    what,
    who,
    where: input.where,
    when: { ...input.when, text: input.when.text ? cleanText(input.when.text) : undefined },
    evidence: input.evidence.map((e) => ({ fileId: new Types.ObjectId(e.fileId), contentType: e.contentType, size: e.size, sha256: e.sha256 })),
    anonymous: input.anonymous,
    reporterSealed: deps.sealer.seal(input.lineUserId, sealedAt.complaintReporter(String(_id))),
    reporterIndex: deps.sealer.blindIndex(input.lineUserId),
    contactSealed,
    routedTo,
    status: "received" as const,
    statusHistory: [{ status: "received" as const, at: now, note: "ได้รับเรื่องแล้ว", actor: { kind: "system" as const } }],
    dayKey: dayKeyOf(now, deps.config.timezone),
    submittedAt: now,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const complaint = await Complaint.create({ ...base, trackingCode: generateTrackingCode() });
      await attachEvidence(input.evidence.map((e) => e.fileId), complaint._id);
      return { complaint, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Either this draft was filed already (return it) or the code collided (try another).
      const existing = await Complaint.findOne({ draftId });
      if (existing) return { complaint: existing, created: false };
      if (attempt >= 4) throw err;
    }
  }
}

const CLOSED = new Set(["resolved", "dismissed"]);

/** A reporter's message on their own open case: joins the thread and answers an open officer question. */
export async function addReporterMessage(deps: ComplaintDeps, lineUserId: string, complaintId: string, text: string): Promise<ComplaintDoc> {
  const body = requireText("text", text, MAX_THREAD_TEXT_CHARS, `ข้อความยาวเกิน ${MAX_THREAD_TEXT_CHARS.toLocaleString("en-US")} ตัวอักษรค่ะ กรุณาแบ่งส่งเป็นหลายครั้งนะคะ`);
  const idx = deps.sealer.blindIndex(lineUserId);
  const c = Types.ObjectId.isValid(complaintId) ? await Complaint.findOne({ _id: new Types.ObjectId(complaintId), reporterIndex: idx }) : null;
  if (!c) throw new NotFoundError("not the reporter's complaint", NOT_FOUND_TEXT);
  if (CLOSED.has(c.status)) throw new ValidationError("complaint is closed", "เรื่องนี้ปิดแล้วค่ะ หากมีข้อมูลใหม่ กรุณาแจ้งเป็นเรื่องใหม่ หรือโทรสายด่วน ป.ป.ช. 1205 ค่ะ");
  const now = deps.now();
  await appendMessage(c._id, { kind: "reporter", at: now, text: body });
  await Complaint.updateOne({ _id: c._id }, { $set: { lastReporterMessageAt: now } });
  c.awaitingReporter = await refreshAwaitingReporter(c._id);
  await AuditLog.create({ at: now, actor: { kind: "reporter", id: idx }, action: "complaint.reporter_message", complaintId: c._id });
  return c;
}

/**
 * Data deletion (PDPA request via privacy.service): removes every link between the
 * member's LINE account and their complaints (blind index and sealed LINE id), so
 * they can no longer be reached or identified through the chat. The cases stay:
 * a complaint about an official is evidence of possible wrongdoing. Returns the
 * number of complaints unlinked.
 */
export async function eraseReporterLinks(sealer: Sealer, lineUserId: string, at: Date): Promise<number> {
  const idx = sealer.blindIndex(lineUserId);
  const linked = await Complaint.find({ reporterIndex: idx }, { _id: 1, dayKey: 1 }).lean();
  const res = await Complaint.updateMany({ reporterIndex: idx }, { $unset: { reporterIndex: "", reporterSealed: "" }, $set: { awaitingReporter: false } });
  // The daily-limit slots name the blind index too; those of the last days go with it (older ones are swept).
  const recent = dayKeyOf(new Date(at.getTime() - 2 * 86_400_000), "UTC");
  await releaseComplaintSlots(idx, [...new Set(linked.map((c) => c.dayKey))].filter((d) => d >= recent));
  await deleteUnattachedEvidence(idx);
  await AuditLog.updateMany({ "actor.kind": "reporter", "actor.id": idx }, { $unset: { "actor.id": "" } });
  await AuditLog.create({ at, actor: { kind: "system" }, action: "complaint.reporter_unlinked", detail: { count: res.modifiedCount } });
  return res.modifiedCount;
}
