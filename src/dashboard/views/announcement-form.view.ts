import { listDistricts } from "../../content/areas/areas";
import { BUTTON_ACTIONS } from "../../models/announcement.model";
import type { Principal } from "../auth/principal";
import type { AnnouncementFormValues } from "../http/announcement-form";
import { optionList } from "./components.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// Compose or edit an announcement. The preview beside the form is drawn in the browser
// by the chat simulator's own Flex renderer (announcement-preview.js) from the message
// the server builds; without JavaScript the form still works and the page after saving
// shows the same preview.
export interface AnnouncementFormViewData {
  principal: Principal;
  csrfToken: string;
  values: AnnouncementFormValues;
  announcementId?: string;
  flash?: Flash;
}

export const ACTION_LABELS: Record<(typeof BUTTON_ACTIONS)[number], string> = {
  "menu.show": "เปิดเมนูหลัก",
  "pledge.start": "ประกาศเจตนารมณ์",
  "complaint.start": "แจ้งเรื่องร้องเรียน",
  "complaint.track": "ติดตามเรื่องร้องเรียน",
};

const checked = (on: boolean) => (on ? html` checked` : "");

function audienceFields(p: Principal, v: AnnouncementFormValues): SafeHtml {
  const districts = listDistricts().filter((d) => p.role === "admin" || p.districts.includes(d.code));
  return html`<fieldset><legend>ผู้รับ (เฉพาะผู้ติดตามบัญชีที่ไม่ได้ปิดการแจ้งข่าว)</legend>
${p.role === "admin" ? html`<label><input type="checkbox" name="province" value="1"${checked(v.province)}> ทุกคนที่ติดตามบัญชี (ทั้งจังหวัด)</label>` : ""}
<details${v.districts.length > 0 ? html` open` : ""}><summary>อำเภอ</summary><div class="checks">${districts.map(
    (d) => html`<label><input type="checkbox" name="districts" value="${d.code}"${checked(v.districts.includes(d.code))}> อ.${d.nameTh}</label>`,
  )}</div></details>
<label for="tambons">ตำบล (รหัส 6 หลัก คั่นด้วยจุลภาค เช่น 400101)</label><input id="tambons" name="tambons" type="text" maxlength="2000" value="${v.tambons}">
<label for="villages">หมู่บ้าน (รหัสตำบล-หมู่ที่ เช่น 400101-5)</label><input id="villages" name="villages" type="text" maxlength="4000" value="${v.villages}">
<p class="hint">กลุ่มในพื้นที่ (ไม่เลือก = ทุกคนในพื้นที่; เลือกทั้งสอง = ทั้งสองกลุ่ม)</p>
<label><input type="checkbox" name="leaders" value="1"${checked(v.leaders)}> กำนันและผู้ใหญ่บ้าน</label>
<label><input type="checkbox" name="remindersOptIn" value="1"${checked(v.remindersOptIn)}> ผู้ที่สมัครรับแจ้งเตือนการประชุม</label>
<p id="audience-size" class="hint" aria-live="polite"></p>
</fieldset>`;
}

export function announcementFormView(d: AnnouncementFormViewData): SafeHtml {
  const v = d.values;
  const editing = d.announcementId !== undefined;
  const action = editing ? `/officer/announcements/${d.announcementId}` : "/officer/announcements";
  return layoutView({
    title: editing ? "แก้ไขประกาศ" : "สร้างประกาศ",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "announcements",
    flash: d.flash,
    body: html`<link rel="stylesheet" href="/officer/static/sim/flex.css"><link rel="stylesheet" href="/officer/static/announcements.css">
<div class="compose">
<form id="announcement-form" class="card stack" method="post" action="${action}" enctype="multipart/form-data">${csrfField(d.csrfToken)}
<label for="title">หัวข้อ</label><input id="title" name="title" type="text" maxlength="80" required value="${v.title}">
<label for="text">ข้อความ (ไม่เกิน 5,000 ตัวอักษร)</label><textarea id="text" name="text" rows="8" maxlength="5000" required>${v.text}</textarea>
<label for="image">รูปภาพ (ไม่บังคับ; ไฟล์ JPEG หรือ PNG ขนาดไม่เกิน 1 เมกะไบต์)</label><input id="image" name="image" type="file" accept="image/jpeg,image/png">
${v.imageId ? html`<input type="hidden" name="imageId" value="${v.imageId}"><label><input type="checkbox" name="removeImage" value="1"> ลบรูปเดิม</label>` : ""}
<fieldset><legend>ปุ่ม (ไม่บังคับ)</legend>
<label><input type="radio" name="buttonKind" value="none"${checked(v.buttonKind === "none")}> ไม่มีปุ่ม</label>
<label><input type="radio" name="buttonKind" value="url"${checked(v.buttonKind === "url")}> เปิดลิงก์</label>
<label><input type="radio" name="buttonKind" value="action"${checked(v.buttonKind === "action")}> คำสั่งของบอต</label>
<label for="buttonLabel">ข้อความบนปุ่ม (ไม่เกิน 40 ตัวอักษร)</label><input id="buttonLabel" name="buttonLabel" type="text" maxlength="40" value="${v.buttonLabel}">
<label for="buttonUrl">ลิงก์ (ขึ้นต้นด้วย <span class="mono">https://</span>)</label><input id="buttonUrl" name="buttonUrl" type="url" maxlength="1000" value="${v.buttonUrl}">
<label for="buttonAction">คำสั่งของบอต</label><select id="buttonAction" name="buttonAction"><option value="">-</option>${optionList(BUTTON_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] })), v.buttonAction)}</select>
</fieldset>
${audienceFields(d.principal, v)}
<fieldset><legend>ตั้งเวลาส่ง (เวลาประเทศไทย)</legend>
<label for="sendDate">วันที่</label><input id="sendDate" name="sendDate" type="date" value="${v.sendDate}">
<label for="sendTime">เวลา</label><input id="sendTime" name="sendTime" type="time" value="${v.sendTime}">
</fieldset>
<p class="hint">ประกาศถึงผู้รับมากกว่า 1 อำเภอ หรือเกิน 5,000 คน ต้องให้ผู้ดูแลระบบอีกคนอนุมัติก่อนส่งค่ะ</p>
<div class="actions"><button type="submit" name="intent" value="draft" class="secondary">บันทึกร่าง</button>
<button type="submit" name="intent" value="send">ส่งทันที</button>
<button type="submit" name="intent" value="schedule">ตั้งเวลาส่ง</button></div>
</form>
<section class="card preview" aria-labelledby="preview-h"><h2 id="preview-h">ตัวอย่างใน LINE</h2>
<div id="preview" class="phone" data-url="/officer/announcements/preview"></div>
<ul id="preview-errors" class="errors" aria-live="polite"></ul>
</section>
</div>
<script type="module" src="/officer/static/announcement-preview.js"></script>`,
  });
}
