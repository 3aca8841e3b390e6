import type { Principal } from "../auth/principal";
import type { AuditRow } from "../queries/audit.query";
import { STATUS_LABELS } from "../../services/complaint-labels";
import { dateTime, pagerView } from "./components.view";
import { html, type SafeHtml } from "./html";
import { layoutView } from "./layout.view";

// Admin: the audit log, newest first, filterable by action and complaint.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "complaint.viewed": "เปิดดูเรื่องร้องเรียน",
  "complaint.identity_viewed": "เปิดดูตัวตนผู้ร้องเรียน",
  "complaint.status_changed": "เปลี่ยนสถานะ",
  "complaint.note_added": "เพิ่มหมายเหตุภายใน",
  "complaint.reporter_messaged": "ส่งข้อความถึงผู้แจ้ง",
  "complaint.reporter_message": "ผู้แจ้งส่งข้อความ",
  "complaint.identity_denied": "ขอดูตัวตนผู้แจ้งแต่ไม่ได้รับอนุญาต",
  "complaint.submitted": "ผู้แจ้งส่งเรื่อง",
  "complaint.track_miss": "ใส่รหัสติดตามผิด",
  "complaint.reporter_unlinked": "ลบการเชื่อมโยงผู้แจ้ง (PDPA)",
  "complaint.evidence_viewed": "เปิดดูหลักฐาน",
  "meeting.photo_viewed": "เปิดดูรูปกิจกรรมการประชุม",
  "complaint.exported": "ส่งออกข้อมูล",
  "headman.code_issued": "ออกรหัสผู้ใหญ่บ้าน",
  "import.villages": "นำเข้าหมู่บ้าน",
  "import.meetings": "นำเข้าการประชุม",
  "officer.login": "เข้าสู่ระบบ",
  "officer.login_failed": "เข้าสู่ระบบไม่สำเร็จ",
  "officer.created": "เพิ่มบัญชี",
  "officer.disabled": "ปิดบัญชี",
  "officer.enabled": "เปิดบัญชี",
  "officer.unlocked": "ปลดล็อกบัญชี",
  "officer.token_issued": "ออกโทเคนเชื่อมต่อระบบ",
  "officer.token_revoked": "ยกเลิกโทเคนเชื่อมต่อระบบ",
  "officer.password_changed": "เปลี่ยนรหัสผ่าน",
  "officer.totp_enabled": "เปิดการยืนยันสองขั้น",
  "officer.totp_disabled": "ปิดการยืนยันสองขั้น",
  "officer.totp_required": "บังคับการยืนยันสองขั้น",
  "officer.totp_optional": "ยกเลิกการบังคับการยืนยันสองขั้น",
  "inbox.dead_lettered": "ข้อความที่ระบบประมวลผลไม่สำเร็จ (ตอบขออภัยแล้ว)",
  "announcement.created": "สร้างประกาศ",
  "announcement.edited": "แก้ไขประกาศ",
  "announcement.approval_requested": "ขออนุมัติประกาศ",
  "announcement.approved": "อนุมัติประกาศ",
  "announcement.approval_reset": "การอนุมัติถูกยกเลิกเพราะแก้ไขประกาศ",
  "announcement.scheduled": "ตั้งส่งประกาศ",
  "announcement.sent": "ส่งประกาศแล้ว",
  "announcement.failed": "ส่งประกาศไม่สำเร็จ",
  "announcement.cancelled": "ยกเลิกประกาศ",
};

const ACTOR_KINDS: Record<string, string> = { officer: "เจ้าหน้าที่", system: "ระบบ", reporter: "ผู้แจ้ง", service: "บัญชีระบบ" };

export interface AuditViewData {
  principal: Principal;
  csrfToken: string;
  rows: AuditRow[];
  /** complaint id → tracking code, for links. */
  codes: Map<string, string>;
  total: number;
  page: number;
  pageSize: number;
  filter: { action?: string; complaintId?: string };
  timezone: string;
}

