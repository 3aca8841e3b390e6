import { CATEGORY_LABELS, STATUS_LABELS } from "../../services/complaint-labels";
import type { CaseQueue, QueueRow } from "../../services/case-clock/case-queue";
import { areaLabel } from "../../services/case-clock/case-alerts";
import type { Principal } from "../auth/principal";
import { clockBadge, clockText, dueDate } from "./case-clock.view";
import { districtName } from "./components.view";
import { html, type SafeHtml } from "./html";
import { layoutView, type Flash } from "./layout.view";

// The queue by time left: counts per district, then every open case, the most
// urgent first; cases waiting on the reporter last.
export interface QueueViewData {
  principal: Principal;
  csrfToken: string;
  queue: CaseQueue;
  overdueOnly: boolean;
  timezone: string;
  flash?: Flash;
}

const label = (map: Record<string, string>, k: string) => map[k] ?? k;

function row(r: QueueRow, tz: string): SafeHtml {
  return html`<tr class="${r.overdue ? "overdue" : r.dueToday ? "today" : ""}"><td data-label="รหัสติดตาม"><span><a class="mono" href="/officer/complaints/${r.id}">${r.trackingCode}</a></span></td>
<td data-label="เวลาที่เหลือ"><span>${clockBadge(r)}${r.overdue ? html` <span class="muted">${clockText(r)}</span>` : ""}</span></td><td data-label="กำหนด"><span>${dueDate(r.dueDay, tz)}</span></td>
<td data-label="ประเภท"><span>${label(CATEGORY_LABELS, r.category)}</span></td><td data-label="พื้นที่"><span>${r.level === "province" ? html`<span class="badge">ระดับจังหวัด</span> ` : ""}${areaLabel(r)}</span></td>
<td data-label="สถานะ"><span><span class="badge ${r.status}">${label(STATUS_LABELS, r.status)}</span>${r.escalated ? html` <span class="badge">ส่งถึงจังหวัดแล้ว</span>` : ""}${r.expedited ? html` <span class="badge">ผู้แจ้งขอเร่งรัด</span>` : ""}</span></td></tr>`;
}

function table(rows: readonly QueueRow[], caption: string, tz: string): SafeHtml {
  return html`<div class="table-wrap"><table class="queue"><caption class="muted">${caption}</caption>
<thead><tr><th scope="col">รหัสติดตาม</th><th scope="col">เวลาที่เหลือ</th><th scope="col">กำหนด</th><th scope="col">ประเภท</th><th scope="col">พื้นที่</th><th scope="col">สถานะ</th></tr></thead>
<tbody>${rows.map((r) => row(r, tz))}</tbody></table></div>`;
}

export function queueView(d: QueueViewData): SafeHtml {
  const q = d.queue;
  const admin = d.principal.role === "admin";
  return layoutView({
    title: d.overdueOnly ? "คิวเรื่องเกินกำหนด (ระดับจังหวัด)" : "คิวตามกำหนดเวลา",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "queue",
    flash: d.flash,
    body: html`<ul class="counts" aria-label="สรุป">
<li>ครบกำหนดวันนี้ <strong data-count="due-today">${q.totals.dueToday}</strong></li><li>เกินกำหนด <strong data-count="overdue">${q.totals.overdue}</strong></li></ul>
<p>${d.overdueOnly ? html`<a class="button secondary" href="/officer/queue">ดูทุกเรื่องที่เปิดอยู่</a>` : html`<a class="button secondary" href="/officer/queue?overdue=1">เฉพาะเรื่องเกินกำหนด</a>`}
<a class="button secondary" href="/officer/line">แจ้งเตือนทาง LINE</a>${admin ? html` <a class="button secondary" href="/officer/holidays">วันหยุดราชการ</a>` : ""}</p>
<section class="card" aria-labelledby="per-district"><h2 id="per-district">แยกตามอำเภอ</h2>
${q.counts.length
  ? html`<div class="table-wrap"><table><thead><tr><th scope="col">อำเภอ</th><th scope="col" class="num">ครบกำหนดวันนี้</th><th scope="col" class="num">เกินกำหนด</th></tr></thead>
<tbody>${q.counts.map((c) => html`<tr><td>${c.key === "province" ? "ส่งถึงระดับจังหวัด" : districtName(c.key)}</td><td class="num">${c.dueToday}</td><td class="num">${c.overdue}</td></tr>`)}</tbody></table></div>`
  : html`<p>ไม่มีเรื่องที่ครบกำหนดวันนี้หรือเกินกำหนดค่ะ</p>`}</section>
${table(q.rows, "เรียงจากเวลาที่เหลือน้อยที่สุด", d.timezone)}
${q.rows.length === 0 ? html`<p>ไม่มีเรื่อง${d.overdueOnly ? "เกินกำหนด" : "ที่เปิดอยู่"}ค่ะ</p>` : ""}
${q.truncated ? html`<p class="muted">แสดงเฉพาะ ${q.rows.length} เรื่องแรก</p>` : ""}
${q.paused.length ? html`<h2>รอผู้แจ้งตอบ (หยุดนับเวลา)</h2>${table(q.paused, "เรื่องที่รอผู้แจ้งตอบคำถาม", d.timezone)}` : ""}`,
  });
}
