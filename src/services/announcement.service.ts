import { Types } from "mongoose";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { Announcement, type AnnouncementDoc } from "../models/announcement.model";
import { assertAudienceInScope, countAudience, districtCount, districtsOf, normalizeAudience, officeOf, type AudienceScope, type AudienceSpec } from "./announcement-audience.service";
import { auditAnnouncement } from "./announcement-audit";
import { checkButton, checkContent, type ButtonInput } from "./announcement-limits";
import { contentOf } from "./announcement-content";

// Composing, four eyes and scheduling of announcements (issue 22). Sending is
// announcement-dispatch.service.ts. Every step that matters goes to the audit log.
export const APPROVAL_RECIPIENTS = 5000;

export interface AnnouncementInput {
  title: string;
  text: string;
  imageId?: string;
  button: ButtonInput;
  audience: AudienceSpec;
}

export interface Actor {
  id: string;
  role: "admin" | "officer" | "viewer";
  districts: string[];
}

/** The monthly message quota as LINE reports it (line-client messageQuota). */
export interface QuotaReader {
  messageQuota(): Promise<{ limit: number | null; used: number }>;
}

export class QuotaError extends DomainError {
  constructor(readonly needed: number, readonly limit: number, readonly used: number) {
    super(`quota: needs ${needed}, ${limit - used} of ${limit} left`, "quota",
      `ส่งประกาศไม่ได้ค่ะ โควตาข้อความ LINE ของเดือนนี้ไม่พอ: ประกาศนี้ต้องใช้ ${needed.toLocaleString("en-US")} ข้อความ แต่เหลือ ${Math.max(0, limit - used).toLocaleString("en-US")} จาก ${limit.toLocaleString("en-US")} ข้อความ (ใช้ไปแล้ว ${used.toLocaleString("en-US")})`);
  }
}

export const scopeOfActor = (a: Actor): AudienceScope => ({ all: a.role === "admin", districts: a.role === "officer" ? a.districts : [] });

/** Validates everything LINE will check, so nothing is refused at send time. */
async function prepare(input: AnnouncementInput, actor: Actor, baseUrl: string) {
  if (actor.role === "viewer") throw new ForbiddenError("viewers cannot announce");
  const audience = normalizeAudience(input.audience);
  assertAudienceInScope(audience, scopeOfActor(actor));
  const button = checkButton(input.button);
  const fields = { title: input.title.trim(), text: input.text.replace(/\r\n/g, "\n").trim(), office: officeOf(audience), imageId: input.imageId || undefined };
  checkContent(contentOf({ ...fields, button: input.button }, baseUrl));
  const audienceSize = await countAudience(audience);
  return {
    ...fields,
    button: button ? { kind: button.kind, label: button.label, url: button.kind === "url" ? button.url : undefined, action: button.kind === "action" ? button.action : undefined } : { kind: "none" },
    audience,
    districtCodes: districtsOf(audience),
    audienceSize,
    approvalRequired: districtCount(audience) > 1 || audienceSize > APPROVAL_RECIPIENTS,
  };
}

export async function createAnnouncement(input: AnnouncementInput, actor: Actor, now: Date, baseUrl: string): Promise<AnnouncementDoc> {
  const fields = await prepare(input, actor, baseUrl);
  const a = await Announcement.create({ ...fields, state: "draft", revision: 1, createdBy: actor.id, updatedBy: actor.id });
  await auditAnnouncement(a, actor.id, "announcement.created", now);
  return a;
}

export async function announcementInScope(id: string, actor: Actor): Promise<AnnouncementDoc> {
  const a = Types.ObjectId.isValid(id) ? await Announcement.findById(id) : null;
  const scope = scopeOfActor(actor);
  if (!a || (!scope.all && !a.districtCodes.every((d) => scope.districts.includes(d)))) throw new NotFoundError("announcement not found", "ไม่พบประกาศนี้ค่ะ");
  return a;
}

const EDITABLE = ["draft", "awaiting_approval", "scheduled"];

/** An edit returns the announcement to draft; an approval given before is reset (audited). */
export async function updateAnnouncement(id: string, input: AnnouncementInput, actor: Actor, now: Date, baseUrl: string): Promise<AnnouncementDoc> {
  const a = await announcementInScope(id, actor);
  if (!EDITABLE.includes(a.state)) throw new ValidationError(`cannot edit in state ${a.state}`, "ประกาศนี้ส่งแล้วหรือยกเลิกแล้ว แก้ไขไม่ได้ค่ะ");
  const fields = await prepare(input, actor, baseUrl);
  const wasApproved = a.approvedRevision === a.revision;
  const res = await Announcement.updateOne(
    { _id: a._id, revision: a.revision, state: { $in: EDITABLE } },
    { $set: { ...fields, state: "draft", revision: a.revision + 1, updatedBy: actor.id }, $unset: { sendAt: 1, approvedBy: 1, approvedAt: 1, approvedRevision: 1, approvalRequestedBy: 1, approvalRequestedAt: 1 } },
  );
  if (res.modifiedCount === 0) throw new ValidationError("changed meanwhile", "ประกาศนี้เพิ่งถูกเปลี่ยนโดยผู้อื่น กรุณาเปิดใหม่อีกครั้งค่ะ");
  const after = (await Announcement.findById(a._id))!;
  await auditAnnouncement(after, actor.id, "announcement.edited", now, { revision: after.revision });
  if (wasApproved) await auditAnnouncement(after, actor.id, "announcement.approval_reset", now, { approvedRevision: a.revision });
  return after;
}

