import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { agendaFromForm, readMeetingForm, recurrenceFromForm } from "../../../src/dashboard/http/meeting-form";
import { safeNext } from "../../../src/dashboard/http/render";
import { outOfScopeLines } from "../../../src/dashboard/queries/import-scope.query";

// Protects the no-JavaScript meeting form and the checks around imports and redirects.
describe("meeting form", () => {
  const form = (extra: Record<string, string>) => readMeetingForm({ time: "09:30", date: "2030-01-02", day: "5", nth: "2", weekday: "2", ...extra });
  test("reads dates and times the Thai way: 2/1/2573 and 9.30", () => {
    assert.deepEqual(recurrenceFromForm(form({ kind: "once", date: "2/1/2573", time: "9.30" })), { kind: "once", date: "2030-01-02", time: "09:30" });
    assert.deepEqual(recurrenceFromForm(form({ kind: "monthly-day", from: "1/1/2573", until: "31/12/2573" })), { kind: "monthly-day", day: 5, time: "09:30", from: "2030-01-01", until: "2030-12-31" });
  });

  test("reads each schedule kind into a recurrence", () => {
    assert.deepEqual(recurrenceFromForm(form({ kind: "once" })), { kind: "once", date: "2030-01-02", time: "09:30" });
    assert.deepEqual(recurrenceFromForm(form({ kind: "monthly-day", from: "2030-01-01" })), { kind: "monthly-day", day: 5, time: "09:30", from: "2030-01-01" });
    assert.deepEqual(recurrenceFromForm(form({ kind: "monthly-weekday", nth: "-1" })), { kind: "monthly-weekday", nth: -1, weekday: 2, time: "09:30" });
  });
  test("refuses a bad time, day or weekday with a Thai message", () => {
    assert.throws(() => recurrenceFromForm(form({ kind: "once", time: "25:00" })), /bad time/);
    assert.throws(() => recurrenceFromForm(form({ kind: "monthly-day", day: "32" })), /bad day/);
    assert.throws(() => recurrenceFromForm(form({ kind: "monthly-weekday", weekday: "" })), /bad weekday/);
  });
  test("agenda is one item per non-empty line; arrays in the body are ignored", () => {
    assert.deepEqual(agendaFromForm(readMeetingForm({ agenda: " ก \r\n\r\nข " })), ["ก", "ข"]);
    assert.equal(readMeetingForm({ place: ["a", "b"] }).place, "");
  });
});

describe("safeNext", () => {
  test("keeps dashboard paths and drops everything else", () => {
    assert.equal(safeNext("/officer/complaints?status=received"), "/officer/complaints?status=received");
    for (const bad of ["//evil.example", "https://evil.example/officer", "/officer/../x\\y", "/other", "javascript:alert(1)"]) assert.equal(safeNext(bad), "/officer", bad);
  });
});

describe("import scope", () => {
  const csv = "tambon,village,district\n400101,1,\n400201,2,\n,,4002\n";
  test("lists the lines outside an officer's districts", () => {
    assert.deepEqual(outOfScopeLines(csv, { all: false, districts: ["4001"] }).map((e) => e.line), [3, 4]);
    assert.deepEqual(outOfScopeLines(csv, { all: true }), []);
  });
});
