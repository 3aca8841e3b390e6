import assert from "node:assert/strict";
import { test } from "node:test";
import { parseThaiDateField, thaiDateFieldValue, thaiDateInput } from "../../../src/dashboard/http/thai-date-field";

// Officers type dates the Thai way (day/month/BE year); the browser's own date widget
// would show mm/dd/yyyy in an English browser.
test("reads day/month/Buddhist-Era dates and ISO dates, refuses impossible days", () => {
  assert.equal(parseThaiDateField("5/12/2569"), "2026-12-05");
  assert.equal(parseThaiDateField(" 05/12/2569 "), "2026-12-05");
  assert.equal(parseThaiDateField("2026-12-05"), "2026-12-05");
  assert.equal(parseThaiDateField("31/2/2569"), undefined);
  assert.equal(parseThaiDateField("12/05/2026x"), undefined);
});

test("shows a stored date the Thai way, and keeps what was typed when it could not be read", () => {
  assert.equal(thaiDateFieldValue("2026-12-05"), "5/12/2569");
  assert.equal(thaiDateFieldValue("31/2/2569"), "31/2/2569");
  const input = String(thaiDateInput("d", "date", "2026-12-05"));
  assert.match(input, /type="text"/);
  assert.match(input, /value="5\/12\/2569"/);
  assert.match(input, /placeholder="วัน\/เดือน\/ปี พ\.ศ\./);
});
