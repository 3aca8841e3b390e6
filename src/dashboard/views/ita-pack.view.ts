import { getDistrict } from "../../content/areas/areas";
import { COMPLAINT_CATEGORIES } from "../../models/complaint.model";
import { CATEGORY_LABELS } from "../../services/complaint-labels";
import { PACK_STATUS_GROUPS, type ItaPack } from "../../services/ita/ita-pack.service";
import { FILING_CHANNELS, FILING_STEPS, PACK_GROUP_LABELS, QUARTER_LABELS, ROUTING_RULE, monthLabel } from "../../services/ita/ita-text";
import { formatThaiDate, formatThaiDateTime } from "../../util/thai-date";
import { html, type SafeHtml } from "./html";

// The printable ITA evidence pack: Thai A4, one section a page (print CSS in
// ita-print-css.ts), saved as PDF from the browser's print dialog.
const n = (x: number) => x.toLocaleString("en-US");

function tallyTable(caption: string, head: string, rows: ItaPack["byDistrict"], label: (key: string) => string): SafeHtml {
  const sum = (f: keyof ItaPack["byDistrict"][number]) => rows.reduce((s, r) => s + (r[f] as number), 0);
  return html`<div class="table-wrap"><table><caption>${caption}</caption>
<thead><tr><th scope="col">${head}</th><th class="num" scope="col">ประชุม (ครั้ง)</th><th class="num" scope="col">ผู้เข้าประชุม</th><th class="num" scope="col">ประกาศในที่ประชุม</th><th class="num" scope="col">ประกาศผ่าน LINE</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${label(r.key)}</th><td class="num">${n(r.meetings)}</td><td class="num">${n(r.attended)}</td><td class="num">${n(r.pledged)}</td><td class="num">${n(r.linePledges)}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">รวม</th><td class="num">${n(sum("meetings"))}</td><td class="num">${n(sum("attended"))}</td><td class="num">${n(sum("pledged"))}</td><td class="num">${n(sum("linePledges"))}</td></tr></tfoot>
</table></div>`;
}

function quarterTable(p: ItaPack, q: number): SafeHtml {
  const rows = p.complaintQuarters[q]!;
  return html`<div class="table-wrap"><table><caption>${QUARTER_LABELS[q]} ปีงบประมาณ พ.ศ. ${p.campaignYear}</caption>
<thead><tr><th scope="col">ประเภท</th>${PACK_STATUS_GROUPS.map((g) => html`<th class="num" scope="col">${PACK_GROUP_LABELS[g]}</th>`)}</tr></thead>
<tbody>${COMPLAINT_CATEGORIES.map((c) => html`<tr><th scope="row">${CATEGORY_LABELS[c]}</th>${PACK_STATUS_GROUPS.map((g) => html`<td class="num">${n(rows[c][g])}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

export function itaPackView(p: ItaPack, tz: string): SafeHtml {
  const days = (d: number | null) => (d === null ? "ยังไม่มีเรื่องที่ปิด" : `${d.toLocaleString("en-US")} วัน`);
  return html`<!doctype html>
<html lang="th">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>หลักฐาน ITA ${p.agencyName} ปีงบประมาณ ${p.campaignYear}</title>
<link rel="stylesheet" href="/officer/static/ita-print.css"></head>
<body class="pack">
<section class="page cover">
<h1>หลักฐานประกอบการประเมิน ITA (OIT)</h1>
<p class="agency">${p.agencyName}</p>
<p>ปีงบประมาณ พ.ศ. ${p.campaignYear} · จัดทำจากระบบสุจริต เมื่อ ${formatThaiDateTime(p.generatedAt, tz)}</p>
<p class="note">เอกสารนี้ไม่มีเนื้อหาของเรื่องร้องเรียนและข้อมูลส่วนบุคคล</p>
</section>
<section class="page">
<h2>1. กิจกรรมส่งเสริมวัฒนธรรม No Gift Policy "ไม่รับ ไม่ให้"</h2>
<p>การประชุมหมู่บ้านที่มีวาระประกาศเจตนารมณ์ "ไม่รับ ไม่ให้" ตามที่ผู้ใหญ่บ้านหรือกำนันรายงานผลผ่าน LINE</p>
<div class="table-wrap"><table><caption>รายการการประชุม (${n(p.meetings.length)} ครั้ง)</caption>
<thead><tr><th scope="col">วันที่</th><th scope="col">อำเภอ</th><th scope="col">ตำบล</th><th class="num" scope="col">หมู่ที่</th><th class="num" scope="col">ผู้เข้าประชุม</th><th class="num" scope="col">ประกาศเจตนารมณ์</th><th class="num" scope="col">รูปกิจกรรม</th></tr></thead>
<tbody>${p.meetings.map((m) => html`<tr><td>${formatThaiDate(m.occurrenceStart, tz)}</td><td>${getDistrict(m.districtCode)?.nameTh ?? m.districtCode}</td><td>${m.tambon}</td><td class="num">${m.villageNo}</td><td class="num">${n(m.attended)}</td><td class="num">${n(m.pledged)}</td><td class="num">${m.photoIds.length ? html`${m.photoIds.map((id, i) => html`<a href="/officer/ita/photos/${id}">${i + 1}</a> `)}` : "-"}</td></tr>`)}</tbody>
</table></div>
</section>
<section class="page">
<h2>2. สรุปผลการดำเนินงาน</h2>
<p>ยอดประกาศผ่าน LINE นับแยกจากยอดในที่ประชุม เพราะคนเดียวกันอาจประกาศทั้งสองทาง</p>
${tallyTable("รายอำเภอ", "อำเภอ", p.byDistrict, (k) => getDistrict(k)?.nameTh ?? k)}
${tallyTable("รายเดือน", "เดือน", p.byMonth, monthLabel)}
</section>
<section class="page">
<h2>3. การจัดการเรื่องร้องเรียนการทุจริต</h2>
<h3>ช่องทางการร้องเรียน</h3><ul>${FILING_CHANNELS.map((c) => html`<li>${c}</li>`)}</ul>
<h3>ขั้นตอน</h3><ol>${FILING_STEPS.map((s) => html`<li>${s}</li>`)}</ol>
<h3>การส่งเรื่อง</h3><p>${ROUTING_RULE}</p>
<h3>ระยะเวลาดำเนินการ</h3>
<p>เรื่องที่รับในปีงบประมาณนี้และปิดแล้ว ${n(p.closing.closed)} เรื่อง · มัธยฐาน ${days(p.closing.medianDays)} · เปอร์เซ็นไทล์ที่ 90 ${days(p.closing.p90Days)} นับจากวันรับเรื่องถึงวันปิดเรื่อง</p>
</section>
<section class="page">
<h2>4. สถิติเรื่องร้องเรียนรายไตรมาส</h2>
<p>เรื่องที่รับในแต่ละไตรมาส แยกตามประเภท และสถานะปัจจุบัน</p>
${[0, 1, 2, 3].map((q) => quarterTable(p, q))}
</section>
</body></html>`;
}
