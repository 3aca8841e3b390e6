import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from "../../models/complaint.model";
import { CATEGORY_LABELS, STATUS_LABELS } from "../../services/complaint-labels";
import { MIN_MEMBERS_FOR_RATE, type DistrictPledgeStats, type PledgeTotals } from "../../services/pledge-stats.service";
import type { ComplaintMonthRow, CoverageRow } from "../../services/stats.service";
import { THAI_MONTHS_SHORT } from "../../util/thai-date";
import type { Principal } from "../auth/principal";
import { html, queryString, type SafeHtml } from "./html";
import { layoutView } from "./layout.view";

// Progress for the governor: pledges by district, complaints by month, and this
// month's meeting coverage. Every table has a CSV download; dashboard.js draws the
// charts (Chart.js) from the tables, so the page still works without script.
export interface ProgressViewData {
  principal: Principal;
  csrfToken: string;
  campaignYear: number;
  years: number[];
  monthKey: string;
  totals: PledgeTotals;
  districts: DistrictPledgeStats[];
  complaintMonths: ComplaintMonthRow[];
  coverage: CoverageRow[];
  /** Officers see complaint figures of their own districts only. */
  complaintScopeNote?: string;
}

export const STATUS_COLORS: Record<string, string> = { received: "#f9ab00", under_review: "#4285f4", referred: "#a142f4", resolved: "#34a853", dismissed: "#5f6368" };
const PLEDGE_COLORS = ["#06c755", "#0b57d0"];
/** Why a district has no rate (MIN_MEMBERS_FOR_RATE in pledge-stats.service). */
const RATE_NOTE = `คือ อำเภอที่มีผู้ใช้สุจริตไม่ถึง ${MIN_MEMBERS_FOR_RATE} คน จึงยังไม่คิดสัดส่วน`;

/** "2569-03" → "มี.ค. 2569". */
export function monthLabel(monthKey: string): string {
  const [y, m] = monthKey.split("-");
  return `${THAI_MONTHS_SHORT[Number(m) - 1] ?? m} ${y}`;
}

const n = (v: number) => v.toLocaleString("th-TH");
const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);

function pledgeSection(d: ProgressViewData): SafeHtml {
  const missingRate = d.districts.some((r) => r.perThousandMembers === null);
  return html`<section class="card" aria-labelledby="pledges-h"><h2 id="pledges-h">การประกาศเจตนารมณ์รายอำเภอ (ทั้ง 26 อำเภอ)</h2>
<p>รวมทั้งจังหวัด: ผ่าน LINE ${n(d.totals.linePledges)} คน · ในที่ประชุม ${n(d.totals.meetingPledged)} คน (ผู้เข้าประชุม ${n(d.totals.meetingAttended)} คน จาก ${n(d.totals.meetingReports)} รายงาน)</p>
<p class="muted">ตัวเลขสองแบบแสดงแยกกัน ไม่นำมารวมกัน เพราะคนเดียวกันอาจประกาศทั้งสองทางค่ะ</p>
<div class="table-wrap"><table id="pledge-table" data-chart="bar" data-series="1,2" data-colors="${PLEDGE_COLORS.join(",")}"><caption>ผู้ประกาศเจตนารมณ์ "ไม่รับ ไม่ให้" รายอำเภอ ปีงบประมาณ ${d.campaignYear}</caption>
<thead><tr><th scope="col">อำเภอ</th><th scope="col" class="num">ผ่าน LINE</th><th scope="col" class="num">ในที่ประชุม</th><th scope="col" class="num">ผู้เข้าประชุม</th><th scope="col" class="num">รายงานการประชุม</th><th scope="col" class="num">ผู้ใช้สุจริต</th><th scope="col" class="num">ต่อผู้ใช้ 1,000 คน</th></tr></thead>
<tbody>${d.districts.map(
    (r) => html`<tr><th scope="row">อ.${r.nameTh}</th><td class="num">${n(r.linePledges)}</td><td class="num">${n(r.meetingPledged)}</td><td class="num">${n(r.meetingAttended)}</td><td class="num">${n(r.meetingReports)}</td><td class="num">${n(r.members)}</td><td class="num">${r.perThousandMembers === null ? html`<abbr title="${RATE_NOTE}">-</abbr>` : r.perThousandMembers}</td></tr>`,
  )}</tbody></table></div>
<p class="muted">"ต่อผู้ใช้ 1,000 คน" คือ ในทุก 1,000 คนที่ใช้สุจริตในอำเภอ มีกี่คนประกาศผ่าน LINE${missingRate ? html` · "-" ${RATE_NOTE}` : ""}</p>
<p><a class="button secondary" href="/officer/progress/pledges.csv${queryString({ year: d.campaignYear })}" download>ดาวน์โหลด CSV</a></p></section>`;
}

