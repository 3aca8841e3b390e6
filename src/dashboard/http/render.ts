import type { Request, Response } from "express";
import type { SafeHtml } from "../views/html";
import type { Flash } from "../views/layout.view";

// Sending pages, and the fixed flash messages shown after a redirect (?msg=key):
// the text comes from this table, never from the URL.
export function sendPage(res: Response, page: SafeHtml, status = 200): void {
  res.status(status).type("html").send(page.value);
}

const FLASH: Record<string, Flash> = {
  status: { kind: "ok", text: "เปลี่ยนสถานะและแจ้งผู้ร้องเรียนแล้วค่ะ" },
  note: { kind: "ok", text: "บันทึกหมายเหตุภายในแล้วค่ะ" },
  message: { kind: "ok", text: "ส่งข้อความถึงผู้ร้องเรียนแล้วค่ะ" },
  created: { kind: "ok", text: "บันทึกเรียบร้อยแล้วค่ะ" },
  saved: { kind: "ok", text: "บันทึกการแก้ไขแล้วค่ะ" },
  cancelled: { kind: "ok", text: "ยกเลิกการประชุมแล้วค่ะ" },
  imported: { kind: "ok", text: "นำเข้าข้อมูลแล้วค่ะ" },
  password: { kind: "ok", text: "เปลี่ยนรหัสผ่านแล้วค่ะ" },
  totp_on: { kind: "ok", text: "เปิดใช้การยืนยันตัวตนสองขั้นแล้วค่ะ" },
  totp_off: { kind: "ok", text: "ปิดการยืนยันตัวตนสองขั้นแล้วค่ะ" },
  disabled: { kind: "ok", text: "ปิดบัญชีแล้วค่ะ" },
  enabled: { kind: "ok", text: "เปิดบัญชีแล้วค่ะ" },
  unlocked: { kind: "ok", text: "ปลดล็อกการเข้าสู่ระบบแล้วค่ะ" },
  revoked: { kind: "ok", text: "ยกเลิกโทเคนแล้วค่ะ" },
  totp_required: { kind: "error", text: "บัญชีนี้ต้องเปิดใช้การยืนยันตัวตนสองขั้นก่อนใช้งานค่ะ" },
  totp_optional: { kind: "ok", text: "ยกเลิกการบังคับใช้การยืนยันสองขั้นแล้วค่ะ" },
  loggedout: { kind: "ok", text: "ออกจากระบบแล้วค่ะ" },
  approval_requested: { kind: "ok", text: "ส่งคำขออนุมัติแล้วค่ะ ผู้ดูแลระบบอีกคนต้องอนุมัติก่อนจึงจะส่งได้" },
  scheduled: { kind: "ok", text: "ตั้งส่งประกาศแล้วค่ะ" },
  approved: { kind: "ok", text: "อนุมัติประกาศแล้วค่ะ" },
  announcement_cancelled: { kind: "ok", text: "ยกเลิกประกาศแล้วค่ะ" },
  expired: { kind: "error", text: "หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้งค่ะ" },
};

export function flashFrom(req: Request): Flash | undefined {
  const key = req.query.msg;
  return typeof key === "string" ? FLASH[key] : undefined;
}

/** A string field of a parsed form or query (arrays and objects are ignored). */
export function field(source: unknown, name: string): string {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  return typeof v === "string" ? v : "";
}

/** Only same-site dashboard paths are followed after login (no open redirect). */
export function safeNext(next: string): string {
  return /^\/officer(\/[A-Za-z0-9\-._~%/?=&]*)?$/.test(next) && !next.startsWith("//") && !next.includes("\\") ? next : "/officer";
}

/** A 1-based page number from a query value; anything odd is page 1. */
export function pageNumber(v: unknown): number {
  const n = typeof v === "string" ? Number.parseInt(v, 10) : 1;
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}
