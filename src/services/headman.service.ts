import { createHash, randomInt } from "node:crypto";
import { getTambon } from "../content/areas/areas";
import { RateLimitError, ValidationError } from "../errors";
import { hashUserId } from "../logger";
import { HeadmanCode } from "../models/headman-code.model";
import { HeadmanCodeAttempt } from "../models/headman-code-attempt.model";
import { Member, type MemberDoc } from "../models/member.model";
import { ensureVillage, villageLabel, type VillageRef } from "./village.service";

// Headman and kamnan registration with one-time codes an officer issues, and the
// residents' opt-in to meeting reminders. No LINE types here.
export const CODE_TTL_DAYS = 7;
/** Wrong codes allowed per LINE user per hour before a polite lockout. */
export const MAX_WRONG_CODES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
// No 0/O, 1/I/L, 5/S, 8/B: codes are read aloud over the phone and typed on phones.
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY2345679";
const CODE_LENGTH = 8;

export type LeaderRole = "headman" | "kamnan";

export interface IssuedCode {
  /** Shown once, e.g. "KQ7M-3XTA"; only its hash is stored. */
  code: string;
  role: LeaderRole;
  village: VillageRef;
  expiresAt: Date;
}

export function normalizeCode(raw: string): string {
  return raw.normalize("NFKC").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function hashCode(normalized: string): string {
  return createHash("sha256").update(`headman-code:${normalized}`).digest("hex");
}

/** Issues a one-time code for a village's headman, or (role kamnan) for its tambon's kamnan. */
export async function issueHeadmanCode(input: { village: VillageRef; role?: LeaderRole; issuedBy?: string; now: Date; ttlDays?: number }): Promise<IssuedCode> {
  const role = input.role ?? "headman";
  await ensureVillage(input.village);
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  const expiresAt = new Date(input.now.getTime() + (input.ttlDays ?? CODE_TTL_DAYS) * 24 * HOUR_MS);
  await HeadmanCode.create({ _id: hashCode(code), role, ...input.village, expiresAt, issuedBy: input.issuedBy, issuedAt: input.now });
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, role, village: input.village, expiresAt };
}

async function checkGuessLimit(userHash: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - HOUR_MS);
  await HeadmanCodeAttempt.deleteMany({ userHash, at: { $lt: since } });
  const wrong = await HeadmanCodeAttempt.countDocuments({ userHash, at: { $gte: since } });
  if (wrong >= MAX_WRONG_CODES_PER_HOUR) {
    throw new RateLimitError("too many wrong headman codes", "ขออภัยค่ะ กรอกรหัสไม่ถูกต้องหลายครั้งเกินไป เพื่อความปลอดภัย กรุณารอประมาณ 1 ชั่วโมงแล้วลองใหม่ หรือติดต่อเจ้าหน้าที่อำเภอเพื่อขอรหัสใหม่ค่ะ");
  }
}

async function wrongCode(userHash: string, now: Date, userMessage: string): Promise<never> {
  await HeadmanCodeAttempt.create({ userHash, at: now });
  throw new ValidationError("wrong headman code", userMessage);
}

export interface Registration {
  role: LeaderRole;
  village: VillageRef;
  /** "หมู่ 5 ต.ในเมือง" or "ต.ในเมือง" for a kamnan. */
  label: string;
}

/**
 * Redeems a code: the member becomes the village's headman (or the tambon's kamnan).
 * Expired, used and unknown codes count against the guessing limit. The code is spent
 * with one conditional findOneAndUpdate: of members racing for a code, one wins.
 */
export async function registerWithCode(lineUserId: string, rawCode: string, now: Date): Promise<Registration> {
  const userHash = hashUserId(lineUserId)!;
  await checkGuessLimit(userHash, now);
  const normalized = normalizeCode(rawCode);
  if (normalized.length !== CODE_LENGTH) return wrongCode(userHash, now, "รหัสลงทะเบียนมี 8 ตัว เช่น KQ7M-3XTA กรุณาตรวจสอบแล้วส่งใหม่อีกครั้งค่ะ");
  const _id = hashCode(normalized);
  const code = await HeadmanCode.findById(_id);
  if (!code) return wrongCode(userHash, now, "ไม่พบรหัสนี้ค่ะ กรุณาตรวจสอบตัวอักษรอีกครั้ง หรือขอรหัสใหม่จากเจ้าหน้าที่อำเภอค่ะ");
  if (code.usedBy === lineUserId) return describe(code.role as LeaderRole, code);
  if (code.usedAt) return wrongCode(userHash, now, "รหัสนี้ถูกใช้ลงทะเบียนไปแล้วค่ะ หากไม่ใช่ท่าน กรุณาแจ้งเจ้าหน้าที่อำเภอเพื่อขอรหัสใหม่ค่ะ");
  if (code.expiresAt.getTime() <= now.getTime()) return wrongCode(userHash, now, "รหัสนี้หมดอายุแล้วค่ะ กรุณาขอรหัสใหม่จากเจ้าหน้าที่อำเภอค่ะ");
  const spent = await HeadmanCode.findOneAndUpdate(
    { _id, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now, usedBy: lineUserId } },
    { new: true },
  );
  if (!spent) return wrongCode(userHash, now, "รหัสนี้ถูกใช้ลงทะเบียนไปแล้วค่ะ");
  const role = code.role as LeaderRole;
  const village: VillageRef = { districtCode: code.districtCode, tambonCode: code.tambonCode, villageNo: code.villageNo };
  // One headman per village and one kamnan per tambon: the officer's code is authoritative.
  const previous = role === "kamnan" ? { role, "village.tambonCode": village.tambonCode } : { role, "village.tambonCode": village.tambonCode, "village.villageNo": village.villageNo };
  await Member.updateMany({ ...previous, lineUserId: { $ne: lineUserId } }, { $set: { role: "resident" } });
  await Member.findOneAndUpdate(
    { lineUserId },
    { $set: { role, village }, $setOnInsert: { lineUserId, followed: true, followedAt: now, meetingReminders: false } },
    { upsert: true },
  );
  return describe(role, village);
}

function describe(role: LeaderRole, v: { districtCode: string; tambonCode: string; villageNo: number }): Registration {
  const village = { districtCode: v.districtCode, tambonCode: v.tambonCode, villageNo: v.villageNo };
  const tambon = getTambon(v.tambonCode)?.nameTh ?? v.tambonCode;
  return { role, village, label: role === "kamnan" ? `ต.${tambon}` : villageLabel(village) };
}

/** Turns meeting reminders on or off; a village given here becomes the member's village. */
export async function setMeetingReminders(lineUserId: string, on: boolean, now: Date, village?: VillageRef): Promise<MemberDoc> {
  const set: Record<string, unknown> = { meetingReminders: on };
  if (village) set.village = village;
  const doc = await Member.findOneAndUpdate(
    { lineUserId },
    { $set: set, $setOnInsert: { lineUserId, followed: true, followedAt: now, role: "resident" } },
    { upsert: true, new: true },
  );
  return doc!;
}
