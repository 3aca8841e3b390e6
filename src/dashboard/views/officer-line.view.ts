import type { LineLink } from "../../services/officer-line.service";
import type { Principal } from "../auth/principal";
import { dateTime } from "./components.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// Linking the account to LINE with a one-time code, and muting the alerts.
export interface OfficerLineViewData {
  principal: Principal;
  csrfToken: string;
  link: LineLink;
  issued?: { code: string; expiresAt: Date };
  timezone: string;
  flash?: Flash;
}

export function officerLineView(d: OfficerLineViewData): SafeHtml {
  const tz = d.timezone;
  const l = d.link;
  return layoutView({
    title: "แจ้งเตือนทาง LINE",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "queue",
    flash: d.flash,
    body: html`<section class="card"><p>เมื่อเชื่อมบัญชีแล้ว ท่านจะได้รับข้อความ LINE เมื่อมีเรื่องร้องเรียนใหม่ในอำเภอที่รับผิดชอบ และสรุปเรื่องที่ครบกำหนดหรือเกินกำหนดทุกเช้าวันทำการ
ข้อความบอกเพียงประเภท ตำบล และรหัสติดตาม ไม่มีรายละเอียดเรื่องหรือตัวตนผู้แจ้ง</p>
<p>สถานะ: <strong>${l.linked ? (l.muted ? "เชื่อมแล้ว (ปิดแจ้งเตือนอยู่)" : "เชื่อมแล้ว รับแจ้งเตือน") : "ยังไม่ได้เชื่อม"}</strong>${l.linkedAt ? html` <span class="muted">ตั้งแต่ ${dateTime(l.linkedAt, tz)}</span>` : ""}</p></section>
${d.issued ? html`<div class="flash ok" role="status"><p>พิมพ์ข้อความนี้ในแชต LINE ของสุจริต:</p><p class="mono"><strong>เชื่อมบัญชีเจ้าหน้าที่ ${d.issued.code}</strong></p><p>ใช้ได้ครั้งเดียว ถึง ${dateTime(d.issued.expiresAt, tz)}</p></div>` : ""}
<section class="card"><h2>${l.linked ? "เชื่อมกับ LINE อื่น" : "เชื่อมบัญชีกับ LINE"}</h2>
<form method="post" action="/officer/line/code">${csrfField(d.csrfToken)}<button type="submit">ขอรหัสเชื่อมบัญชี</button></form></section>
${l.linked
  ? html`<section class="card"><h2>ตั้งค่าการแจ้งเตือน</h2>
<form method="post" action="/officer/line/mute">${csrfField(d.csrfToken)}<input type="hidden" name="muted" value="${l.muted ? "0" : "1"}"><button type="submit" class="secondary">${l.muted ? "เปิดแจ้งเตือน" : "ปิดแจ้งเตือน (ดูคิวในระบบแทน)"}</button></form>
<form method="post" action="/officer/line/unlink">${csrfField(d.csrfToken)}<button type="submit" class="danger">ยกเลิกการเชื่อม LINE</button></form></section>`
  : ""}`,
  });
}
