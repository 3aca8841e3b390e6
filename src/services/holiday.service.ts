import { ValidationError } from "../errors";
import { Holiday } from "../models/holiday.model";
import { isDayKey, type HolidaySet } from "../util/working-days";
import { parseCsv } from "./meeting-import.service";

// The yearly list of public holidays, imported by an admin as CSV with lines
// "date,name" (a header line is allowed). Dates are YYYY-MM-DD in the Gregorian
// or the Buddhist Era year (2569-12-31 = 2026-12-31). An import replaces the
// whole list of that year. Every replica reads the list into memory and reads it
// again at most a minute later, or at once after an import on this replica.
export interface HolidayInput {
  day: string;
  name: string;
}

export type HolidayImportResult = { ok: true; year: number; imported: number } | { ok: false; errors: { line: number; message: string }[] };

const CACHE_MS = 60_000;
let cache: { at: number; set: HolidaySet } | undefined;

function toGregorianDay(raw: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  if (!m) return null;
  const year = Number(m[1]) > 2400 ? Number(m[1]) - 543 : Number(m[1]);
  const day = `${year}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isDayKey(day) ? day : null;
}

export function parseHolidayCsv(text: string, year: number): HolidayImportResult {
  const errors: { line: number; message: string }[] = [];
  const rows: HolidayInput[] = [];
  parseCsv(text).forEach((cells, i) => {
    const [rawDate = "", rawName = ""] = cells.map((c) => c.trim());
    if (!rawDate && !rawName) return;
    if (i === 0 && /^(date|วันที่)$/i.test(rawDate)) return;
    const day = toGregorianDay(rawDate);
    if (!day) return void errors.push({ line: i + 1, message: `วันที่ "${rawDate}" ไม่ถูกต้อง (ใช้รูปแบบ ปปปป-ดด-วว เช่น 2569-12-31)` });
    if (Number(day.slice(0, 4)) !== year) return void errors.push({ line: i + 1, message: `วันที่ ${rawDate} ไม่อยู่ในปีที่เลือก` });
    if (!rawName) return void errors.push({ line: i + 1, message: "กรุณาใส่ชื่อวันหยุด" });
    rows.push({ day, name: rawName.slice(0, 200) });
  });
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, message: "ไม่พบรายการวันหยุดในไฟล์" }] };
  if (rows.length > 366) return { ok: false, errors: [{ line: 1, message: "รายการวันหยุดมากเกินไป" }] };
  return { ok: true, year, imported: rows.length };
}

/** Replaces the year's holidays with the CSV's; nothing changes if any line is wrong. */
export async function importHolidaysCsv(text: string, year: number, importedBy: string | undefined, now: Date): Promise<HolidayImportResult> {
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw new ValidationError("bad year", "ปีไม่ถูกต้อง");
  const checked = parseHolidayCsv(text, year);
  if (!checked.ok) return checked;
  const rows = new Map<string, string>();
  for (const cells of parseCsv(text)) {
    const day = toGregorianDay(cells[0] ?? "");
    if (day) rows.set(day, (cells[1] ?? "").trim().slice(0, 200));
  }
  // Upsert the new days first, then drop the year's others: a reader never sees the year empty.
  await Holiday.bulkWrite(
    [...rows].map(([day, name]) => ({ updateOne: { filter: { _id: day }, update: { $set: { year, name, importedBy, importedAt: now } }, upsert: true } })),
    { ordered: false },
  );
  await Holiday.deleteMany({ year, _id: { $nin: [...rows.keys()] } });
  cache = undefined;
  return { ok: true, year, imported: rows.size };
}

export async function listHolidays(year: number): Promise<{ day: string; name: string }[]> {
  const rows = await Holiday.find({ year }).sort({ _id: 1 }).lean();
  return rows.map((r) => ({ day: r._id, name: r.name }));
}

/** Every imported holiday, from memory (read again after CACHE_MS). */
export async function holidaySet(nowMs = Date.now()): Promise<HolidaySet> {
  if (cache && nowMs - cache.at < CACHE_MS) return cache.set;
  const rows = await Holiday.find({}, { _id: 1 }).lean();
  cache = { at: nowMs, set: new Set(rows.map((r) => r._id)) };
  return cache.set;
}

/** Tests and the import: the next read goes to the database. */
export function forgetHolidays(): void {
  cache = undefined;
}
