import type { PublicCount } from "../../services/transparency/small-counts";
import { countText } from "../../services/transparency/small-counts";
import type { PublicTransparency } from "../../services/transparency/transparency.service";
import { BUDDHIST_ERA_OFFSET, THAI_MONTHS_SHORT, formatThaiDateTime, zonedParts } from "../../util/thai-date";
import { html, type SafeHtml } from "./html";

// /transparency: the public page (issue 23), no login, Thai, one column on a phone.
// Every count passes through countText, so the small-count rule shows the same here,
// in the JSON and in the CSV.

function num(c: PublicCount): SafeHtml {
  const title = c.kind === "small" ? "1–4 ราย" : c.kind === "hidden" ? "ปกปิดเพิ่ม เพื่อไม่ให้คำนวณย้อนหาช่อง <5" : c.kind === "range" ? "ยอดรวมเป็นช่วง เพราะมีช่องที่ปกปิดรวมอยู่" : "";
  return html`<td class="num"${title ? html` title="${title}"` : ""}>${countText(c)}</td>`;
}

const days = (d: number | null) => (d === null ? "ไม่แสดง" : `${d.toLocaleString("en-US")} วัน`);

export function quarterLabel(fromIso: string, tz: string): string {
  const p = zonedParts(new Date(fromIso), tz);
  const last = ((p.month + 1) % 12) + 1;
  const lastYear = p.month + 2 > 12 ? p.year + 1 : p.year;
  return `${THAI_MONTHS_SHORT[p.month - 1]}–${THAI_MONTHS_SHORT[last - 1]} ${lastYear + BUDDHIST_ERA_OFFSET}`;
}

function quarterHead(t: PublicTransparency, tz: string): SafeHtml {
  return html`${t.quarters.map((q) => html`<th class="num" scope="col">ไตรมาส ${q.quarter}<br><small>${quarterLabel(q.from, tz)}</small></th>`)}`;
}

function complaintTable(t: PublicTransparency, tz: string, measure: "received" | "closed", caption: string): SafeHtml {
  const total = measure === "received" ? "receivedTotal" : "closedTotal";
  return html`<div class="table-wrap"><table>
<caption>${caption}</caption>
<thead><tr><th scope="col">อำเภอ</th>${quarterHead(t, tz)}<th class="num" scope="col">รวม</th></tr></thead>
<tbody>${t.complaints.byDistrict.map((r) => html`<tr><th scope="row">${r.district}</th>${r[measure].map(num)}${num(r[total])}</tr>`)}</tbody>
<tfoot><tr><th scope="row">ทั้งจังหวัด</th>${t.complaints.totals[measure].map(num)}${num(t.complaints.totals[total])}</tr></tfoot>
</table></div>
<div class="table-wrap"><table>
<caption>${caption} แยกตามประเภท</caption>
<thead><tr><th scope="col">ประเภท</th>${quarterHead(t, tz)}<th class="num" scope="col">รวม</th></tr></thead>
<tbody>${t.complaints.byCategory.map((r) => html`<tr><th scope="row">${r.label}</th>${r[measure].map(num)}${num(r[total])}</tr>`)}</tbody>
</table></div>`;
}

