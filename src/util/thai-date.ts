// Thai dates in the Buddhist Era (พ.ศ.) for a given IANA time zone, formatted by
// Intl.DateTimeFormat("th-TH-u-ca-buddhist", { timeZone }) from Node's ICU: the
// calendar, the zone and the Thai names are ICU's (shared/reference/thai.md section 7).
// Numbers are Latin digits (-nu-latn) and hours 00–23 whatever the process locale is;
// an invalid Date throws RangeError (Intl's own check).

/** Asia/Bangkok: UTC+7, no DST. The app's APP_TIMEZONE defaults to it. */
export const DEFAULT_TIME_ZONE = "Asia/Bangkok";
/** พ.ศ. = ค.ศ. + 543, for arithmetic on campaign years (formatting leaves it to ICU). */
export const BUDDHIST_ERA_OFFSET = 543;
const THAI_BE = "th-TH-u-ca-buddhist-nu-latn";

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One cached formatter per style and zone. */
function thai(style: string, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(THAI_BE, { ...opts, timeZone })));
  return f;
}

function names(opts: Intl.DateTimeFormatOptions, type: Intl.DateTimeFormatPartTypes, dates: Date[]): readonly string[] {
  const f = thai(JSON.stringify(opts), "UTC", opts);
  return Object.freeze(dates.map((d) => f.formatToParts(d).find((p) => p.type === type)!.value));
}
const MONTH_DAYS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2021, m, 15)));
/** ICU's Thai names, e.g. for chart labels; index 0 is January. */
export const THAI_MONTHS = names({ month: "long" }, "month", MONTH_DAYS);
export const THAI_MONTHS_SHORT = names({ month: "short" }, "month", MONTH_DAYS);
/** Index 0 is Sunday, as in Date#getUTCDay (5 Dec 2021 was a Sunday). */
export const THAI_WEEKDAYS = names({ weekday: "long" }, "weekday", Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2021, 11, 5 + i))));

export interface ZonedDateTime {
  year: number; // Gregorian (CE)
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
}

export interface ZonedParts extends ZonedDateTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const zoned = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = zoned.get(timeZone);
  if (!f) {
    // en-US + gregory + latn: plain ASCII numbers whatever the process locale is.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, calendar: "gregory", numberingSystem: "latn", hourCycle: "h23",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
      second: "numeric", weekday: "short",
    });
    zoned.set(timeZone, f);
  }
  return f;
}

function partsWithSeconds(d: Date, timeZone: string): ZonedParts & { second: number } {
  if (Number.isNaN(d.getTime())) throw new RangeError("Invalid Date");
  const p: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(d)) p[type] = value;
  return {
    year: Number(p.year), month: Number(p.month), day: Number(p.day),
    hour: Number(p.hour) % 24, // some ICU versions print midnight as "24"
    minute: Number(p.minute), second: Number(p.second), weekday: WEEKDAY_INDEX[p.weekday],
  };
}

/** Wall-clock fields of instant d in timeZone (Gregorian year). */
export function zonedParts(d: Date, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  const { second: _second, ...parts } = partsWithSeconds(d, timeZone);
  return parts;
}

/** Offset of timeZone from UTC at instant t (ms since epoch), in ms (Bangkok: +7 h). */
function offsetAt(t: number, timeZone: string): number {
  const p = partsWithSeconds(new Date(t), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (t - (((t % 1000) + 1000) % 1000));
}

function checkField(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}–${max}, got ${value}`);
  }
}

/**
 * The instant at which the wall clock in timeZone shows the given date and time. In a DST
 * gap (a time that does not exist) the clock is moved forward by the gap; in a DST overlap
 * (a time that happens twice) the earlier instant is chosen. These are Temporal's
 * "compatible" rules.
 */
export function zonedDateTimeToUtc(local: ZonedDateTime, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const { year, month, day, hour, minute } = local;
  checkField("year", year, 1000, 9999); // CE; Date.UTC maps 0–99 to 19xx
  checkField("month", month, 1, 12);
  checkField("day", day, 1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  checkField("hour", hour, 0, 23);
  checkField("minute", minute, 0, 59);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const DAY = 86_400_000;
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => wall - offsetAt(t, timeZone) === t)
    .sort((a, b) => a - b);
  // No candidate: the time falls in a gap; the offset from before the jump moves it forward.
  return new Date(candidates[0] ?? wall - before);
}

/** "9 ธันวาคม 2564". */
export function formatThaiDate(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return thai("date", timeZone, { day: "numeric", month: "long", year: "numeric" }).format(d);
}

/** "วันพฤหัสบดีที่ 9 ธันวาคม พ.ศ. 2564". */
export function formatThaiDateFull(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return thai("full", timeZone, { dateStyle: "full" }).format(d);
}

/** "9 ธ.ค. 2564". */
export function formatThaiShortDate(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return thai("short", timeZone, { day: "numeric", month: "short", year: "numeric" }).format(d);
}

/** "10:00 น." (24-hour clock; น. = นาฬิกา). */
export function formatThaiTime(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${thai("time", timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d)} น.`;
}

/** "9 ธ.ค. 2564 10:00 น.". */
export function formatThaiDateTime(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatThaiShortDate(d, timeZone)} ${formatThaiTime(d, timeZone)}`;
}

/** "วันพฤหัสบดี". */
export function thaiWeekday(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return thai("weekday", timeZone, { weekday: "long" }).format(d);
}

/** BE year and month number of instant d in timeZone, from ICU's Buddhist calendar. */
function yearMonthBE(d: Date, timeZone: string): { year: number; month: number } {
  const parts = thai("ym", timeZone, { year: "numeric", month: "numeric" }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get("year"), month: get("month") };
}

/**
 * Thai government fiscal year (ปีงบประมาณ), 1 October – 30 September, named by the BE year
 * in which it ends (thai.md section 7): 9 Dec 2021 is in FY 2565.
 */
export function fiscalYearBE(d: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  const p = yearMonthBE(d, timeZone);
  return p.year + (p.month >= 10 ? 1 : 0);
}

/** "2569-12": BE year and month in timeZone, a plain string key for grouping stats by month. */
export function monthKeyBE(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = yearMonthBE(d, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}
