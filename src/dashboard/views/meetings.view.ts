import type { MeetingDoc } from "../../models/meeting.model";
import type { MeetingReportDoc } from "../../models/meeting-report.model";
import type { DeliveryLogEntry } from "../../services/reminder.service";
import { recurrenceOf } from "../../services/reminder.service";
import { villageLabel } from "../../services/village.service";
import { describeRecurrence, type Recurrence } from "../../util/recurrence";
import { formatThaiDate } from "../../util/thai-date";
import type { Principal } from "../auth/principal";
import { dateTime, districtName, districtSelect, pagerView } from "./components.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// The meetings list and one meeting's page (reminder delivery log, reports).
export function scheduleText(r: Recurrence): string {
  if (r.kind === "once") return `${formatThaiDate(new Date(`${r.date}T12:00:00Z`), "UTC")} เวลา ${r.time} น.`;
  return describeRecurrence(r);
}

export function meetingArea(m: Pick<MeetingDoc, "scope" | "districtCode" | "tambonCode" | "villageNo">): string {
  return m.scope === "district" ? `ระดับอำเภอ ${districtName(m.districtCode)}` : `${villageLabel({ tambonCode: m.tambonCode, villageNo: m.villageNo })} ${districtName(m.districtCode)}`;
}

export interface MeetingListViewData {
  principal: Principal;
  csrfToken: string;
  meetings: { meeting: MeetingDoc; next: Date | null }[];
  total: number;
  page: number;
  pageSize: number;
  filter: { district?: string; cancelled?: string };
  timezone: string;
  flash?: Flash;
}

export function meetingListView(d: MeetingListViewData): SafeHtml {
  const allowed = d.principal.role === "admin" ? "all" : d.principal.districts;
  return layoutView({
    title: "การประชุม",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "meetings",
    flash: d.flash,
    body: html`<p><a class="button" href="/officer/meetings/new">สร้างการประชุม</a> <a class="button secondary" href="/officer/imports">นำเข้าจาก CSV</a></p>
<form class="card filters" method="get" action="/officer/meetings">
<div><label for="f-district">อำเภอ</label>${districtSelect("f-district", "district", allowed, d.filter.district, "ทุกอำเภอที่รับผิดชอบ")}</div>
<div><label><input type="checkbox" name="cancelled" value="1"${d.filter.cancelled ? html` checked` : ""}> แสดงที่ยกเลิกแล้ว</label></div>
<div><button type="submit">กรอง</button></div></form>
<div class="table-wrap"><table><thead><tr><th scope="col">การประชุม</th><th scope="col">พื้นที่</th><th scope="col">กำหนดการ</th><th scope="col">ครั้งถัดไป</th><th scope="col">สถานะ</th></tr></thead>
<tbody>${d.meetings.map(
      ({ meeting: m, next }) => html`<tr><td><a href="/officer/meetings/${String(m._id)}">${m.title}</a><br><span class="muted">${m.place}</span></td><td>${meetingArea(m)}</td>
<td>${scheduleText(recurrenceOf(m))}</td><td>${m.state === "active" ? dateTime(next, d.timezone) : "-"}</td><td>${m.state === "active" ? "ใช้งาน" : "ยกเลิกแล้ว"}</td></tr>`,
    )}</tbody></table></div>
${d.meetings.length === 0 ? html`<p>ยังไม่มีการประชุมค่ะ</p>` : ""}
${pagerView("/officer/meetings", { district: d.filter.district, cancelled: d.filter.cancelled }, d.page, d.pageSize, d.total)}`,
  });
}

const REMINDER_STATE_LABELS: Record<string, string> = { pending: "รอส่ง", planned: "เตรียมส่ง", sending: "กำลังส่ง", sent: "ส่งแล้ว", failed: "ส่งไม่สำเร็จ", missed: "พลาด (เลยเวลา)", cancelled: "ยกเลิก" };

/** "2h" → "2 ชั่วโมงก่อนประชุม", "3d@08:00" → "3 วันก่อนประชุม เวลา 08:00 น." (REMINDER_OFFSETS keys). */
export function offsetText(offset: string): string {
  const m = /^(\d+)([dhm])(?:@(\d{2}:\d{2}))?$/.exec(offset);
  if (!m) return offset;
  const unit = { d: "วัน", h: "ชั่วโมง", m: "นาที" }[m[2] as "d" | "h" | "m"];
  return `${m[1]} ${unit}ก่อนประชุม${m[3] ? ` เวลา ${m[3]} น.` : ""}`;
}

/** What LINE answered to one send attempt. */
const OUTCOME_LABELS: Record<string, string> = { accepted: "LINE รับแล้ว", duplicate: "LINE รับไว้แล้ว (ส่งซ้ำ)", retry: "ขัดข้อง จะลองส่งใหม่", failed: "ส่งไม่สำเร็จ" };

