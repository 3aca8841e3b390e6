import type { messagingApi } from "@line/bot-sdk";
import type { AnnouncementDoc } from "../../models/announcement.model";
import type { AnnouncementReport } from "../../services/announcement-report";
import type { Principal } from "../auth/principal";
import { dateTime, districtName } from "./components.view";
import { html, trusted, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// The announcements list and one announcement's page: its preview, audience, approval
// (four eyes), the actions its state allows, and the delivery report.
export const STATE_LABELS: Record<string, string> = {
  draft: "ร่าง", awaiting_approval: "รออนุมัติ", scheduled: "รอส่ง", sending: "กำลังส่ง", sent: "ส่งแล้ว", failed: "ส่งไม่สำเร็จ", cancelled: "ยกเลิกแล้ว",
};

export function audienceText(a: AnnouncementDoc): string {
  const au = a.audience;
  const area = au.province
    ? "ทั้งจังหวัด"
    : [...au.districts.map((d) => districtName(d)), ...au.tambons.map((t) => `ต.รหัส ${t}`), ...au.villages.map((v) => `หมู่บ้าน ${v}`)].join(", ");
  const groups = [au.leaders ? "กำนันและผู้ใหญ่บ้าน" : "", au.remindersOptIn ? "ผู้สมัครรับแจ้งเตือนการประชุม" : ""].filter(Boolean).join(" และ ");
  return `${area}${groups ? ` · ${groups}` : " · ทุกคนในพื้นที่"}`;
}

export function announcementListView(d: { principal: Principal; csrfToken: string; items: AnnouncementDoc[]; timezone: string; flash?: Flash }): SafeHtml {
  return layoutView({
    title: "ประกาศถึงประชาชน",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "announcements",
    flash: d.flash,
    body: html`<link rel="stylesheet" href="/officer/static/announcements.css"><p><a class="button" href="/officer/announcements/new">สร้างประกาศ</a></p>
<div class="table-wrap"><table><thead><tr><th scope="col">หัวข้อ</th><th scope="col">ผู้รับ</th><th scope="col" class="num">จำนวน</th><th scope="col">กำหนดส่ง</th><th scope="col">สถานะ</th></tr></thead>
<tbody>${d.items.map(
      (a) => html`<tr><td><a href="/officer/announcements/${String(a._id)}">${a.title}</a></td><td>${audienceText(a)}</td><td class="num">${(a.plannedRecipients ?? a.audienceSize ?? 0).toLocaleString("en-US")}</td><td>${dateTime(a.sendAt, d.timezone)}</td><td>${STATE_LABELS[a.state] ?? a.state}</td></tr>`,
    )}</tbody></table></div>${d.items.length === 0 ? html`<p>ยังไม่มีประกาศค่ะ</p>` : ""}`,
  });
}

export interface AnnouncementDetailData {
  principal: Principal;
  csrfToken: string;
  a: AnnouncementDoc;
  messages: messagingApi.Message[];
  report: AnnouncementReport;
  names: Map<string, string>;
  timezone: string;
  flash?: Flash;
}

const post = (id: string, path: string, label: string, token: string, cls = "") =>
  html`<form method="post" action="/officer/announcements/${id}/${path}" class="inline">${csrfField(token)}<button type="submit"${cls ? html` class="${cls}"` : ""}>${label}</button></form>`;

function actionsOf(d: AnnouncementDetailData): SafeHtml {
  const a = d.a;
  const id = String(a._id);
  const editable = ["draft", "awaiting_approval", "scheduled"].includes(a.state);
  const canApprove = d.principal.role === "admin" && a.state === "awaiting_approval" && ![a.createdBy, a.updatedBy, a.approvalRequestedBy].includes(d.principal.id);
  return html`<div class="actions">
${a.state === "draft" ? post(id, "send", "ส่งทันที", d.csrfToken) : ""}
${canApprove ? post(id, "approve", "อนุมัติและส่ง", d.csrfToken) : ""}
${editable ? html`<a class="button secondary" href="/officer/announcements/${id}/edit">แก้ไข</a>` : ""}
${editable ? post(id, "cancel", "ยกเลิกประกาศ", d.csrfToken, "danger") : ""}
</div>`;
}

function reportView(r: AnnouncementReport, tz: string): SafeHtml {
  return html`<section class="card" aria-labelledby="report-h"><h2 id="report-h">รายงานการส่ง</h2>
<dl class="facts"><dt>ผู้รับตามแผน</dt><dd id="planned">${r.plannedRecipients.toLocaleString("en-US")}</dd>
<dt>วิธีส่ง</dt><dd>${r.mode === "broadcast" ? "broadcast (ทั้งบัญชี)" : "multicast ครั้งละไม่เกิน 500 คน"}</dd>
<dt>คำขอที่ LINE รับ</dt><dd id="accepted">${r.requests.accepted} (ซ้ำที่ LINE รับไว้แล้ว ${r.requests.duplicate})</dd>
<dt>ลองใหม่</dt><dd>${r.requests.retried}</dd><dt>ล้มเหลว</dt><dd>${r.requests.failed}</dd>
<dt>เริ่มส่ง</dt><dd>${dateTime(r.timing.startedAt, tz)}</dd><dt>ส่งเสร็จ</dt><dd>${dateTime(r.timing.finishedAt, tz)}</dd>
<dt>ใช้เวลา</dt><dd>${r.timing.durationMs !== undefined ? `${(r.timing.durationMs / 1000).toFixed(1)} วินาที` : "-"}</dd></dl>
<details><summary>คำขอทั้งหมด (${r.attempts.length})</summary><div class="table-wrap"><table><thead><tr><th scope="col">เวลา</th><th scope="col">ชุด</th><th scope="col" class="num">ผู้รับ</th><th scope="col" class="num">HTTP</th><th scope="col">ผล</th><th scope="col">LINE request id</th></tr></thead>
<tbody>${r.attempts.map((t) => html`<tr><td>${dateTime(t.at, tz)}</td><td>${t.chunkKey.split("#")[1] ?? ""}</td><td class="num">${t.recipients}</td><td class="num">${t.status ?? "-"}</td><td>${t.outcome}${t.error ? ` (${t.error})` : ""}</td><td><code>${t.requestId ?? "-"}</code></td></tr>`)}</tbody></table></div></details>
</section>`;
}

export function announcementDetailView(d: AnnouncementDetailData): SafeHtml {
  const a = d.a;
  const name = (id?: string | null) => (id ? d.names.get(id) ?? id : "-");
  // Data for the preview script; "<" escaped so the JSON cannot end the element.
  const data = JSON.stringify(d.messages).replace(/</g, "\\u003c");
  return layoutView({
    title: a.title,
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "announcements",
    flash: d.flash,
    body: html`<link rel="stylesheet" href="/officer/static/sim/flex.css"><link rel="stylesheet" href="/officer/static/announcements.css">
<section class="card"><dl class="facts">
<dt>สถานะ</dt><dd id="state">${STATE_LABELS[a.state] ?? a.state}${a.reason ? ` (${a.reason})` : ""}</dd>
<dt>ผู้รับ</dt><dd>${audienceText(a)}</dd><dt>จำนวนผู้รับ (ตอนบันทึก)</dt><dd id="size">${a.audienceSize.toLocaleString("en-US")} คน</dd>
<dt>ในนามของ</dt><dd>${a.office}</dd><dt>กำหนดส่ง</dt><dd>${dateTime(a.sendAt, d.timezone)}</dd>
<dt>ต้องอนุมัติ</dt><dd>${a.approvalRequired ? "ต้องมีผู้ดูแลระบบอีกคนอนุมัติ" : "ไม่ต้อง"}</dd>
<dt>ผู้เขียน / แก้ไขล่าสุด</dt><dd>${name(a.createdBy)} / ${name(a.updatedBy)} (ฉบับที่ ${a.revision})</dd>
<dt>ผู้อนุมัติ</dt><dd id="approver">${a.approvedRevision === a.revision ? `${name(a.approvedBy)} · ${dateTime(a.approvedAt, d.timezone)}` : "-"}</dd>
</dl>${actionsOf(d)}</section>
<section class="card preview" aria-labelledby="preview-h"><h2 id="preview-h">ตัวอย่างใน LINE</h2>
<div id="preview" class="phone"></div><script type="application/json" id="preview-data">${trusted(data)}</script></section>
${reportView(d.report, d.timezone)}
<script type="module" src="/officer/static/announcement-preview.js"></script>`,
  });
}
