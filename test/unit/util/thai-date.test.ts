import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  DEFAULT_TIME_ZONE,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
  THAI_WEEKDAYS,
  fiscalYearBE,
  formatThaiDate,
  formatThaiDateFull,
  formatThaiDateTime,
  formatThaiTime,
  monthKeyBE,
  thaiWeekday,
  zonedDateTimeToUtc,
  zonedParts,
} from "../../../src/util/thai-date";

// 9 Dec 2021, 10:00 in Bangkok: International Anti-Corruption Day (thai.md sections 5 and 7).
const ACD_2021 = new Date("2021-12-09T03:00:00Z");
// Just after midnight on New Year's Day in Bangkok; still 31 Dec in UTC.
const NEW_YEAR_BKK = new Date("2022-01-01T00:30:00+07:00");

describe("Thai date formatting (Buddhist Era)", () => {
  test("exact outputs for 9 Dec 2021 10:00 Bangkok", () => {
    assert.equal(formatThaiDate(ACD_2021), "9 ธันวาคม 2564");
    assert.equal(formatThaiDateFull(ACD_2021), "วันพฤหัสบดีที่ 9 ธันวาคม พ.ศ. 2564");
    assert.equal(formatThaiTime(ACD_2021), "10:00 น.");
    assert.equal(formatThaiDateTime(ACD_2021), "9 ธ.ค. 2564 10:00 น.");
    assert.equal(thaiWeekday(ACD_2021), "วันพฤหัสบดี");
  });

  test("the zone decides the date: Bangkok is on 1 Jan 2565 while UTC is on 31 Dec 2564", () => {
    assert.equal(formatThaiDate(NEW_YEAR_BKK), "1 มกราคม 2565");
    assert.equal(formatThaiDate(NEW_YEAR_BKK, "UTC"), "31 ธันวาคม 2564");
    assert.equal(formatThaiDateTime(NEW_YEAR_BKK), "1 ม.ค. 2565 00:30 น.");
    assert.equal(formatThaiDateTime(NEW_YEAR_BKK, "UTC"), "31 ธ.ค. 2564 17:30 น.");
    assert.equal(thaiWeekday(NEW_YEAR_BKK), "วันเสาร์");
    assert.equal(thaiWeekday(NEW_YEAR_BKK, "UTC"), "วันศุกร์");
  });

  test("time is 24-hour with two-digit hours", () => {
    assert.equal(formatThaiTime(new Date("2021-12-09T02:05:00Z")), "09:05 น.");
    assert.equal(formatThaiTime(new Date("2021-12-09T17:00:00Z")), "00:00 น.");
    assert.equal(formatThaiTime(new Date("2021-12-09T16:59:00Z")), "23:59 น.");
  });

  test("our name tables agree with ICU's th-TH names on this Node", () => {
    const monthLong = new Intl.DateTimeFormat("th-TH", { month: "long", timeZone: "UTC" });
    const monthShort = new Intl.DateTimeFormat("th-TH", { month: "short", timeZone: "UTC" });
    const weekday = new Intl.DateTimeFormat("th-TH", { weekday: "long", timeZone: "UTC" });
    const part = (f: Intl.DateTimeFormat, d: Date, type: string) => f.formatToParts(d).find((p) => p.type === type)?.value;
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2021, m, 15));
      assert.equal(THAI_MONTHS[m], part(monthLong, d, "month"));
      assert.equal(THAI_MONTHS_SHORT[m], part(monthShort, d, "month"));
    }
    for (let i = 0; i < 7; i++) {
      const d = new Date(Date.UTC(2021, 11, 5 + i)); // 5 Dec 2021 is a Sunday
      assert.equal(THAI_WEEKDAYS[i], part(weekday, d, "weekday"));
    }
  });

  test("the full date has the same day, month and BE year as ICU's Buddhist calendar", () => {
    const icu = new Intl.DateTimeFormat("th-TH", { dateStyle: "full", timeZone: DEFAULT_TIME_ZONE });
    for (const iso of ["2021-12-09T03:00:00Z", "2024-02-29T12:00:00Z", "2025-12-31T18:00:00Z"]) {
      const d = new Date(iso);
      const parts = Object.fromEntries(icu.formatToParts(d).map((p) => [p.type, p.value]));
      const ours = formatThaiDateFull(d);
      assert.ok(ours.includes(` ${parts.day} ${parts.month} `), ours);
      assert.ok(ours.endsWith(`พ.ศ. ${parts.year}`), ours);
      assert.ok(ours.startsWith(parts.weekday), ours);
    }
  });

  test("an invalid date throws instead of printing NaN", () => {
    assert.throws(() => formatThaiDate(new Date("nope")), RangeError);
  });
});

describe("fiscal year and month keys", () => {
  test("fiscal year runs 1 Oct – 30 Sep and is named by the BE year it ends in", () => {
    assert.equal(fiscalYearBE(ACD_2021), 2565);
    assert.equal(fiscalYearBE(new Date("2021-09-30T16:59:00Z")), 2564); // 30 Sep 23:59 Bangkok
    assert.equal(fiscalYearBE(new Date("2021-09-30T17:00:00Z")), 2565); // 1 Oct 00:00 Bangkok
    assert.equal(fiscalYearBE(new Date("2021-09-30T17:00:00Z"), "UTC"), 2564);
    assert.equal(fiscalYearBE(new Date("2022-06-15T00:00:00Z")), 2565);
  });

  test("monthKeyBE is BE year and two-digit month in the zone", () => {
    assert.equal(monthKeyBE(new Date("2026-12-15T00:00:00Z"), "Asia/Bangkok"), "2569-12");
    assert.equal(monthKeyBE(new Date("2026-03-02T00:00:00Z")), "2569-03");
    assert.equal(monthKeyBE(NEW_YEAR_BKK), "2565-01");
    assert.equal(monthKeyBE(NEW_YEAR_BKK, "UTC"), "2564-12");
  });
});

