import { getTambon, listDistricts, listTambons } from "../../content/areas/areas";
import type { IssuedCode } from "../../services/headman.service";
import { villageLabel } from "../../services/village.service";
import type { Principal } from "../auth/principal";
import type { CodeRow, VillageLeaderRow } from "../queries/headmen.query";
import { dateTime, districtName, districtSelect } from "./components.view";
import { headmanInviteView, type HeadmanInvite } from "./headman-invite.view";
import { html, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// Villages and their leaders in one district, and one-time headman codes.
export interface HeadmenViewData {
  principal: Principal;
  csrfToken: string;
  district?: string;
  villages: VillageLeaderRow[];
  kamnans: Map<string, string>;
  codes: CodeRow[];
  issued?: IssuedCode;
  /** What the headman types, with its QR code (headman-invite.view.ts); set with `issued`. */
  invite?: HeadmanInvite;
  now: Date;
  timezone: string;
  flash?: Flash;
}

function codeState(c: CodeRow, now: Date): string {
  if (c.usedAt) return "ใช้แล้ว";
  return c.expiresAt.getTime() <= now.getTime() ? "หมดอายุ" : "ยังไม่ได้ใช้";
}

export function headmenView(d: HeadmenViewData): SafeHtml {
  const allowed = d.principal.role === "admin" ? "all" : d.principal.districts;
  const districts = listDistricts().filter((x) => allowed === "all" || allowed.includes(x.code));
  const tz = d.timezone;
  return layoutView({
    title: "หมู่บ้านและผู้ใหญ่บ้าน",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "headmen",
    flash: d.flash,
    body: html`${d.issued && d.invite ? headmanInviteView(d.issued, d.invite, tz) : ""}
<section class="card"><h2>ออกรหัสลงทะเบียนผู้ใหญ่บ้าน/กำนัน</h2>
<form class="stack" method="post" action="/officer/headmen/codes">${csrfField(d.csrfToken)}
<label for="code-tambon">ตำบล</label><select id="code-tambon" name="tambonCode" required><option value="">-- เลือกตำบล --</option>${districts.map(
      (x) => html`<optgroup label="อ.${x.nameTh}">${listTambons(x.code).map((t) => html`<option value="${t.code}">ต.${t.nameTh}</option>`)}</optgroup>`,
    )}</select>
<label for="code-village">หมู่ที่</label><input id="code-village" name="villageNo" type="number" min="1" max="99" required>
<label for="code-role">ตำแหน่ง</label><select id="code-role" name="role"><option value="headman">ผู้ใหญ่บ้าน</option><option value="kamnan">กำนัน</option></select>
<div><button type="submit">ออกรหัส</button></div></form></section>
<p><a class="button secondary" href="/officer/imports">นำเข้ารายชื่อหมู่บ้านจาก CSV</a></p>
<form class="card filters" method="get" action="/officer/headmen"><div><label for="h-district">อำเภอ</label>${districtSelect("h-district", "district", allowed, d.district, "-- เลือกอำเภอ --")}</div><div><button type="submit">แสดง</button></div></form>
${d.district
  ? html`<section class="card"><h2>หมู่บ้านใน ${districtName(d.district)} (${d.villages.length} หมู่บ้าน)</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">ตำบล</th><th scope="col">หมู่บ้าน</th><th scope="col">สถานที่ประชุมประจำ</th><th scope="col">ผู้ใหญ่บ้านที่ลงทะเบียน</th><th scope="col">กำนัน</th></tr></thead>
<tbody>${d.villages.map(
      ({ village: v, headman }) => html`<tr><td>ต.${getTambon(v.tambonCode)?.nameTh ?? v.tambonCode}</td><td>${villageLabel(v, v.nameTh)}</td><td>${v.defaultPlace ?? "-"}</td><td>${headman ?? "ยังไม่ลงทะเบียน"}</td><td>${d.kamnans.get(v.tambonCode) ?? "-"}</td></tr>`,
    )}</tbody></table></div></section>
<section class="card"><h2>รหัสที่ออกแล้ว</h2><div class="table-wrap"><table><thead><tr><th scope="col">หมู่บ้าน</th><th scope="col">ตำแหน่ง</th><th scope="col">ออกเมื่อ</th><th scope="col">หมดอายุ</th><th scope="col">สถานะ</th></tr></thead>
<tbody>${d.codes.map((c) => html`<tr><td>${villageLabel(c)}</td><td>${c.role === "kamnan" ? "กำนัน" : "ผู้ใหญ่บ้าน"}</td><td>${dateTime(c.issuedAt, tz)}</td><td>${dateTime(c.expiresAt, tz)}</td><td>${codeState(c, d.now)}</td></tr>`)}</tbody></table></div></section>`
  : html`<p>เลือกอำเภอเพื่อดูรายชื่อหมู่บ้านค่ะ</p>`}`,
  });
}
