import { once } from "node:events";
import type { Writable } from "node:stream";

// CSV for Excel users in Thai offices: UTF-8 with a BOM (without it Excel reads
// Thai as mojibake), RFC 4180 quoting, and formula injection neutralised
// (OWASP "CSV Injection": cells starting with = + - @ tab or CR get a leading ').
export const UTF8_BOM = "\uFEFF";
export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let s = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** A whole CSV document in memory (small reports). */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + csvRow(header) + rows.map(csvRow).join("");
}

/**
 * Streams rows to `out`, honouring backpressure so a 100,000-row export holds only
 * a batch in memory. Returns the number of data rows written.
 */
export async function writeCsvStream(out: Writable, header: readonly string[], rows: AsyncIterable<readonly CsvValue[]>): Promise<number> {
  let n = 0;
  let buf = UTF8_BOM + csvRow(header);
  for await (const row of rows) {
    buf += csvRow(row);
    n += 1;
    if (buf.length >= 64 * 1024) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  if (buf) out.write(buf);
  return n;
}