export interface MeetingDetailViewData {
  principal: Principal;
  csrfToken: string;
  meeting: MeetingDoc;
  next: Date | null;
  log: DeliveryLogEntry[];
  reports: MeetingReportDoc[];
  timezone: string;
  flash?: Flash;
}

export function meetingDetailView(d: MeetingDetailViewData): SafeHtml {
  const m = d.meeting;
  const id = String(m._id);
  const tz = d.timezone;
  return layoutView({
    title: m.title,
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "meetings",
    flash: d.flash,
    body: html`<section class="card"><dl class="facts">
<dt>พื้นที่</dt><dd>${meetingArea(m)}</dd>
<dt>สถานที่</dt><dd>${m.place}</dd>
<dt>กำหนดการ</dt><dd>${scheduleText(recurrenceOf(m))}</dd>
<dt>ครั้งถัดไป</dt><dd>${m.state === "active" ? dateTime(d.next, tz) : "-"}</dd>
<dt>ระยะเวลา</dt><dd>${m.durationMinutes ?? 120} นาที</dd>
<dt>สถานะ</dt><dd>${m.state === "active" ? "ใช้งาน" : `ยกเลิกแล้ว ${dateTime(m.cancelledAt, tz)}`}</dd>
<dt>วาระ</dt><dd><ol>${m.agenda.map((a) => html`<li>${a}</li>`)}</ol></dd>
</dl>
${m.state === "active"
  ? html`<p><a class="button" href="/officer/meetings/${id}/edit">แก้ไข</a></p>
<form method="post" action="/officer/meetings/${id}/cancel">${csrfField(d.csrfToken)}<button type="submit" class="danger">ยกเลิกการประชุมนี้</button></form>`
  : ""}</section>
<section class="card" aria-labelledby="log-h"><h2 id="log-h">การส่งแจ้งเตือนทาง LINE</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">ประชุมครั้งวันที่</th><th scope="col">แจ้งล่วงหน้า</th><th scope="col">กำหนดส่ง</th><th scope="col">สถานะ</th><th scope="col" class="num">ผู้รับ</th><th scope="col" class="num">รับทราบ</th><th scope="col">รายละเอียด</th></tr></thead>
<tbody>${d.log.map(
      (r) => html`<tr><td>${dateTime(r.occurrenceStart, tz)}</td><td>${offsetText(r.offset)}</td><td>${dateTime(r.dueAt, tz)}</td>
<td>${REMINDER_STATE_LABELS[r.state] ?? r.state}${r.reason ? html`<br><span class="muted">${r.reason}</span>` : ""}</td>
<td class="num">${r.recipientCount ?? "-"}</td><td class="num">${r.acknowledged}</td>
<td>${r.sentAt ? html`ส่งเมื่อ ${dateTime(r.sentAt, tz)}<br>` : ""}${r.attempts.map((a) => html`<span class="muted">${dateTime(a.at, tz)} · ${OUTCOME_LABELS[a.outcome] ?? a.outcome}</span>${
        a.status || a.requestId
          ? html`<details class="more"><summary>รายละเอียด</summary>${a.status ? html`<div>รหัสตอบกลับจาก LINE: <span class="mono">${a.status}</span></div>` : ""}${a.requestId ? html`<div>รหัสคำขอ LINE: <span class="mono">${a.requestId}</span></div>` : ""}</details>`
          : html`<br>`
      }`)}</td></tr>`,
    )}</tbody></table></div>
${d.log.length === 0 ? html`<p>ยังไม่มีการแจ้งเตือนค่ะ</p>` : ""}</section>
<section class="card" aria-labelledby="rep-h"><h2 id="rep-h">รายงานผลการประชุม</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">ประชุมวันที่</th><th scope="col">หมู่บ้าน</th><th scope="col" class="num">ผู้เข้าประชุม</th><th scope="col" class="num">ประกาศเจตนารมณ์</th><th scope="col">รายงานโดย</th><th scope="col">เมื่อ</th></tr></thead>
<tbody>${d.reports.map(
      (r) => html`<tr><td>${dateTime(r.occurrenceStart, tz)}</td><td>${villageLabel(r)}</td><td class="num">${r.attendedCount}</td><td class="num">${r.pledgedCount}</td><td>${r.reporterRole === "kamnan" ? "กำนัน" : r.reporterRole === "officer" ? "เจ้าหน้าที่" : "ผู้ใหญ่บ้าน"}</td><td>${dateTime(r.reportedAt, tz)}</td></tr>`,
    )}</tbody></table></div>
${d.reports.length === 0 ? html`<p>ยังไม่มีรายงานค่ะ</p>` : ""}</section>`,
  });
}
