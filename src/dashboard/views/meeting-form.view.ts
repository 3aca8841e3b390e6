import { getDistrict, listDistricts, listTambons } from "../../content/areas/areas";
import type { Principal } from "../auth/principal";
import type { MeetingFormValues } from "../http/meeting-form";
import { thaiDateInput } from "../http/thai-date-field";
import { districtSelect, optionList } from "./components.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// Create or edit a meeting. The stylesheet shows only the fields of the chosen
// schedule kind and meeting scope (CSS :has(), no script); every field is still
// posted, and the chosen kind decides which date fields are read.
export interface MeetingFormViewData {
  principal: Principal;
  csrfToken: string;
  values: MeetingFormValues;
  /** undefined: a new meeting. */
  meetingId?: string;
  flash?: Flash;
}

const WEEKDAYS = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];
const NTH = [
  { value: "1", label: "สัปดาห์แรก" },
  { value: "2", label: "สัปดาห์ที่ 2" },
  { value: "3", label: "สัปดาห์ที่ 3" },
  { value: "4", label: "สัปดาห์ที่ 4" },
  { value: "-1", label: "สัปดาห์สุดท้าย" },
];

function tambonSelect(p: Principal, selected: string): SafeHtml {
  const districts = listDistricts().filter((d) => p.role === "admin" || p.districts.includes(d.code));
  return html`<select id="tambonCode" name="tambonCode"><option value="">-- เลือกตำบล --</option>${districts.map(
    (d) => html`<optgroup label="อ.${d.nameTh}">${listTambons(d.code).map((t) => html`<option value="${t.code}"${t.code === selected ? html` selected` : ""}>ต.${t.nameTh}</option>`)}</optgroup>`,
  )}</select>`;
}

export function meetingFormView(d: MeetingFormViewData): SafeHtml {
  const v = d.values;
  const editing = d.meetingId !== undefined;
  const allowed = d.principal.role === "admin" ? "all" : d.principal.districts;
  const area = editing
    ? html`<p>พื้นที่: ${v.scope === "district" ? `อ.${getDistrict(v.districtCode)?.nameTh ?? v.districtCode}` : `ตำบลรหัส ${v.tambonCode} หมู่ ${v.villageNo}`} (แก้ไขพื้นที่ไม่ได้ หากต้องการเปลี่ยน ให้ยกเลิกแล้วสร้างใหม่ค่ะ)</p>`
    : html`<fieldset><legend>ประเภทการประชุม</legend>
<label><input type="radio" name="scope" value="village"${v.scope === "village" ? html` checked` : ""}> ประชุมประจำเดือนหมู่บ้าน</label>
<label><input type="radio" name="scope" value="district"${v.scope === "district" ? html` checked` : ""}> ประชุมกำนัน ผู้ใหญ่บ้าน ระดับอำเภอ</label></fieldset>
<div class="scope-village"><label for="tambonCode">ตำบล (สำหรับประชุมหมู่บ้าน)</label>${tambonSelect(d.principal, v.tambonCode)}
<label for="villageNo">หมู่ที่ (สำหรับประชุมหมู่บ้าน)</label><input id="villageNo" name="villageNo" type="number" min="1" max="99" value="${v.villageNo}"></div>
<div class="scope-district"><label for="districtCode">อำเภอ (สำหรับประชุมระดับอำเภอ)</label>${districtSelect("districtCode", "districtCode", allowed, v.districtCode, "-- เลือกอำเภอ --")}</div>`;
  return layoutView({
    title: editing ? "แก้ไขการประชุม" : "สร้างการประชุม",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "meetings",
    flash: d.flash,
    body: html`<form class="card stack" method="post" action="${editing ? `/officer/meetings/${d.meetingId}` : "/officer/meetings"}">${csrfField(d.csrfToken)}
${area}
<label for="title">ชื่อการประชุม (เว้นว่างเพื่อใช้ชื่อมาตรฐาน)</label><input id="title" name="title" type="text" maxlength="80" value="${v.title}">
<label for="place">สถานที่</label><input id="place" name="place" type="text" maxlength="120" required value="${v.place}">
<label for="agenda">วาระการประชุม (บรรทัดละหนึ่งวาระ)</label><textarea id="agenda" name="agenda" rows="4">${v.agenda}</textarea>
${editing ? "" : html`<label><input type="checkbox" name="includePledge"${v.includePledge ? html` checked` : ""}> เพิ่มวาระประกาศเจตนารมณ์ "ไม่รับ ไม่ให้"</label>`}
<fieldset class="schedule"><legend>กำหนดการ</legend>
<label><input type="radio" name="kind" value="once"${v.kind === "once" ? html` checked` : ""}> ครั้งเดียว</label>
<label><input type="radio" name="kind" value="monthly-day"${v.kind === "monthly-day" ? html` checked` : ""}> ทุกเดือน ตามวันที่</label>
<label><input type="radio" name="kind" value="monthly-weekday"${v.kind === "monthly-weekday" ? html` checked` : ""}> ทุกเดือน ตามวันในสัปดาห์</label>
<div class="when-once"><label for="date">วันที่ (ครั้งเดียว)</label>${thaiDateInput("date", "date", v.date)}</div>
<div class="when-monthly-day"><label for="day">วันที่ของเดือน 1–31 (ทุกเดือน ตามวันที่)</label><input id="day" name="day" type="number" min="1" max="31" value="${v.day}"></div>
<div class="when-monthly-weekday"><label for="nth">สัปดาห์ (ทุกเดือน ตามวันในสัปดาห์)</label><select id="nth" name="nth"><option value="">-</option>${optionList(NTH, v.nth)}</select>
<label for="weekday">วัน (ทุกเดือน ตามวันในสัปดาห์)</label><select id="weekday" name="weekday"><option value="">-</option>${optionList(WEEKDAYS.map((w, i) => ({ value: String(i), label: `วัน${w}` })), v.weekday)}</select></div>
<label for="time">เวลาเริ่ม</label><input id="time" name="time" type="text" inputmode="numeric" autocomplete="off" required pattern="([01]?\\d|2[0-3])[:.][0-5]\\d" placeholder="ชั่วโมง:นาที เช่น 09:30" value="${v.time}">
<div class="when-recurring"><label for="from">เริ่มใช้ตั้งแต่วันที่ (ไม่บังคับ)</label>${thaiDateInput("from", "from", v.from)}
<label for="until">ถึงวันที่ (ไม่บังคับ)</label>${thaiDateInput("until", "until", v.until)}</div>
</fieldset>
<label for="durationMinutes">ระยะเวลา (นาที)</label><input id="durationMinutes" name="durationMinutes" type="number" min="15" max="720" value="${v.durationMinutes}">
<div><button type="submit">${editing ? "บันทึกการแก้ไข" : "สร้างการประชุม"}</button> <a class="button secondary" href="${editing ? `/officer/meetings/${d.meetingId}` : "/officer/meetings"}">ยกเลิก</a></div>
</form>`,
  });
}
