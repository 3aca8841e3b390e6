import { html, type SafeHtml } from "../views/html";

// Date fields officers type the Thai way, "5/12/2569" (day/month/Buddhist-Era year),
// instead of <input type=date>, whose format follows the browser's own language (an
// en-US Chromium shows mm/dd/yyyy). ISO "2026-12-05" is still accepted (links, the API).
const BE_OFFSET = 543;
const THAI = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "5/12/2569" or "2026-12-05" → "2026-12-05"; anything else → undefined. */
export function parseThaiDateField(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(t);
  const thai = THAI.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (thai) [d, m, y] = [Number(thai[1]), Number(thai[2]), Number(thai[3]) - BE_OFFSET];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A form field's text: an ISO date as "5/12/2569", anything else (what the officer typed) as is. */
export function thaiDateFieldValue(value: string | undefined): string {
  const iso = ISO.exec(value ?? "");
  return iso ? `${Number(iso[3])}/${Number(iso[2])}/${Number(iso[1]) + BE_OFFSET}` : value ?? "";
}

/** The input itself: a text field with a Thai hint, checked by the browser and again on the server. */
export function thaiDateInput(id: string, name: string, value: string | undefined, required = false): SafeHtml {
  return html`<input id="${id}" name="${name}" type="text" inputmode="numeric" autocomplete="off" placeholder="วัน/เดือน/ปี พ.ศ. เช่น 5/12/2569" pattern="\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}"${required ? html` required` : ""} value="${thaiDateFieldValue(value)}">`;
}