function complaintSection(d: ProgressViewData): SafeHtml {
  const months = d.complaintMonths.slice(-12);
  return html`<section class="card" aria-labelledby="complaints-h"><h2 id="complaints-h">เรื่องร้องเรียนรายเดือน</h2>
${d.complaintScopeNote ? html`<p class="muted">${d.complaintScopeNote}</p>` : ""}
${months.length ? "" : html`<p>ยังไม่มีเรื่องร้องเรียนค่ะ</p>`}
<div class="table-wrap"><table id="complaint-table" data-chart="stacked" data-series="${COMPLAINT_STATUSES.map((_, i) => i + 1).join(",")}" data-colors="${COMPLAINT_STATUSES.map((s) => STATUS_COLORS[s]).join(",")}"><caption>เรื่องร้องเรียนรายเดือน ตามสถานะ</caption><thead><tr><th scope="col">เดือน</th>${COMPLAINT_STATUSES.map((s) => html`<th scope="col" class="num">${STATUS_LABELS[s]}</th>`)}<th scope="col" class="num">รวม</th></tr></thead>
<tbody>${months.map((m) => html`<tr><th scope="row">${monthLabel(m.monthKey)}</th>${COMPLAINT_STATUSES.map((s) => html`<td class="num">${n(m.byStatus[s])}</td>`)}<td class="num">${n(m.total)}</td></tr>`)}</tbody></table></div>
<div class="table-wrap"><table><caption>ตามประเภท</caption><thead><tr><th scope="col">เดือน</th>${COMPLAINT_CATEGORIES.map((c) => html`<th scope="col" class="num">${CATEGORY_LABELS[c]}</th>`)}</tr></thead>
<tbody>${months.map((m) => html`<tr><th scope="row">${monthLabel(m.monthKey)}</th>${COMPLAINT_CATEGORIES.map((c) => html`<td class="num">${n(m.byCategory[c])}</td>`)}</tr>`)}</tbody></table></div>
<p><a class="button secondary" href="/officer/progress/complaints.csv" download>ดาวน์โหลด CSV</a></p></section>`;
}

function coverageSection(d: ProgressViewData): SafeHtml {
  const villages = d.coverage.reduce((a, r) => a + r.villages, 0);
  const reported = d.coverage.reduce((a, r) => a + r.reported, 0);
  return html`<section class="card" aria-labelledby="coverage-h"><h2 id="coverage-h">การประชุมหมู่บ้านเดือน ${monthLabel(d.monthKey)}</h2>
<p>หมู่บ้านที่ประชุมและส่งรายงานแล้ว ${n(reported)} จาก ${n(villages)} หมู่บ้าน (${pct(villages ? reported / villages : null)})</p>
<div class="table-wrap"><table><thead><tr><th scope="col">อำเภอ</th><th scope="col" class="num">หมู่บ้านในระบบ</th><th scope="col" class="num">ส่งรายงานแล้ว</th><th scope="col" class="num">ร้อยละ</th></tr></thead>
<tbody>${d.coverage.map((r) => html`<tr><th scope="row">อ.${r.nameTh}</th><td class="num">${n(r.villages)}</td><td class="num">${n(r.reported)}</td><td class="num">${pct(r.share)}</td></tr>`)}</tbody></table></div>
<p><a class="button secondary" href="/officer/progress/coverage.csv${queryString({ month: d.monthKey })}" download>ดาวน์โหลด CSV</a></p></section>`;
}

export function progressView(d: ProgressViewData): SafeHtml {
  return layoutView({
    title: "ความคืบหน้า",
    charts: true,
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "progress",
    body: html`<form class="card filters" method="get" action="/officer/progress">
<div><label for="year">ปีงบประมาณ (พ.ศ.)</label><select id="year" name="year">${d.years.map((y) => html`<option value="${y}"${y === d.campaignYear ? html` selected` : ""}>${y}</option>`)}</select></div>
<div><button type="submit">แสดง</button></div></form>
${pledgeSection(d)}${complaintSection(d)}${coverageSection(d)}`,
  });
}