/** Detail keys in words officers use. Identifiers (ids, batch numbers) go behind "รายละเอียด". */
const DETAIL_LABELS: Record<string, string> = {
  expectsReply: "ขอให้ผู้แจ้งตอบ",
  includeIdentity: "รวมข้อมูลผู้แจ้ง",
  from: "จากสถานะ",
  to: "เป็นสถานะ",
  via: "ช่องทาง",
  reason: "เหตุผล",
  count: "จำนวน",
  imported: "นำเข้า (รายการ)",
  villageNo: "หมู่ที่",
  tambonCode: "รหัสตำบล",
  role: "บทบาท",
  username: "ชื่อผู้ใช้",
  totp: "ยืนยันสองขั้น",
  target: "บัญชี",
};
const IDENTIFIERS = new Set(["fileId", "batchId", "target", "username", "tambonCode", "tokenId"]);
const VALUE_LABELS: Record<string, string> = {
  ...STATUS_LABELS,
  export: "ส่งออกข้อมูล",
  reveal: "กดดูข้อมูลผู้แจ้ง",
  anonymous: "ผู้แจ้งไม่เปิดเผยตัวตน",
  headman: "ผู้ใหญ่บ้าน",
  kamnan: "กำนัน",
  admin: "ผู้ดูแลระบบ",
  officer: "เจ้าหน้าที่อำเภอ",
  viewer: "ผู้ดูสถิติ",
};

function valueText(v: unknown): string {
  if (typeof v === "boolean") return v ? "ใช่" : "ไม่ใช่";
  if (typeof v === "number") return v.toLocaleString("th-TH");
  return VALUE_LABELS[String(v)] ?? String(v);
}

export function detailView(detail: Record<string, unknown> | undefined): SafeHtml {
  const entries = Object.entries(detail ?? {}).filter(([, v]) => v !== undefined && v !== null && typeof v !== "object");
  const plain = entries.filter(([k]) => !IDENTIFIERS.has(k) && DETAIL_LABELS[k]);
  const ids = entries.filter(([k]) => IDENTIFIERS.has(k) || !DETAIL_LABELS[k]);
  return html`${plain.map(([k, v], i) => html`${i > 0 ? " · " : ""}${DETAIL_LABELS[k]}: ${valueText(v)}`)}${
    ids.length
      ? html`<details class="more"><summary>รายละเอียด</summary>${ids.map(([k, v]) => html`<div>${DETAIL_LABELS[k] ?? "รหัสอ้างอิง"}: <span class="mono">${String(v)}</span></div>`)}</details>`
      : ""
  }`;
}

export function auditView(d: AuditViewData): SafeHtml {
  const actions = Object.entries(AUDIT_ACTION_LABELS);
  return layoutView({
    title: "บันทึกการตรวจสอบ",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "audit",
    body: html`<form class="card filters" method="get" action="/officer/audit">
<div><label for="f-action">การกระทำ</label><select id="f-action" name="action"><option value="">ทั้งหมด</option>${actions.map(
      ([v, l]) => html`<option value="${v}"${v === d.filter.action ? html` selected` : ""}>${l}</option>`,
    )}</select></div>
<div><button type="submit">กรอง</button></div></form>
<div class="table-wrap"><table><thead><tr><th scope="col">เวลา</th><th scope="col">ผู้กระทำ</th><th scope="col">การกระทำ</th><th scope="col">เรื่อง</th><th scope="col">รายละเอียด</th></tr></thead>
<tbody>${d.rows.map((r) => {
      const code = r.complaintId ? d.codes.get(r.complaintId) : undefined;
      return html`<tr><td>${dateTime(r.at, d.timezone)}</td><td>${r.actorName ? html`<span class="mono">${r.actorName}</span>` : ACTOR_KINDS[r.actorKind] ?? r.actorKind}</td><td>${AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
<td>${code ? html`<a class="mono" href="/officer/complaints/${code}">${code}</a>` : r.complaintId ? html`<a class="mono" href="/officer/audit?complaintId=${r.complaintId}">${r.complaintId}</a>` : "-"}</td>
<td>${detailView(r.detail)}</td></tr>`;
    })}</tbody></table></div>
${pagerView("/officer/audit", { action: d.filter.action, complaintId: d.filter.complaintId }, d.page, d.pageSize, d.total)}`,
  });
}
