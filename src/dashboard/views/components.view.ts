import { listDistricts, getDistrict } from "../../content/areas/areas";
import { formatThaiDateTime } from "../../util/thai-date";
import { html, queryString, type SafeHtml } from "./html";

// Small pieces shared by several pages: pagination, district pickers, dates.
export function pagerView(basePath: string, params: Record<string, string | undefined>, page: number, pageSize: number, total: number): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => `${basePath}${queryString({ ...params, page: p > 1 ? String(p) : undefined })}`;
  return html`<nav class="pager" aria-label="เลือกหน้า">
  ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">‹ หน้าก่อน</a>` : ""}
  <span>หน้า ${page} จาก ${pages} (ทั้งหมด ${total.toLocaleString("th-TH")} รายการ)</span>
  ${page < pages ? html`<a href="${link(page + 1)}" rel="next">หน้าถัดไป ›</a>` : ""}
</nav>`;
}

export function districtName(code: string | undefined): string {
  if (!code) return "-";
  const d = getDistrict(code);
  return d ? `อ.${d.nameTh}` : code;
}

/** A <select> of the districts the officer may pick (all 26 for admins). */
export function districtSelect(id: string, name: string, allowed: readonly string[] | "all", selected: string | undefined, emptyLabel?: string): SafeHtml {
  const options = listDistricts().filter((d) => allowed === "all" || allowed.includes(d.code));
  return html`<select id="${id}" name="${name}">
  ${emptyLabel !== undefined ? html`<option value="">${emptyLabel}</option>` : ""}
  ${options.map((d) => html`<option value="${d.code}"${d.code === selected ? html` selected` : ""}>อ.${d.nameTh}</option>`)}
</select>`;
}

export function dateTime(d: Date | undefined | null, tz: string): string {
  return d ? formatThaiDateTime(d, tz) : "-";
}

export function optionList(options: readonly { value: string; label: string }[], selected: string | undefined): SafeHtml {
  return html`${options.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ""}>${o.label}</option>`)}`;
}
