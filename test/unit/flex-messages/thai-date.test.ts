import assert from "node:assert/strict";
import { test } from "node:test";
import { formatThaiShortDate, parseIsoDate } from "../../../flex-messages/thai-date";

// Protects dates shown to residents: Buddhist Era, Bangkok day, short Thai month.

test("formats an ISO review date in the Buddhist Era", () => {
  assert.equal(formatThaiShortDate(parseIsoDate("2026-11-26")), "26 พ.ย. 2569");
  assert.equal(formatThaiShortDate(parseIsoDate("2021-12-09")), "9 ธ.ค. 2564");
});

test("keeps the Bangkok calendar day at the year's edges", () => {
  // 1 Jan in Bangkok is still 31 Dec in UTC before 07:00; the date must not slip back.
  assert.equal(formatThaiShortDate(parseIsoDate("2022-01-01")), "1 ม.ค. 2565");
  assert.equal(formatThaiShortDate(new Date("2021-12-31T17:30:00Z")), "1 ม.ค. 2565");
});

test("rejects malformed and impossible dates", () => {
  assert.throws(() => parseIsoDate("26/11/2569"), /like 2026-11-26/);
  assert.throws(() => parseIsoDate("2026-02-30"), /not a real calendar date/);
  assert.throws(() => parseIsoDate("2026-13-01"), /not a real calendar date/);
});
