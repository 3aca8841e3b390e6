import { createHash, randomInt } from "node:crypto";
import { Types } from "mongoose";
import { NotFoundError, RateLimitError, ValidationError } from "../errors";
import { hashUserId } from "../logger";
import { AuditLog } from "../models/audit-log.model";
import { HeadmanCodeAttempt } from "../models/headman-code-attempt.model";
import { Officer } from "../models/officer.model";
import { OfficerLine, OfficerLinkCode } from "../models/officer-line.model";

// Linking a dashboard account to the officer's LINE account, as headmen register:
// the dashboard shows a one-time code (only its hash is stored), the officer types
// "เชื่อมบัญชีเจ้าหน้าที่ <code>" in the chat. Wrong codes count against the same
// per-user hourly limit as headman codes.
export const LINK_CODE_TTL_MINUTES = 30;
const MAX_WRONG_PER_HOUR = 5;
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY2345679";
const LENGTH = 8;

const hashCode = (normalized: string) => createHash("sha256").update(`officer-link:${normalized}`).digest("hex");
const normalize = (raw: string) => raw.normalize("NFKC").toUpperCase().replace(/[^A-Z0-9]/g, "");

export async function issueLinkCode(officerId: string, now: Date): Promise<{ code: string; expiresAt: Date }> {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MINUTES * 60_000);
  await OfficerLinkCode.create({ _id: hashCode(code), officerId: new Types.ObjectId(officerId), expiresAt, issuedAt: now });
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

async function wrong(userHash: string, now: Date, text: string): Promise<never> {
  await HeadmanCodeAttempt.create({ userHash, at: now });
  throw new ValidationError("wrong officer link code", text);
}

/** Redeems a code: this LINE account becomes the officer's (an earlier link of either side is replaced). */
export async function redeemLinkCode(lineUserId: string, rawCode: string, now: Date): Promise<{ displayName: string }> {
  const userHash = hashUserId(lineUserId)!;
  const since = new Date(now.getTime() - 3_600_000);
  if ((await HeadmanCodeAttempt.countDocuments({ userHash, at: { $gte: since } })) >= MAX_WRONG_PER_HOUR) {
    throw new RateLimitError("too many wrong codes", "ขออภัยค่ะ กรอกรหัสไม่ถูกต้องหลายครั้งเกินไป กรุณารอประมาณ 1 ชั่วโมงแล้วลองใหม่ค่ะ");
  }
  const normalized = normalize(rawCode);
  if (normalized.length !== LENGTH) return wrong(userHash, now, "รหัสเชื่อมบัญชีมี 8 ตัว เช่น KQ7M-3XTA กรุณาตรวจสอบแล้วส่งใหม่ค่ะ");
  // One conditional update spends the code: atomic on MongoDB.
  const spent = await OfficerLinkCode.findOneAndUpdate({ _id: hashCode(normalized), usedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now } }, { new: true });
  if (!spent) return wrong(userHash, now, "รหัสนี้ไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้วค่ะ กรุณาขอรหัสใหม่จากหน้า \"แจ้งเตือนทาง LINE\" ในระบบเจ้าหน้าที่ค่ะ");
  const officer = await Officer.findOne({ _id: spent.officerId, disabled: false });
  if (!officer) throw new NotFoundError("officer gone", "บัญชีเจ้าหน้าที่นี้ถูกปิดใช้งานแล้วค่ะ");
  await OfficerLine.deleteMany({ lineUserId, _id: { $ne: officer._id } });
  await OfficerLine.updateOne({ _id: officer._id }, { $set: { lineUserId, linkedAt: now, muted: false } }, { upsert: true });
  await AuditLog.create({ at: now, actor: { kind: "officer", id: String(officer._id) }, action: "officer.line_linked" });
  return { displayName: officer.displayName || officer.username };
}

export interface LineLink {
  linked: boolean;
  muted: boolean;
  linkedAt?: Date;
}

export async function lineLinkOf(officerId: string): Promise<LineLink> {
  const row = await OfficerLine.findById(new Types.ObjectId(officerId)).lean();
  return row ? { linked: true, muted: row.muted, linkedAt: row.linkedAt } : { linked: false, muted: false };
}

export async function setMutedByOfficer(officerId: string, muted: boolean): Promise<boolean> {
  const r = await OfficerLine.updateOne({ _id: new Types.ObjectId(officerId) }, { $set: { muted } });
  return r.matchedCount > 0;
}

/** From the chat: false when this LINE account is not linked to any officer. */
export async function setMutedByLine(lineUserId: string, muted: boolean): Promise<boolean> {
  const r = await OfficerLine.updateOne({ lineUserId }, { $set: { muted } });
  return r.matchedCount > 0;
}

export async function unlinkLine(officerId: string, now: Date): Promise<void> {
  await OfficerLine.deleteOne({ _id: new Types.ObjectId(officerId) });
  await AuditLog.create({ at: now, actor: { kind: "officer", id: officerId }, action: "officer.line_unlinked" });
}

export interface AlertRecipient {
  officerId: string;
  lineUserId: string;
  role: string;
  districts: string[];
}

/** Linked, unmuted, enabled people. Officers and links are few (one or two per district). */
export async function alertRecipients(): Promise<AlertRecipient[]> {
  const links = await OfficerLine.find({ muted: false }).lean();
  if (links.length === 0) return [];
  const officers = await Officer.find({ _id: { $in: links.map((l) => l._id) }, disabled: false, kind: "human", role: { $in: ["admin", "officer"] } }, { role: 1, districts: 1 }).lean();
  const byId = new Map(links.map((l) => [String(l._id), l.lineUserId]));
  return officers.map((o) => ({ officerId: String(o._id), lineUserId: byId.get(String(o._id))!, role: o.role, districts: [...o.districts] }));
}

/** Who hears about a case: the officers of its district, or the admins for a case sent to the province. */
export function recipientsForCase(all: readonly AlertRecipient[], c: { level: string; districtCode?: string | null }): AlertRecipient[] {
  if (c.level === "district" && c.districtCode) return all.filter((r) => r.role === "officer" && r.districts.includes(c.districtCode!));
  return all.filter((r) => r.role === "admin");
}
