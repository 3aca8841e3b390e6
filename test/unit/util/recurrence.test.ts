import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  dayInMonth,
  describeRecurrence,
  nextOccurrence,
  occurrencesBetween,
  parseRecurrence,
  parseReminderOffsets,
  reminderDueAt,
  type Recurrence,
} from "../../../src/util/recurrence";
import { formatThaiDateFull, formatThaiTime } from "../../../src/util/thai-date";

// Protects the meeting calendar: month ends, Nth/last weekdays, Bangkok wall time,
// reminder due times, and the Buddhist-Era text residents read.
const TZ = "Asia/Bangkok";
const bkk = (s: string) => new Date(`${s}+07:00`);
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe("monthly on a day of the month", () => {
  test("day 31 is clamped to the last day of short months (Feb in a leap and a common year, April)", () => {
    const r: Recurrence = { kind: "monthly-day", day: 31, time: "09:00" };
    const got = occurrencesBetween(r, bkk("2027-12-01T00:00:00"), bkk("2028-05-01T00:00:00"), TZ);
    assert.deepEqual(iso(got), iso([
      bkk("2027-12-31T09:00:00"), bkk("2028-01-31T09:00:00"), bkk("2028-02-29T09:00:00"), bkk("2028-03-31T09:00:00"), bkk("2028-04-30T09:00:00"),
    ]));
    assert.equal(dayInMonth(r, 2027, 2), 28);
  });

  test("times are Bangkok wall-clock: 09:00 ICT is 02:00 UTC, across the year boundary", () => {
    const got = occurrencesBetween({ kind: "monthly-day", day: 1, time: "09:00" }, bkk("2026-12-15T00:00:00"), bkk("2027-02-15T00:00:00"), TZ);
    assert.deepEqual(iso(got), ["2027-01-01T02:00:00.000Z", "2027-02-01T02:00:00.000Z"]);
  });

  test("from/until bound the series; the range is [from, to)", () => {
    const r: Recurrence = { kind: "monthly-day", day: 5, time: "09:00", from: "2027-02-01", until: "2027-03-31" };
    assert.deepEqual(iso(occurrencesBetween(r, bkk("2027-01-01T00:00:00"), bkk("2027-12-01T00:00:00"), TZ)), iso([bkk("2027-02-05T09:00:00"), bkk("2027-03-05T09:00:00")]));
    const edge = occurrencesBetween({ kind: "monthly-day", day: 5, time: "09:00" }, bkk("2027-02-05T09:00:00"), bkk("2027-03-05T09:00:00"), TZ);
    assert.deepEqual(iso(edge), iso([bkk("2027-02-05T09:00:00")]));
  });
});

describe("monthly on the Nth weekday", () => {
  test("2nd Tuesday of each month", () => {
    const got = occurrencesBetween(parseRecurrence("nth:2:tue@13:30"), bkk("2026-12-01T00:00:00"), bkk("2027-04-01T00:00:00"), TZ);
    assert.deepEqual(iso(got), iso([bkk("2026-12-08T13:30:00"), bkk("2027-01-12T13:30:00"), bkk("2027-02-09T13:30:00"), bkk("2027-03-09T13:30:00")]));
    for (const d of got) assert.equal(formatThaiDateFull(d, TZ).startsWith("วันอังคาร"), true);
  });

  test("the last Friday, including a month with five Fridays", () => {
    const got = occurrencesBetween(parseRecurrence("nth:last:fri@09:00"), bkk("2027-01-01T00:00:00"), bkk("2027-04-01T00:00:00"), TZ);
    // January 2027 has Fridays 1, 8, 15, 22, 29.
    assert.deepEqual(iso(got), iso([bkk("2027-01-29T09:00:00"), bkk("2027-02-26T09:00:00"), bkk("2027-03-26T09:00:00")]));
  });

  test("a 1st weekday that falls on the 1st, and the 4th on the 28th of February", () => {
    assert.equal(dayInMonth({ kind: "monthly-weekday", nth: 1, weekday: 1, time: "09:00" }, 2027, 2), 1); // Mon 1 Feb 2027
    assert.equal(dayInMonth({ kind: "monthly-weekday", nth: 4, weekday: 0, time: "09:00" }, 2027, 2), 28); // Sun 28 Feb 2027
  });
});

describe("one-off meetings and parsing", () => {
  test("once: inside the range or nothing", () => {
    const r = parseRecurrence("once:2026-12-09@09:30");
    assert.deepEqual(iso(occurrencesBetween(r, bkk("2026-12-01T00:00:00"), bkk("2026-12-31T00:00:00"), TZ)), iso([bkk("2026-12-09T09:30:00")]));
    assert.equal(nextOccurrence(r, bkk("2026-12-09T09:31:00"), TZ), null);
  });

  test("bad schedules are refused with the field named", () => {
    assert.throws(() => parseRecurrence("monthly:32@09:00"), /day must be 1–31/);
    assert.throws(() => parseRecurrence("once:2027-02-29@09:00"), /not a real date/);
    assert.throws(() => parseRecurrence("monthly:5@25:00"), /HH:MM/);
    assert.throws(() => parseRecurrence("weekly:mon"), /should look like/);
  });

  test("Thai descriptions say how a clamped day behaves", () => {
    assert.equal(describeRecurrence(parseRecurrence("monthly:5@09:00")), "ทุกวันที่ 5 ของเดือน เวลา 09:00 น.");
    assert.match(describeRecurrence(parseRecurrence("monthly:31@09:00")), /วันสุดท้าย/);
    assert.equal(describeRecurrence(parseRecurrence("nth:2:tue@13:30")), "ทุกวันอังคารที่ 2 ของเดือน เวลา 13:30 น.");
    assert.equal(describeRecurrence(parseRecurrence("nth:last:fri@09:00")), "วันศุกร์สุดท้ายของทุกเดือน เวลา 09:00 น.");
  });
});

describe("reminder offsets and Buddhist-Era text", () => {
  test("3d@08:00, 1d@08:00 and 2h before a meeting on 1 March 2028 at 09:30 (after 29 Feb)", () => {
    const start = bkk("2028-03-01T09:30:00");
    const due = parseReminderOffsets("3d@08:00,1d@08:00,2h").map((o) => reminderDueAt(start, o, TZ));
    assert.deepEqual(iso(due), iso([bkk("2028-02-27T08:00:00"), bkk("2028-02-29T08:00:00"), bkk("2028-03-01T07:30:00")]));
    assert.throws(() => parseReminderOffsets("3x"), /should look like/);
  });

  test("the date residents read: Thai weekday, BE year, 24-hour time", () => {
    const d = bkk("2026-12-09T09:30:00");
    assert.equal(formatThaiDateFull(d, TZ), "วันพุธที่ 9 ธันวาคม พ.ศ. 2569");
    assert.equal(formatThaiTime(d, TZ), "09:30 น.");
    // 23:30 UTC on 31 Dec is already 1 January (and a new BE year) in Bangkok.
    assert.equal(formatThaiDateFull(new Date("2026-12-31T23:30:00Z"), TZ), "วันศุกร์ที่ 1 มกราคม พ.ศ. 2570");
  });
});
