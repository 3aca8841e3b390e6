import { getDistrict, listDistricts } from "../../content/areas/areas";
import { PROVINCE } from "../../services/ita/ita-pack.service";
import type { Principal } from "../auth/principal";
import { html, type SafeHtml } from "./html";
import { layoutView } from "./layout.view";

// The ITA pack form: which agency (own districts; the province for admins) and year.
export function itaFormView(d: { principal: Principal; csrfToken: string; years: number[] }): SafeHtml {
  const p = d.principal;
  const agencies = p.role === "admin" ? [{ value: PROVINCE, label: "จังหวัดขอนแก่น" }, ...listDistricts().map((x) => ({ value: x.code, label: `อำเภอ${x.nameTh}` }))] : p.districts.map((c) => ({ value: c, label: `อำเภอ${getDistrict(c)?.nameTh ?? c}` }));
  return layoutView({
    title: "หลักฐาน ITA",
    principal: p,
    csrfToken: d.csrfToken,
    active: "ita",
    body: html`<p>รวบรวมหลักฐานประกอบการประเมิน ITA (OIT) ด้าน No Gift Policy และการจัดการเรื่องร้องเรียน จากข้อมูลในระบบสุจริต ไม่มีเนื้อหาของเรื่องและข้อมูลส่วนบุคคล การจัดทำทุกครั้งจะถูกบันทึกไว้</p>
<form method="get" action="/officer/ita/pack" class="stack">
<label for="agency">หน่วยงาน</label>
<select id="agency" name="agency" required>${agencies.map((a) => html`<option value="${a.value}">${a.label}</option>`)}</select>
<label for="year">ปีงบประมาณ</label>
<select id="year" name="year">${d.years.map((y) => html`<option value="${y}">${y}</option>`)}</select>
<div class="actions"><button type="submit">เปิดเอกสารสำหรับพิมพ์ (A4)</button>
<button type="submit" formaction="/officer/ita/pack.xlsx" class="secondary">ดาวน์โหลด Excel (XLSX)</button></div>
</form>`,
  });
}
