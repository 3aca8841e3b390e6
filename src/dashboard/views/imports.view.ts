import type { LineError } from "../../services/meeting-import.service";
import type { Principal } from "../auth/principal";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// CSV imports of villages and meetings: upload a file or paste the text.
export interface ImportsViewData {
  principal: Principal;
  csrfToken: string;
  flash?: Flash;
  errors?: { kind: "villages" | "meetings"; lines: LineError[] };
}

function form(kind: "villages" | "meetings", title: string, header: string, example: string, token: string): SafeHtml {
  return html`<section class="card" aria-labelledby="${kind}-h"><h2 id="${kind}-h">${title}</h2>
<p>หัวตาราง: <span class="mono prewrap">${header}</span></p><p class="muted mono prewrap">${example}</p>
<form class="stack" method="post" action="/officer/imports/${kind}" enctype="multipart/form-data">${csrfField(token)}
<label for="${kind}-file">ไฟล์ CSV (<span class="mono">UTF-8</span>)</label><input id="${kind}-file" name="file" type="file" accept=".csv,text/csv">
<label for="${kind}-text">หรือวางข้อความ CSV</label><textarea id="${kind}-text" name="csv" rows="6"></textarea>
<div><button type="submit">นำเข้า</button></div></form></section>`;
}

export function importsView(d: ImportsViewData): SafeHtml {
  return layoutView({
    title: "นำเข้าข้อมูลจาก CSV",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "meetings",
    flash: d.flash,
    body: html`${d.errors
      ? html`<section class="card" role="alert"><h2>พบข้อผิดพลาด ยังไม่ได้นำเข้าข้อมูลใด ๆ ค่ะ</h2><ul>${d.errors.lines.map((e) => html`<li>บรรทัด ${e.line}: ${e.message}</li>`)}</ul></section>`
      : ""}
${form("villages", "หมู่บ้าน", "tambon,village,name,place", "tambon,village,name,place\n400101,5,บ้านโนนทัน,ศาลากลางบ้าน", d.csrfToken)}
${form("meetings", "การประชุม", "scope,tambon,village,district,title,place,agenda,schedule,duration", "scope,tambon,village,district,title,place,agenda,schedule,duration\nvillage,400101,5,,,ศาลากลางบ้าน,,monthly:5@09:00,120\ndistrict,,,4001,,ห้องประชุมที่ว่าการอำเภอ,,nth:1:mon@09:30,180", d.csrfToken)}`,
  });
}
