import { zonedDateTimeToUtc, zonedParts } from "./thai-date";

// Meeting schedules in APP_TIMEZONE (Asia/Bangkok: no DST, but the arithmetic goes
// through zonedDateTimeToUtc so another zone works too). Three shapes:
//   once             — one date and time;
//   monthly-day      — day D of every month. D = 29–31 is CLAMPED to the month's last
//                      day (31 → 30 April, 28/29 February), so a village that meets
//                      "at the end of the month" never skips a month;
//   monthly-weekday  — the Nth weekday (1st–4th) or the last one (nth = -1), e.g. the
//                      2nd Tuesday. A 5th weekday is not offered: most months lack it.
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export type Recurrence =
  | { kind: "once"; date: string; time: string }
  | { kind: "monthly-day"; day: number; time: string; from?: string; until?: string }
  | { kind: "monthly-weekday"; nth: 1 | 2 | 3 | 4 | -1; weekday: Weekday; time: string; from?: string; until?: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function hm(time: string): { hour: number; minute: number } {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`time must be HH:MM (24-hour), got "${time}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function ymd(date: string): { year: number; month: number; day: number } {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD (Gregorian), got "${date}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`"${date}" is not a real date`);
  return { year, month, day };
}

/** Checks a rule's fields; throws RangeError naming the bad one. */
export function validateRecurrence(r: Recurrence): Recurrence {
  hm(r.time);
  if (r.kind === "once") ymd(r.date);
  else {
    if (r.from) ymd(r.from);
    if (r.until) ymd(r.until);
    if (r.kind === "monthly-day" && (!Number.isInteger(r.day) || r.day < 1 || r.day > 31)) throw new RangeError(`day must be 1–31, got ${r.day}`);
    if (r.kind === "monthly-weekday") {
      if (![1, 2, 3, 4, -1].includes(r.nth)) throw new RangeError(`nth must be 1–4 or -1 (last), got ${r.nth}`);
      if (!Number.isInteger(r.weekday) || r.weekday < 0 || r.weekday > 6) throw new RangeError(`weekday must be 0–6, got ${r.weekday}`);
    }
  }
  return r;
}

/** The day of the month the rule falls on in (year, month). */
export function dayInMonth(r: Exclude<Recurrence, { kind: "once" }>, year: number, month: number): number {
  const last = daysInMonth(year, month);
  if (r.kind === "monthly-day") return Math.min(r.day, last);
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const first = 1 + ((r.weekday - firstWeekday + 7) % 7);
  if (r.nth > 0) return first + 7 * (r.nth - 1);
  return first + 7 * Math.floor((last - first) / 7);
}

const dateKey = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Start instants of the rule in [from, to), oldest first. */
export function occurrencesBetween(r: Recurrence, from: Date, to: Date, timeZone: string): Date[] {
  const { hour, minute } = hm(r.time);
  const inRange = (d: Date) => d.getTime() >= from.getTime() && d.getTime() < to.getTime();
  if (r.kind === "once") {
    const d = zonedDateTimeToUtc({ ...ymd(r.date), hour, minute }, timeZone);
    return inRange(d) ? [d] : [];
  }
  const out: Date[] = [];
  const start = zonedParts(from, timeZone);
  let { year, month } = start;
  // A month before `from` covers zones where the local month lags the UTC one.
  month -= 1;
  if (month === 0) [year, month] = [year - 1, 12];
  for (let guard = 0; guard < 1200; guard++) {
    const day = dayInMonth(r, year, month);
    const key = dateKey(year, month, day);
    const d = zonedDateTimeToUtc({ year, month, day, hour, minute }, timeZone);
    if (d.getTime() >= to.getTime()) break;
    if (inRange(d) && (!r.from || key >= r.from) && (!r.until || key <= r.until)) out.push(d);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return out;
}

/** The first start at or after `after`, looking at most `withinDays` ahead. */
export function nextOccurrence(r: Recurrence, after: Date, timeZone: string, withinDays = 400): Date | null {
  return occurrencesBetween(r, after, new Date(after.getTime() + withinDays * 86_400_000), timeZone)[0] ?? null;
}

/**
 * Text form used by the CLI and CSV import:
 *   once:2026-12-09@09:30 · monthly:5@09:00 · monthly:31@09:00 (clamped) ·
 *   nth:2:tue@09:00 · nth:last:fri@13:30
 */
export function parseRecurrence(text: string): Recurrence {
  const s = text.trim().toLowerCase();
  let m = /^once:(\d{4}-\d{2}-\d{2})@(\d{2}:\d{2})$/.exec(s);
  if (m) return validateRecurrence({ kind: "once", date: m[1]!, time: m[2]! });
  m = /^monthly:(\d{1,2})@(\d{2}:\d{2})$/.exec(s);
  if (m) return validateRecurrence({ kind: "monthly-day", day: Number(m[1]), time: m[2]! });
  m = /^nth:([1-4]|last):(sun|mon|tue|wed|thu|fri|sat)@(\d{2}:\d{2})$/.exec(s);
  if (m) {
    const nth = m[1] === "last" ? -1 : (Number(m[1]) as 1 | 2 | 3 | 4);
    const weekday = WEEKDAY_NAMES.indexOf(m[2] as (typeof WEEKDAY_NAMES)[number]) as Weekday;
    return validateRecurrence({ kind: "monthly-weekday", nth, weekday, time: m[3]! });
  }
  throw new RangeError(`schedule "${text}" should look like once:2026-12-09@09:30, monthly:5@09:00 or nth:2:tue@09:00`);
}

const THAI_WEEKDAY_SHORT = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];

/** "ทุกวันที่ 5 ของเดือน เวลา 09:00 น.", "ทุกวันอังคารที่ 2 ของเดือน …", "วันศุกร์สุดท้ายของเดือน …". */
export function describeRecurrence(r: Recurrence): string {
  const at = `เวลา ${r.time} น.`;
  if (r.kind === "once") return `ครั้งเดียว ${at}`;
  if (r.kind === "monthly-day") return r.day >= 29 ? `ทุกวันที่ ${r.day} ของเดือน (เดือนที่สั้นกว่าใช้วันสุดท้าย) ${at}` : `ทุกวันที่ ${r.day} ของเดือน ${at}`;
  const day = `วัน${THAI_WEEKDAY_SHORT[r.weekday]}`;
  return r.nth === -1 ? `${day}สุดท้ายของทุกเดือน ${at}` : `ทุก${day}ที่ ${r.nth} ของเดือน ${at}`;
}

// Reminder offsets (REMINDER_OFFSETS, default "3d@08:00,1d@08:00,2h"): "Nd@HH:MM" is
// N calendar days before the meeting's local date at that clock time; "Nd" keeps the
// meeting's clock time; "Nh" is N hours before the start.
export interface ReminderOffset {
  /** The text form, stored on each Reminder so edits can tell offsets apart. */
  key: string;
  unit: "d" | "h";
  amount: number;
  at?: { hour: number; minute: number };
}

export function parseReminderOffsets(spec: string): ReminderOffset[] {
  const out: ReminderOffset[] = [];
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+)([dh])(?:@(\d{2}:\d{2}))?$/.exec(part);
    if (!m) throw new RangeError(`reminder offset "${part}" should look like 3d@08:00, 1d or 2h (before the meeting)`);
    if (m[2] === "h" && m[3]) throw new RangeError(`reminder offset "${part}": hours take no @time`);
    out.push({ key: part, unit: m[2] as "d" | "h", amount: Number(m[1]), at: m[3] ? hm(m[3]) : undefined });
  }
  return out;
}

/** When the reminder with this offset is due, for a meeting starting at `start`. */
export function reminderDueAt(start: Date, offset: ReminderOffset, timeZone: string): Date {
  if (offset.unit === "h") return new Date(start.getTime() - offset.amount * 3_600_000);
  const p = zonedParts(start, timeZone);
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day - offset.amount));
  const at = offset.at ?? { hour: p.hour, minute: p.minute };
  return zonedDateTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), ...at }, timeZone);
}
