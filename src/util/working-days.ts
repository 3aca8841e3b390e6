import { zonedDateTimeToUtc, zonedParts } from "./thai-date";

// Working-day arithmetic on calendar days ("YYYY-MM-DD") of the app's zone
// (Asia/Bangkok). A working day is Monday to Friday and not in the holiday set
// that admins import each year (holiday.service.ts). Deadlines fall at the end of
// a working day: "within 3 working days" of a Friday submission means by the end
// of Wednesday (the day of receipt is not counted).
export type DayKey = string;
export type HolidaySet = ReadonlySet<DayKey>;

const DAY_MS = 86_400_000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMidnight(day: DayKey): number {
  const m = DAY_KEY.exec(day);
  if (!m) throw new RangeError(`not a day key: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMidnight(t: number): DayKey {
  return new Date(t).toISOString().slice(0, 10);
}

export function isDayKey(s: string): boolean {
  if (!DAY_KEY.test(s)) return false;
  return fromUtcMidnight(toUtcMidnight(s)) === s;
}

/** The calendar day of instant `at` in `timeZone`. */
export function dayKeyIn(at: Date, timeZone: string): DayKey {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function addCalendarDays(day: DayKey, n: number): DayKey {
  return fromUtcMidnight(toUtcMidnight(day) + n * DAY_MS);
}

export function isWeekend(day: DayKey): boolean {
  const wd = new Date(toUtcMidnight(day)).getUTCDay();
  return wd === 0 || wd === 6;
}

export function isWorkingDay(day: DayKey, holidays: HolidaySet): boolean {
  return !isWeekend(day) && !holidays.has(day);
}

/** The n-th working day after `day` (n = 0: `day` itself). */
export function addWorkingDays(day: DayKey, n: number, holidays: HolidaySet): DayKey {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/** How many working days d with from < d ≤ to (0 when to ≤ from). */
export function workingDaysBetween(from: DayKey, to: DayKey, holidays: HolidaySet): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, holidays)) n += 1;
  return n;
}

/** The instant a calendar day starts in `timeZone`. */
export function startOfDay(day: DayKey, timeZone: string): Date {
  const t = toUtcMidnight(day);
  const d = new Date(t);
  return zonedDateTimeToUtc({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 }, timeZone);
}

/** The instant a calendar day ends (the next day starts): a deadline on `day` has passed from then. */
export function endOfDay(day: DayKey, timeZone: string): Date {
  return startOfDay(addCalendarDays(day, 1), timeZone);
}