export function transparencyView(t: PublicTransparency, tz: string): SafeHtml {
  const updated = formatThaiDateTime(new Date(t.generatedAt), tz);
  return html`<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ความโปร่งใส ไม่รับ ไม่ให้ · สุจริต จังหวัดขอนแก่น</title>
<link rel="stylesheet" href="/officer/static/dashboard.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">ข้ามไปยังเนื้อหา</a>
<header class="top"><span class="brand">สุจริต · จังหวัดขอนแก่น</span></header>
<main id="main" class="container">
<h1>ความโปร่งใส: ไม่รับ ไม่ให้</h1>
<p>ตัวเลขสาธารณะของแคมเปญ No Gift Policy "ไม่รับ ไม่ให้" จังหวัดขอนแก่น ปีงบประมาณ พ.ศ. ${t.campaignYear}
จากระบบสุจริต · ปรับปรุงล่าสุด <time datetime="${t.generatedAt}">${updated}</time> (ปรับปรุงทุก 1 นาที)</p>
<p class="note">เพื่อคุ้มครองผู้แจ้งในหมู่บ้านเล็ก จำนวน 1–4 แสดงเป็น <span class="nowrap">"&lt;5"</span> ช่อง <span class="nowrap">"ปกปิด"</span> คือจำนวนตั้งแต่ 5 ขึ้นไปที่ปกปิดเพิ่ม
เพื่อไม่ให้ใครคำนวณย้อนหาช่อง <span class="nowrap">"&lt;5"</span> จากยอดรวมได้ ยอดรวมที่มีช่องเหล่านี้อยู่จึงแสดงเป็นช่วง เช่น <span class="nowrap">"7–19"</span> หรือ <span class="nowrap">"≥ 23"</span></p>

<h2>ผู้ประกาศเจตนารมณ์ ไม่รับ ไม่ให้</h2>
<div class="table-wrap"><table>
<caption>จำนวนผู้ประกาศเจตนารมณ์ รายอำเภอ: ผ่าน LINE และในการประชุมหมู่บ้าน (นับแยกกัน)</caption>
<thead><tr><th scope="col">อำเภอ</th><th class="num" scope="col">ผ่าน LINE</th><th class="num" scope="col">ในการประชุม</th><th class="num" scope="col">รวม</th></tr></thead>
<tbody>${t.pledges.rows.map((r) => html`<tr><th scope="row">${r.district}</th>${num(r.line)}${num(r.meetings)}${num(r.total)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">ทั้งจังหวัด</th>${num(t.pledges.totals.line)}${num(t.pledges.totals.meetings)}${num(t.pledges.totals.total)}</tr></tfoot>
</table></div>

<h2>การประชุมหมู่บ้านที่มีวาระประกาศเจตนารมณ์</h2>
<div class="table-wrap"><table>
<caption>การประชุมที่ผู้ใหญ่บ้านหรือกำนันรายงานผลแล้ว รายอำเภอ</caption>
<thead><tr><th scope="col">อำเภอ</th><th class="num" scope="col">จำนวนครั้ง</th><th class="num" scope="col">ผู้เข้าร่วม (คน)</th></tr></thead>
<tbody>${t.meetings.rows.map((r) => html`<tr><th scope="row">${r.district}</th>${num(r.held)}${num(r.attended)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">ทั้งจังหวัด</th>${num(t.meetings.totals.held)}${num(t.meetings.totals.attended)}</tr></tfoot>
</table></div>

<h2>เรื่องร้องเรียนการทุจริต</h2>
<p>นับตามอำเภอที่เกิดเหตุ ไม่แสดงเนื้อหาของเรื่องหรือข้อมูลของผู้แจ้ง</p>
${complaintTable(t, tz, "received", "เรื่องที่รับแจ้ง รายไตรมาส")}
${complaintTable(t, tz, "closed", "เรื่องที่ดำเนินการเสร็จ (ยุติหรือไม่รับพิจารณา) รายไตรมาส")}

<h2>ระยะเวลาตอบสนองเรื่องร้องเรียน</h2>
<p>นับเป็นวันทำการ ตามอำเภอที่รับเรื่อง (เรื่องที่ส่งถึงจังหวัดนับแยก) ไม่แสดงตัวเลขที่มาจากเรื่องน้อยกว่า 5 เรื่อง</p>
${t.responseTimes.length === 0 ? html`<p>ยังไม่มีเรื่องในปีงบประมาณนี้</p>` : html`<div class="table-wrap"><table>
<caption>ค่ามัธยฐานวันทำการ และสัดส่วนเรื่องที่ตอบครั้งแรกทันกำหนด</caption>
<thead><tr><th scope="col">หน่วยที่รับเรื่อง</th><th class="num" scope="col">ไตรมาส</th><th class="num" scope="col">ถึงการตอบครั้งแรก</th><th class="num" scope="col">ถึงการปิดเรื่อง</th><th class="num" scope="col">ตอบทันกำหนด</th></tr></thead>
<tbody>${t.responseTimes.map((r) => html`<tr><th scope="row">${r.areaName}</th><td class="num">${r.quarter}</td><td class="num">${days(r.medianDaysToFirstResponse)}</td><td class="num">${days(r.medianDaysToClose)}</td><td class="num">${r.shareAnsweredInTime === null ? "ไม่แสดง" : `${Math.round(r.shareAnsweredInTime * 100)}%`}</td></tr>`)}</tbody>
</table></div>`}

<h2>ข้อมูลเปิด</h2>
<p>ตัวเลขชุดเดียวกันนี้ ดาวน์โหลดได้เป็น <a href="/api/public/transparency">JSON</a> และ <a href="/api/public/transparency.csv">CSV</a>
(อธิบายไว้ใน <a href="/api/openapi.json">OpenAPI</a>) เผยแพร่ภายใต้สัญญาอนุญาต
<a href="${t.licence.url}" rel="license">${t.licence.name}</a> โปรดอ้างอิง "ระบบสุจริต จังหวัดขอนแก่น"</p>
</main>
</body>
</html>`;
}