describe("zonedParts and zonedDateTimeToUtc", () => {
  test("zonedParts gives wall-clock fields in the zone", () => {
    assert.deepEqual(zonedParts(ACD_2021, "Asia/Bangkok"), { year: 2021, month: 12, day: 9, hour: 10, minute: 0, weekday: 4 });
    assert.deepEqual(zonedParts(NEW_YEAR_BKK, "UTC"), { year: 2021, month: 12, day: 31, hour: 17, minute: 30, weekday: 5 });
    assert.deepEqual(zonedParts(new Date("2024-01-01T00:00:00Z"), "Asia/Kathmandu"), {
      year: 2024, month: 1, day: 1, hour: 5, minute: 45, weekday: 1,
    });
  });

  test("Bangkok wall time maps to UTC−7 h", () => {
    assert.equal(zonedDateTimeToUtc({ year: 2021, month: 12, day: 9, hour: 10, minute: 0 }).toISOString(), "2021-12-09T03:00:00.000Z");
    assert.equal(zonedDateTimeToUtc({ year: 2022, month: 1, day: 1, hour: 0, minute: 30 }, "Asia/Bangkok").toISOString(), "2021-12-31T17:30:00.000Z");
  });

  test("zones with DST: ordinary, skipped and repeated times", () => {
    const utc = (l: { year: number; month: number; day: number; hour: number; minute: number }, tz: string) =>
      zonedDateTimeToUtc(l, tz).toISOString();
    // New York: EST (−5) in winter, EDT (−4) in summer.
    assert.equal(utc({ year: 2024, month: 1, day: 15, hour: 9, minute: 0 }, "America/New_York"), "2024-01-15T14:00:00.000Z");
    assert.equal(utc({ year: 2024, month: 7, day: 15, hour: 9, minute: 0 }, "America/New_York"), "2024-07-15T13:00:00.000Z");
    // 10 Mar 2024 02:30 does not exist in New York: moved forward to 03:30 EDT.
    assert.equal(utc({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, "America/New_York"), "2024-03-10T07:30:00.000Z");
    // 3 Nov 2024 01:30 happens twice: the earlier (EDT) instant.
    assert.equal(utc({ year: 2024, month: 11, day: 3, hour: 1, minute: 30 }, "America/New_York"), "2024-11-03T05:30:00.000Z");
    // Berlin, and the southern hemisphere with a 30-minute DST shift (Lord Howe).
    assert.equal(utc({ year: 2024, month: 3, day: 31, hour: 2, minute: 30 }, "Europe/Berlin"), "2024-03-31T01:30:00.000Z");
    assert.equal(utc({ year: 2024, month: 10, day: 27, hour: 2, minute: 30 }, "Europe/Berlin"), "2024-10-27T00:30:00.000Z");
    assert.equal(utc({ year: 2024, month: 1, day: 10, hour: 12, minute: 0 }, "Australia/Lord_Howe"), "2024-01-10T01:00:00.000Z");
    assert.equal(utc({ year: 2024, month: 7, day: 10, hour: 12, minute: 0 }, "Australia/Lord_Howe"), "2024-07-10T01:30:00.000Z");
  });

  test("round trip: zonedParts then zonedDateTimeToUtc returns the same minute", () => {
    const zones = ["Asia/Bangkok", "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu"];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 400; i++) {
      const minute = Math.floor(Date.UTC(2000, 0, 1) / 60_000) + (next() % (30 * 366 * 24 * 60));
      const d = new Date(minute * 60_000);
      const tz = zones[i % zones.length];
      const back = zonedDateTimeToUtc(zonedParts(d, tz), tz);
      // In a repeated hour the earlier instant comes back; its wall clock must still match.
      const { weekday: _w, ...wall } = zonedParts(d, tz);
      const { weekday: _w2, ...wallBack } = zonedParts(back, tz);
      assert.deepEqual(wallBack, wall, `${tz} ${d.toISOString()}`);
      assert.ok(back.getTime() === d.getTime() || back.getTime() < d.getTime(), `${tz} ${d.toISOString()}`);
      if (tz === "Asia/Bangkok") assert.equal(back.getTime(), d.getTime());
    }
  });

  test("rejects impossible fields and unknown zones", () => {
    const ok = { year: 2024, month: 2, day: 29, hour: 0, minute: 0 };
    assert.equal(zonedDateTimeToUtc(ok).toISOString(), "2024-02-28T17:00:00.000Z");
    for (const bad of [{ ...ok, year: 2023 }, { ...ok, month: 13 }, { ...ok, day: 0 }, { ...ok, hour: 24 }, { ...ok, minute: 60 }, { ...ok, minute: 1.5 }]) {
      assert.throws(() => zonedDateTimeToUtc(bad), RangeError, JSON.stringify(bad));
    }
    assert.throws(() => zonedDateTimeToUtc(ok, "Mars/Olympus"), RangeError);
    assert.throws(() => zonedParts(ACD_2021, "Mars/Olympus"), RangeError);
  });
});
