import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// Login, step 1 (username + password) and step 2 (TOTP code for admins who turned it on).
export interface LoginViewData {
  csrfToken: string;
  username?: string;
  next?: string;
  flash?: Flash;
}

export function loginView(d: LoginViewData): SafeHtml {
  return layoutView({
    title: "เข้าสู่ระบบ",
    flash: d.flash,
    body: html`<form class="card stack" method="post" action="/officer/login">
  ${csrfField(d.csrfToken)}
  <input type="hidden" name="next" value="${d.next ?? ""}">
  <label for="username">ชื่อผู้ใช้</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${d.username ?? ""}">
  <label for="password">รหัสผ่าน</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <div><button type="submit">เข้าสู่ระบบ</button></div>
</form>`,
  });
}

export function totpLoginView(d: LoginViewData): SafeHtml {
  return layoutView({
    title: "ยืนยันตัวตนขั้นที่สอง",
    flash: d.flash,
    body: html`<form class="card stack" method="post" action="/officer/login/totp">
  ${csrfField(d.csrfToken)}
  <input type="hidden" name="next" value="${d.next ?? ""}">
  <label for="code">รหัส 6 หลักจากแอปยืนยันตัวตน</label>
  <input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9 ]{6,7}" autocomplete="one-time-code" required>
  <div><button type="submit">ยืนยัน</button></div>
</form>`,
  });
}
