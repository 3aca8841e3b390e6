import { announcementBubble, type AnnouncementContent } from "../../flex-messages/announcement.flex";
import { ValidationError } from "../errors";
import { MAX_TEXT_LENGTH } from "../line/limits";
import { BUTTON_ACTIONS } from "../models/announcement.model";

// LINE's limits, checked when an announcement is saved rather than when it is sent
// (shared/reference/line.md §2.5 and §3): text ≤ 5000 UTF-16 units, a Flex bubble's
// JSON ≤ 30 KB, Flex button labels ≤ 40, a URI action ≤ 1000 characters. Images: our
// own rule, JPEG or PNG up to 1 MB (the type read from the bytes, not the file name).
export const ANNOUNCEMENT_LIMITS = {
  title: 80,
  text: MAX_TEXT_LENGTH,
  bubbleBytes: 30_000,
  buttonLabel: 40,
  uri: 1000,
  imageBytes: 1_000_000,
} as const;

export interface ButtonInput {
  kind: "none" | "url" | "action";
  label?: string;
  url?: string;
  action?: string;
}

const fail = (what: string, thai: string): never => {
  throw new ValidationError(what, thai);
};

/** The content of a button as the Flex builder takes it, or undefined; throws on a bad one. */
export function checkButton(b: ButtonInput): AnnouncementContent["button"] {
  if (b.kind === "none") return undefined;
  const label = (b.label ?? "").trim();
  if (!label) fail("button label missing", "กรุณาระบุข้อความบนปุ่มค่ะ");
  if (label.length > ANNOUNCEMENT_LIMITS.buttonLabel) fail("button label too long", `ข้อความบนปุ่มยาวได้ไม่เกิน ${ANNOUNCEMENT_LIMITS.buttonLabel} ตัวอักษรค่ะ (ตอนนี้ ${label.length})`);
  if (b.kind === "url") {
    const url = (b.url ?? "").trim();
    let ok = false;
    try {
      ok = new URL(url).protocol === "https:";
    } catch {
      ok = false;
    }
    if (!ok) fail("button url must be https", "ลิงก์ของปุ่มต้องขึ้นต้นด้วย https:// ค่ะ");
    if (url.length > ANNOUNCEMENT_LIMITS.uri) fail("button url too long", `ลิงก์ยาวได้ไม่เกิน ${ANNOUNCEMENT_LIMITS.uri} ตัวอักษรค่ะ`);
    return { kind: "url", label, url };
  }
  if (!(BUTTON_ACTIONS as readonly string[]).includes(b.action ?? "")) fail("unknown bot action", "กรุณาเลือกคำสั่งของบอตสำหรับปุ่มค่ะ");
  return { kind: "action", label, action: b.action! };
}

/** Throws a ValidationError (Thai message) when the content breaks a LINE limit. */
export function checkContent(c: AnnouncementContent): void {
  if (!c.title.trim()) fail("title missing", "กรุณาระบุหัวข้อประกาศค่ะ");
  if (c.title.length > ANNOUNCEMENT_LIMITS.title) fail("title too long", `หัวข้อยาวได้ไม่เกิน ${ANNOUNCEMENT_LIMITS.title} ตัวอักษรค่ะ (ตอนนี้ ${c.title.length})`);
  if (!c.text.trim()) fail("text missing", "กรุณาพิมพ์ข้อความประกาศค่ะ");
  if (c.text.length > ANNOUNCEMENT_LIMITS.text) fail("text too long", `ข้อความยาวได้ไม่เกิน ${ANNOUNCEMENT_LIMITS.text} ตัวอักษรตามข้อจำกัดของ LINE ค่ะ (ตอนนี้ ${c.text.length})`);
  const bytes = Buffer.byteLength(JSON.stringify(announcementBubble(c)), "utf8");
  if (bytes > ANNOUNCEMENT_LIMITS.bubbleBytes) fail("bubble too large", `ประกาศนี้ใหญ่เกินข้อจำกัดของ LINE (${bytes.toLocaleString("en-US")} จาก ${ANNOUNCEMENT_LIMITS.bubbleBytes.toLocaleString("en-US")} ไบต์) กรุณาย่อข้อความค่ะ`);
}

/** The image type from its first bytes; throws unless it is a JPEG or PNG within the size limit. */
export function checkImage(data: Buffer): "image/jpeg" | "image/png" {
  if (data.length === 0) fail("empty image", "ไฟล์รูปว่างเปล่าค่ะ");
  if (data.length > ANNOUNCEMENT_LIMITS.imageBytes) fail("image too large", `รูปใหญ่ได้ไม่เกิน 1 MB ค่ะ (ไฟล์นี้ ${(data.length / 1_000_000).toFixed(1)} MB)`);
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  return fail("not a jpeg or png", "รองรับเฉพาะรูป JPEG หรือ PNG ค่ะ");
}
