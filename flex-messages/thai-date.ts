import { formatThaiShortDate as shortDateIn } from "../src/util/thai-date";

// Dates shown to residents are in the Buddhist Era and Bangkok time, from the one
// Intl formatter of src/util/thai-date.ts (th-TH-u-ca-buddhist; always with the
// zone, because servers run in UTC).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats a date as shown in chat, e.g. 2026-11-26 → "26 พ.ย. 2569". */
export type DateFormatter = (date: Date) => string;

export const formatThaiShortDate: DateFormatter = (date) => shortDateIn(date, "Asia/Bangkok");

/**
 * Parses a calendar date "YYYY-MM-DD" as that day in Bangkok (noon, so no time zone
 * can move it to the day before or after). Throws on a malformed or impossible date.
 */
export function parseIsoDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Expected a date like 2026-11-26, got "${iso}"`);
  const date = new Date(`${iso}T12:00:00+07:00`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`"${iso}" is not a real calendar date`);
  }
  return date;
}
