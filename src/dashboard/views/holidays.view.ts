import type { Principal } from "../auth/principal";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";
import { dueDate } from "./case-clock.view";

// Admins import the year's public holidays as CSV; deadlines skip them.
export interface HolidaysViewData {
  principal: Principal;
  csrfToken: string;
  year: number;
  holidays: { day: string; name: string }[];
  errors?: { line: number; message: string }[];
  timezone: string;
  flash?: Flash;
}

export function holidaysView(d: HolidaysViewData): SafeHtml {
  const be = d.year + 543;
  return layoutView({
    title: `วันหยุดราชการ ปี ${be}`,
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "queue",
    flash: d.flash,
    body: html`${d.errors ? html`<section class="card" role="alert"><h2>พบข้อผิดพลาด ยังไม่ได้นำเข้าข้อมูลใด ๆ ค่ะ</h2><ul>${d.errors.map((e) => html`<li>บรรทัด ${e.line}: ${e.message}</li>`)}</ul></section>` : ""}
<p><a href="/officer/holidays?year=${d.year - 1}">ปี ${be - 1}</a> · <a href="/officer/holidays?year=${d.year + 1}">ปี ${be + 1}</a></p>
<section class="card"><h2>นำเข้ารายการวันหยุดของปี ${be}</h2><p>การนำเข้าจะแทนที่รายการเดิมของปีนี้ทั้งหมด หัวตาราง: <span class="mono">date,name</span> วันที่เป็น ปปปป-ดด-วว (พ.ศ. หรือ ค.ศ.)</p>
<p class="muted mono prewrap">date,name\n${be}-12-05,วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ 9 วันชาติ และวันพ่อแห่งชาติ</p>
<form class="stack" method="post" action="/officer/holidays" enctype="multipart/form-data">${csrfField(d.csrfToken)}<input type="hidden" name="year" value="${d.year}">
<label for="h-file">ไฟล์ CSV (UTF-8)</label><input id="h-file" name="file" type="file" accept=".csv,text/csv">
<label for="h-text">หรือวางข้อความ CSV</label><textarea id="h-text" name="csv" rows="6"></textarea>
<div><button type="submit">นำเข้า</button></div></form></section>
<section class="card"><h2>วันหยุดที่นำเข้าแล้ว (${d.holidays.length} วัน)</h2>
${d.holidays.length ? html`<div class="table-wrap"><table><thead><tr><th scope="col">วันที่</th><th scope="col">ชื่อวันหยุด</th></tr></thead><tbody>${d.holidays.map((h) => html`<tr><td>${dueDate(h.day, d.timezone)}</td><td>${h.name}</td></tr>`)}</tbody></table></div>` : html`<p>ยังไม่มีรายการวันหยุดของปีนี้ กำหนดเวลาจะนับเฉพาะเสาร์และอาทิตย์เป็นวันหยุดค่ะ</p>`}</section>`,
  });
}
