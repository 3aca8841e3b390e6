import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from "../../models/complaint.model";
import { CATEGORY_LABELS, STATUS_LABELS } from "../../services/complaint-labels";
import type { ComplaintPage } from "../../services/complaint-query.service";
import type { Principal } from "../auth/principal";
import type { ComplaintFilterParams } from "../queries/complaint-filter.query";
import { dateTime, districtName, districtSelect, optionList, pagerView } from "./components.view";
import { thaiDateInput } from "../http/thai-date-field";
import { html, queryString, type SafeHtml } from "./html";
import { layoutView, type Flash } from "./layout.view";

// The complaint log: newest first, counts per status, filters, search by code.
export interface ComplaintListViewData {
  principal: Principal;
  csrfToken: string;
  page: ComplaintPage;
  params: ComplaintFilterParams;
  timezone: string;
  flash?: Flash;
}

export function complaintListView(d: ComplaintListViewData): SafeHtml {
  const p = d.params;
  const allowed = d.principal.role === "admin" ? "all" : d.principal.districts;
  const base = { district: p.district, category: p.category, from: p.from, to: p.to, code: p.code };
  const total = COMPLAINT_STATUSES.reduce((a, s) => a + d.page.countsByStatus[s], 0);
  const exportQs = queryString({ ...base, status: p.status });
  return layoutView({
    title: "เรื่องร้องเรียน",
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "complaints",
    flash: d.flash,
    body: html`<nav aria-label="จำนวนตามสถานะ"><ul class="counts">
<li><a href="/officer/complaints${queryString(base)}"${!p.status ? html` aria-current="page"` : ""}>ทั้งหมด <strong>${total.toLocaleString("th-TH")}</strong></a></li>
${COMPLAINT_STATUSES.map((s) => html`<li><a href="/officer/complaints${queryString({ ...base, status: s })}"${p.status === s ? html` aria-current="page"` : ""}>${STATUS_LABELS[s]} <strong data-status="${s}">${d.page.countsByStatus[s].toLocaleString("th-TH")}</strong></a></li>`)}
</ul></nav>
<form class="card filters" method="get" action="/officer/complaints" role="search">
<div><label for="f-code">รหัสติดตาม</label><input id="f-code" class="mono" name="code" type="search" placeholder="KK-XXX-XXX-XXX" autocapitalize="characters" value="${p.code ?? ""}"></div>
<div><label for="f-district">อำเภอ</label>${districtSelect("f-district", "district", allowed, p.district, "ทุกอำเภอที่รับผิดชอบ")}</div>
<div><label for="f-category">ประเภท</label><select id="f-category" name="category"><option value="">ทุกประเภท</option>${optionList(COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })), p.category)}</select></div>
<div><label for="f-status">สถานะ</label><select id="f-status" name="status"><option value="">ทุกสถานะ</option>${optionList(COMPLAINT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), p.status)}</select></div>
<div><label for="f-from">ตั้งแต่วันที่</label>${thaiDateInput("f-from", "from", p.from)}</div>
<div><label for="f-to">ถึงวันที่</label>${thaiDateInput("f-to", "to", p.to)}</div>
<div><button type="submit">ค้นหา</button> <a class="button secondary" href="/officer/complaints">ล้างตัวกรอง</a></div>
</form>
<p><a class="button secondary" href="/officer/complaints/export.csv${exportQs}" download>ส่งออก CSV</a> <a class="button secondary" href="/officer/complaints/export.json${exportQs}" download>ส่งออก JSON</a></p>
<form method="post" action="/officer/complaints/export.csv"><input type="hidden" name="_csrf" value="${d.csrfToken}"><input type="hidden" name="identity" value="1">${Object.entries({ ...base, status: p.status })
      .filter(([, v]) => v)
      .map(([k, v]) => html`<input type="hidden" name="${k}" value="${String(v)}">`)}<button type="submit" class="secondary">ส่งออก CSV พร้อมตัวตนผู้แจ้ง (บันทึกการตรวจสอบ)</button></form>
<div class="table-wrap"><table class="stack"><caption class="muted">เรียงจากเรื่องใหม่ล่าสุด</caption>
<thead><tr><th scope="col">รหัสติดตาม</th><th scope="col">วันที่แจ้ง</th><th scope="col">ประเภท</th><th scope="col">พื้นที่</th><th scope="col">สถานะ</th><th scope="col">หมายเหตุ</th></tr></thead>
<tbody>${d.page.items.map(
      (c) => html`<tr><td data-label="รหัสติดตาม"><a class="mono" href="/officer/complaints/${c.id}">${c.trackingCode}</a></td><td data-label="วันที่แจ้ง">${dateTime(c.submittedAt, d.timezone)}</td><td data-label="ประเภท">${c.categoryLabel}</td>
<td data-label="พื้นที่">${c.areaText || "-"}${c.routedLevel === "province" ? html`<br><span class="badge">ระดับจังหวัด</span>` : c.areaText.includes(districtName(c.districtCode)) ? "" : html`<br><span class="muted">${districtName(c.districtCode)}</span>`}</td>
<td data-label="สถานะ"><span class="badge ${c.status}">${c.statusLabel}</span></td>
<td data-label="หมายเหตุ">${c.anonymous ? html`<span class="badge">ไม่เปิดเผยตัวตน</span> ` : ""}${c.evidenceCount ? html`<span class="badge">รูป ${c.evidenceCount}</span> ` : ""}${c.awaitingReporter ? html`<span class="badge">รอผู้แจ้งตอบ</span>` : ""}</td></tr>`,
    )}</tbody></table></div>
${d.page.items.length === 0 ? html`<p>ไม่พบเรื่องตามเงื่อนไขค่ะ</p>` : ""}
${pagerView("/officer/complaints", { ...base, status: p.status }, d.page.page, d.page.pageSize, d.page.total)}`,
  });
}
