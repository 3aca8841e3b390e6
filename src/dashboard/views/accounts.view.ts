import { listDistricts } from "../../content/areas/areas";
import type { OfficerDoc } from "../../models/officer.model";
import type { Principal } from "../auth/principal";
import { dateTime, districtName } from "./components.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, ROLE_LABELS, type Flash } from "./layout.view";

// Admin: the list of accounts, the form to add one, and per-account actions.
export interface AccountsViewData {
  principal: Principal;
  csrfToken: string;
  officers: OfficerDoc[];
  timezone: string;
  flash?: Flash;
  /** A token just issued: shown once, never stored in plain text. */
  newToken?: { username: string; token: string };
}

function row(o: OfficerDoc, d: AccountsViewData): SafeHtml {
  const id = String(o._id);
  const tokens = o.apiTokens.map(
    (t) => html`<li><span class="mono">${t.tokenId}</span> ${t.label} (${t.scope === "case" ? "งานเรื่องร้องเรียน" : "อ่านอย่างเดียว"}, หมดอายุ ${t.expiresAt ? dateTime(t.expiresAt, d.timezone) : "แล้ว"}) <form method="post" action="/officer/accounts/${id}/tokens/${t.tokenId}/revoke">${csrfField(d.csrfToken)}<button type="submit" class="secondary">ยกเลิกโทเคน</button></form></li>`,
  );
  return html`<tr>
<td data-label="ชื่อผู้ใช้"><span class="mono">${o.username}</span><br><span class="muted">${o.displayName}</span></td>
<td data-label="บทบาท">${ROLE_LABELS[o.role as Principal["role"]]}${o.kind === "service" ? " (บัญชีระบบ)" : ""}</td>
<td data-label="อำเภอ">${o.role === "admin" ? "ทุกอำเภอ" : o.districts.map(districtName).join(", ") || "-"}</td>
<td data-label="สถานะ">${o.disabled ? "ปิดใช้งาน" : "ใช้งาน"}${o.totpEnabled ? " · ยืนยันสองขั้น" : o.totpRequired ? " · ต้องเปิดการยืนยันสองขั้น" : ""}</td>
<td data-label="เข้าระบบล่าสุด">${dateTime(o.lastLoginAt, d.timezone)}</td>
<td data-label="จัดการ">
<form method="post" action="/officer/accounts/${id}/${o.disabled ? "enable" : "disable"}">${csrfField(d.csrfToken)}<button type="submit" class="secondary">${o.disabled ? "เปิดบัญชี" : "ปิดบัญชี"}</button></form>
${o.kind === "human" ? html`<form method="post" action="/officer/accounts/${id}/unlock">${csrfField(d.csrfToken)}<button type="submit" class="secondary">ปลดล็อกการเข้าสู่ระบบ</button></form>` : ""}
${o.kind === "service"
  ? html`<form method="post" action="/officer/accounts/${id}/tokens">${csrfField(d.csrfToken)}<label for="label-${id}">ชื่อโทเคนเชื่อมต่อระบบ</label><input id="label-${id}" name="label" type="text" maxlength="80">
<label for="scope-${id}">ขอบเขต</label><select id="scope-${id}" name="scope"><option value="read">อ่านอย่างเดียว</option><option value="case">งานเรื่องร้องเรียน</option></select>
<label for="days-${id}">อายุ (วัน)</label><input id="days-${id}" name="days" type="number" min="1" max="365" value="90"><button type="submit">ออกโทเคนเชื่อมต่อระบบ</button></form>`
  : html`<form method="post" action="/officer/accounts/${id}/totp-${o.totpRequired ? "optional" : "required"}">${csrfField(d.csrfToken)}<button type="submit" class="secondary">${o.totpRequired ? "ไม่บังคับการยืนยันสองขั้น" : "บังคับการยืนยันสองขั้น"}</button></form>`}
${tokens.length ? html`<ul>${tokens}</ul>` : ""}
</td></tr>`;
}

export function accountsView(d: AccountsViewData): SafeHtml {
  return layoutView({
    title: "บัญชีผู้ใช้",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "accounts",
    flash: d.flash,
    body: html`${d.newToken ? html`<div class="flash ok" role="status"><p>โทเคนเชื่อมต่อระบบ ของ ${d.newToken.username} (แสดงครั้งเดียว กรุณาคัดลอกเก็บไว้ค่ะ):</p><p class="mono prewrap">${d.newToken.token}</p></div>` : ""}
<div class="table-wrap"><table class="stack"><caption class="muted">บัญชีทั้งหมด ${d.officers.length} บัญชี</caption>
<thead><tr><th scope="col">ชื่อผู้ใช้</th><th scope="col">บทบาท</th><th scope="col">อำเภอ</th><th scope="col">สถานะ</th><th scope="col">เข้าสู่ระบบล่าสุด</th><th scope="col">จัดการ</th></tr></thead>
<tbody>${d.officers.map((o) => row(o, d))}</tbody></table></div>
<section class="card"><h2>เพิ่มบัญชี</h2>
<form class="stack" method="post" action="/officer/accounts">${csrfField(d.csrfToken)}
<label for="new-username">ชื่อผู้ใช้ (ภาษาอังกฤษตัวเล็ก)</label><input id="new-username" name="username" type="text" autocapitalize="none" required>
<label for="new-display">ชื่อที่แสดง</label><input id="new-display" name="displayName" type="text">
<label for="new-role">บทบาท</label><select id="new-role" name="role"><option value="officer">${ROLE_LABELS.officer}</option><option value="viewer">${ROLE_LABELS.viewer}</option><option value="admin">${ROLE_LABELS.admin}</option></select>
<label for="new-kind">ประเภทบัญชี</label><select id="new-kind" name="kind"><option value="human">บุคคล (เข้าสู่ระบบด้วยรหัสผ่าน)</option><option value="service">บัญชีระบบ (ใช้โทเคนเชื่อมต่อระบบ)</option></select>
<label for="new-password">รหัสผ่าน (บัญชีบุคคล อย่างน้อย 12 ตัวอักษร)</label><input id="new-password" name="password" type="password" autocomplete="new-password">
<fieldset><legend>อำเภอที่รับผิดชอบ (เฉพาะเจ้าหน้าที่อำเภอ)</legend>
${listDistricts().map((x) => html`<label><input type="checkbox" name="districts" value="${x.code}"> อ.${x.nameTh}</label>`)}
</fieldset>
<div><button type="submit">เพิ่มบัญชี</button></div></form></section>`,
  });
}
