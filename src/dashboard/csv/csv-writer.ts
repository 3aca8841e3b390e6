import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Options } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";

// CSV for Excel users in Thai offices, by csv-stringify: UTF-8 with a BOM (without
// it Excel reads Thai as mojibake), RFC 4180 quoting with CRLF rows, and formula
// injection neutralised (OWASP "CSV Injection": cells starting with = + - @ tab or
// CR, or their full-width forms, get a leading ').
export const UTF8_BOM = "\uFEFF";
export type CsvValue = string | number | boolean | Date | null | undefined;

const OPTIONS: Options = {
  record_delimiter: "windows",
  escape_formulas: true,
  quoted_match: /[\r\n]/, // a lone CR or LF inside a cell is quoted too
  cast: {
    date: (d) => d.toISOString(),
    boolean: (b) => (b ? "true" : "false"),
    number: (n) => (Number.isFinite(n) ? String(n) : ""),
  },
};

export function csvRow(values: readonly CsvValue[]): string {
  return stringifySync([values as CsvValue[]], OPTIONS);
}

export function csvCell(value: CsvValue): string {
  return csvRow([value]).slice(0, -2);
}

/** A whole CSV document in memory (small reports). */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringifySync([header, ...rows] as CsvValue[][], { ...OPTIONS, bom: true });
}

const BATCH_ROWS = 500;

/**
 * Streams rows to `out` in batches of 500, honouring backpressure so a 100,000-row
 * export holds only a batch in memory. Returns the number of data rows written.
 */
export async function writeCsvStream(out: Writable, header: readonly string[], rows: AsyncIterable<readonly CsvValue[]>): Promise<number> {
  let n = 0;
  let batch: (readonly CsvValue[])[] = [header];
  let first = true;
  const flush = async () => {
    const text = stringifySync(batch as CsvValue[][], { ...OPTIONS, bom: first });
    first = false;
    batch = [];
    if (!out.write(text)) await once(out, "drain");
  };
  for await (const row of rows) {
    batch.push(row);
    n += 1;
    if (batch.length >= BATCH_ROWS) await flush();
  }
  if (batch.length > 0 || first) await flush();
  return n;
}
