import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addWorkingDays, dayKeyIn, endOfDay, isWorkingDay, workingDaysBetween } from "../../../src/util/working-days";
import { parseHolidayCsv } from "../../../src/services/holiday.service";

// Working days of Asia/Bangkok: Monday–Friday, minus the imported holidays.
const TZ = "Asia/Bangkok";
// December 2026: Thu 3, Fri 4, Sat 5 (วันพ่อแห่งชาติ), Sun 6, Mon 7 (substitute holiday), Thu 10 (วันรัฐธรรมนูญ).
const HOLIDAYS = new Set(["2026-12-05", "2026-12-07", "2026-12-10", "2026-12-31"]);
const NONE = new Set<string>();

describe("working days", () => {
  test("weekends are skipped: 3 working days after a Friday end on Wednesday", () => {
    assert.equal(addWorkingDays("2026-11-27", 3, NONE), "2026-12-02");
    assert.equal(addWorkingDays("2026-11-28", 1, NONE), "2026-11-30", "a Saturday's next working day is Monday");
  });

  test("imported holidays are skipped as well", () => {
    // Fri 4 Dec: Mon 7 is a holiday, so Tue 8, Wed 9, Fri 11 (Thu 10 is a holiday).
    assert.equal(addWorkingDays("2026-12-04", 3, HOLIDAYS), "2026-12-11");
    assert.equal(addWorkingDays("2026-12-04", 3, NONE), "2026-12-09");
    assert.equal(isWorkingDay("2026-12-07", HOLIDAYS), false);
    assert.equal(isWorkingDay("2026-12-08", HOLIDAYS), true);
  });

  test("15 working days across the year end", () => {
    // From Mon 21 Dec 2026: 22,23,24,25,28,29,30 (31 holiday), 1 Jan is a Friday (not imported here), 4,5,6,7,8,11,12.
    assert.equal(addWorkingDays("2026-12-21", 15, HOLIDAYS), "2027-01-12");
    assert.equal(workingDaysBetween("2026-12-21", "2027-01-12", HOLIDAYS), 15);
  });

  test("days between count what lies after the first day up to the second", () => {
    assert.equal(workingDaysBetween("2026-12-04", "2026-12-04", HOLIDAYS), 0);
    assert.equal(workingDaysBetween("2026-12-04", "2026-12-08", HOLIDAYS), 1);
    assert.equal(workingDaysBetween("2026-12-08", "2026-12-04", HOLIDAYS), 0);
  });

  test("the Bangkok day of an instant, and the end of a day", () => {
    assert.equal(dayKeyIn(new Date("2026-12-03T17:30:00Z"), TZ), "2026-12-04", "00:30 on the 4th in Bangkok");
    assert.equal(endOfDay("2026-12-04", TZ).toISOString(), "2026-12-04T17:00:00.000Z");
  });
});

describe("holiday CSV", () => {
  test("Buddhist Era and Gregorian dates, a header, and errors per line", () => {
    const ok = parseHolidayCsv("date,name\n2569-12-05,วันพ่อแห่งชาติ\n2026-12-10,วันรัฐธรรมนูญ\n", 2026);
    assert.deepEqual(ok, { ok: true, year: 2026, imported: 2 });
    const bad = parseHolidayCsv("2026-13-01,ผิด\n2025-12-31,ปีอื่น\n2026-12-31,\n", 2026);
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.line), [1, 2, 3]);
  });
});