/** Refuses (QuotaError, numbers in Thai) when sending to `needed` people would pass the month's quota. */
export async function checkQuota(quota: QuotaReader, needed: number): Promise<void> {
  const q = await quota.messageQuota();
  if (q.limit !== null && q.used + needed > q.limit) throw new QuotaError(needed, q.limit, q.used);
}

/**
 * "ส่งทันที" (sendAt undefined) or "ตั้งเวลาส่ง": checks the audience size and the quota,
 * then schedules it, or asks for a second admin's approval first when four eyes apply.
 */
export async function requestSend(id: string, sendAt: Date | undefined, actor: Actor, now: Date, quota: QuotaReader): Promise<AnnouncementDoc> {
  const a = await announcementInScope(id, actor);
  if (a.state !== "draft") throw new ValidationError(`cannot send in state ${a.state}`, "ประกาศนี้อยู่ระหว่างรออนุมัติ ส่งแล้ว หรือยกเลิกแล้วค่ะ");
  if (sendAt && sendAt.getTime() < now.getTime() - 60_000) throw new ValidationError("sendAt in the past", "เวลาที่ตั้งส่งผ่านไปแล้วค่ะ");
  const size = await countAudience(normalizeAudience(a.audience as AudienceSpec));
  if (size === 0) throw new ValidationError("empty audience", "ไม่มีผู้รับในกลุ่มนี้ (ต้องเป็นผู้ติดตามบัญชีที่ไม่ได้ปิดการแจ้งข่าว) ค่ะ");
  await checkQuota(quota, size);
  const approvalRequired = districtCount(a.audience as AudienceSpec) > 1 || size > APPROVAL_RECIPIENTS;
  const approved = a.approvedRevision === a.revision;
  const state = approvalRequired && !approved ? "awaiting_approval" : "scheduled";
  const set: Record<string, unknown> = { state, audienceSize: size, approvalRequired, sendAt: sendAt ?? now };
  if (state === "awaiting_approval") Object.assign(set, { approvalRequestedBy: actor.id, approvalRequestedAt: now });
  const res = await Announcement.updateOne({ _id: a._id, revision: a.revision, state: "draft" }, { $set: set });
  if (res.modifiedCount === 0) throw new ValidationError("changed meanwhile", "ประกาศนี้เพิ่งถูกเปลี่ยนโดยผู้อื่น กรุณาเปิดใหม่อีกครั้งค่ะ");
  const after = (await Announcement.findById(a._id))!;
  await auditAnnouncement(after, actor.id, state === "awaiting_approval" ? "announcement.approval_requested" : "announcement.scheduled", now, { recipients: size, sendAt: (sendAt ?? now).toISOString() });
  return after;
}

/** A second admin (not who wrote or asked) approves the current revision; it is then scheduled. */
export async function approveAnnouncement(id: string, actor: Actor, now: Date): Promise<AnnouncementDoc> {
  const a = await announcementInScope(id, actor);
  if (actor.role !== "admin") throw new ForbiddenError("only admins approve", "ผู้อนุมัติต้องเป็นผู้ดูแลระบบค่ะ");
  if (a.state !== "awaiting_approval") throw new ValidationError(`nothing to approve in state ${a.state}`, "ประกาศนี้ไม่ได้รออนุมัติค่ะ");
  if ([a.createdBy, a.updatedBy, a.approvalRequestedBy].includes(actor.id)) throw new ForbiddenError("four eyes", "ผู้อนุมัติต้องเป็นผู้ดูแลระบบอีกคนหนึ่ง ไม่ใช่ผู้เขียนหรือผู้แก้ไขประกาศค่ะ");
  const res = await Announcement.updateOne(
    { _id: a._id, revision: a.revision, state: "awaiting_approval" },
    { $set: { state: "scheduled", approvedBy: actor.id, approvedAt: now, approvedRevision: a.revision, sendAt: a.sendAt && a.sendAt > now ? a.sendAt : now } },
  );
  if (res.modifiedCount === 0) throw new ValidationError("changed meanwhile", "ประกาศนี้เพิ่งถูกเปลี่ยน กรุณาตรวจทานอีกครั้งค่ะ");
  const after = (await Announcement.findById(a._id))!;
  await auditAnnouncement(after, actor.id, "announcement.approved", now, { revision: a.revision });
  return after;
}

export async function cancelAnnouncement(id: string, actor: Actor, now: Date): Promise<AnnouncementDoc> {
  const a = await announcementInScope(id, actor);
  const res = await Announcement.updateOne({ _id: a._id, state: { $in: EDITABLE } }, { $set: { state: "cancelled", cancelledBy: actor.id, cancelledAt: now } });
  if (res.modifiedCount === 0) throw new ValidationError(`cannot cancel in state ${a.state}`, "ประกาศนี้เริ่มส่งแล้วหรือยกเลิกแล้ว ยกเลิกไม่ได้ค่ะ");
  const after = (await Announcement.findById(a._id))!;
  await auditAnnouncement(after, actor.id, "announcement.cancelled", now, { previousState: a.state });
  return after;
}

export async function listAnnouncements(actor: Actor, limit = 100): Promise<AnnouncementDoc[]> {
  const scope = scopeOfActor(actor);
  if (scope.all) return Announcement.find({}, { attempts: 0 }).sort({ createdAt: -1 }).limit(limit);
  const rows = await Announcement.find({ districtCodes: { $in: scope.districts } }, { attempts: 0 }).sort({ createdAt: -1 }).limit(limit);
  return rows.filter((a) => a.districtCodes.every((d) => scope.districts.includes(d)));
}
