import type { Principal } from "../auth/principal";
import { otpauthUri } from "../auth/totp";
import { districtName } from "./components.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, ROLE_LABELS, type Flash } from "./layout.view";

// "My account": password change and, for admins, the optional TOTP second factor.
export interface AccountViewData {
  principal: Principal;
  csrfToken: string;
  flash?: Flash;
  /** A secret waiting for its first code (enrolment in progress). */
  pendingSecret?: string;
}

export function accountView(d: AccountViewData): SafeHtml {
  const p = d.principal;
  const totp =
    p.role === "viewer"
      ? ""
      : p.totpEnabled
        ? html`<section class="card"><h2>การยืนยันตัวตนสองขั้น (รหัส 6 หลักจากแอปยืนยันตัวตน)</h2><p>เปิดใช้อยู่ค่ะ</p>
<form class="stack" method="post" action="/officer/account/totp/disable">${csrfField(d.csrfToken)}
<label for="disable-code">รหัส 6 หลักปัจจุบัน (เพื่อยืนยันการปิด)</label>
<input id="disable-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<div><button type="submit" class="danger">ปิดการยืนยันสองขั้น</button></div></form></section>`
        : d.pendingSecret
          ? html`<section class="card"><h2>ตั้งค่าการยืนยันตัวตนสองขั้น (รหัส 6 หลักจากแอปยืนยันตัวตน)</h2>
<p>เพิ่มบัญชีในแอปยืนยันตัวตน (เช่น Google Authenticator) ด้วยรหัสลับนี้ แล้วกรอกรหัส 6 หลักที่แอปแสดงค่ะ</p>
<p>รหัสลับ: <strong class="mono">${d.pendingSecret.replace(/(.{4})/g, "$1 ").trim()}</strong></p>
<p class="muted mono prewrap">${otpauthUri(d.pendingSecret, p.username)}</p>
<form class="stack" method="post" action="/officer/account/totp/confirm">${csrfField(d.csrfToken)}
<label for="confirm-code">รหัส 6 หลักจากแอป</label>
<input id="confirm-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<div><button type="submit">ยืนยันและเปิดใช้</button></div></form></section>`
          : html`<section class="card"><h2>การยืนยันตัวตนสองขั้น (รหัส 6 หลักจากแอปยืนยันตัวตน)</h2><p>${p.totpRequired ? "ผู้ดูแลระบบกำหนดให้บัญชีนี้ต้องเปิดใช้ก่อนใช้งานส่วนอื่นค่ะ" : "ยังไม่ได้เปิดใช้ แนะนำให้ผู้ที่เปิดดูตัวตนผู้แจ้งได้เปิดใช้ค่ะ"}</p>
<form method="post" action="/officer/account/totp/start">${csrfField(d.csrfToken)}<button type="submit">เริ่มตั้งค่า</button></form></section>`;
  return layoutView({
    title: "บัญชีของฉัน",
    principal: p,
    csrfToken: d.csrfToken,
    active: "account",
    flash: d.flash,
    body: html`<section class="card"><dl class="facts">
<dt>ชื่อผู้ใช้</dt><dd class="mono">${p.username}</dd>
<dt>บทบาท</dt><dd>${ROLE_LABELS[p.role]}</dd>
<dt>อำเภอ</dt><dd>${p.role === "admin" ? "ทุกอำเภอ" : p.districts.map(districtName).join(", ") || "-"}</dd>
</dl></section>
<section class="card"><h2>เปลี่ยนรหัสผ่าน</h2>
<form class="stack" method="post" action="/officer/account/password">${csrfField(d.csrfToken)}
<label for="current">รหัสผ่านปัจจุบัน</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="new-password">รหัสผ่านใหม่ (อย่างน้อย 12 ตัวอักษร)</label><input id="new-password" name="password" type="password" autocomplete="new-password" minlength="12" required>
<div><button type="submit">เปลี่ยนรหัสผ่าน</button></div></form></section>
${totp}`,
  });
}
