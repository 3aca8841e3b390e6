import QRCode from "qrcode";
import type { IssuedCode } from "../../services/headman.service";
import { villageLabel } from "../../services/village.service";
import { dateTime } from "./components.view";
import { html, trusted, type SafeHtml } from "./html";

// The box shown once after a headman code is issued: the exact words the headman types in
// the chat, a copy button, and (when LINE_BASIC_ID is set) a QR code that opens the chat with
// those words already typed (LINE's https://line.me/R/oaMessage/<basic id>/?<text> link).
// The QR is drawn here as SVG by the `qrcode` library, so the page loads nothing else.

/** What the headman types: the keyword the registration flow knows, then the code. */
export function registrationText(issued: Pick<IssuedCode, "role" | "code">): string {
  return `ลงทะเบียน${issued.role === "kamnan" ? "กำนัน" : "ผู้ใหญ่บ้าน"} ${issued.code}`;
}

/** LINE URL scheme: opens the chat with the Official Account, the text in the input field. */
export function oaMessageUrl(basicId: string, text: string): string {
  return `https://line.me/R/oaMessage/${encodeURIComponent(basicId).replace(/^%40/, "@")}/?${encodeURIComponent(text)}`;
}

export interface HeadmanInvite {
  text: string;
  chatUrl?: string;
  qrSvg?: string;
}

export async function headmanInvite(issued: IssuedCode, basicId: string | undefined): Promise<HeadmanInvite> {
  const text = registrationText(issued);
  if (!basicId) return { text };
  const chatUrl = oaMessageUrl(basicId, text);
  const qrSvg = await QRCode.toString(chatUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2, width: 240 });
  return { text, chatUrl, qrSvg };
}

export function headmanInviteView(issued: IssuedCode, invite: HeadmanInvite, timezone: string): SafeHtml {
  const who = issued.role === "kamnan" ? "กำนัน" : "ผู้ใหญ่บ้าน";
  return html`<div class="flash ok" role="status"><p>รหัสลงทะเบียน${who} ${villageLabel(issued.village)}: <strong>${issued.code}</strong></p>
<p>ใช้ได้ครั้งเดียว ถึง ${dateTime(issued.expiresAt, timezone)} (แสดงครั้งเดียว กรุณาส่งให้${who}ทันทีค่ะ)</p>
<p>ให้${who}พิมพ์ข้อความนี้ในแชท LINE ของสุจริต:</p>
<p class="mono invite-text"><span id="invite-text" data-testid="invite-text">${invite.text}</span> <button type="button" id="copy-invite" class="secondary" hidden>คัดลอกข้อความ</button></p>
${invite.qrSvg
  ? html`<figure class="invite-qr" data-testid="invite-qr">${trusted(invite.qrSvg)}<figcaption>หรือสแกน QR code นี้ด้วยโทรศัพท์ LINE จะเปิดแชทพร้อมข้อความให้ กดส่งได้เลย (<a href="${invite.chatUrl!}">ลิงก์เดียวกัน</a>)</figcaption></figure>`
  : html`<p class="muted">ตั้งค่า LINE_BASIC_ID (Basic ID ของบัญชี LINE เช่น @123abcde) เพื่อแสดง QR code ที่เปิดแชทพร้อมข้อความนี้</p>`}</div>`;
}
