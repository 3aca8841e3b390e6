import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../../src/dev/line-emulator";
import { responseTimeStats } from "../../../src/services/case-clock/response-stats";
import { submitComplaint } from "../../../src/services/complaint.service";
import { changeStatus, messageReporter } from "../../../src/services/complaint-workflow.service";
import { forgetHolidays, importHolidaysCsv } from "../../../src/services/holiday.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { bkk, settableClock } from "../reminder-fixtures";

// The public response-time figures against a direct recount: the test walks the
// calendar itself (weekday check, the imported holidays) for each case it made.
const clock = settableClock(bkk("2026-10-01T09:00:00"));
let h: Harness;
const HOLIDAYS = ["2026-10-13", "2026-10-23", "2026-12-07", "2026-12-10"];
const scope = { districts: "all" as const, canSeeIdentity: true };
const actor = { kind: "officer" as const, id: "stats-officer" };

interface Made {
  district: string;
  submitted: string;
  firstResponse?: string;
  closed?: string;
}

// Bangkok wall-clock strings; responses by message (question or update) or status change.
const CASES: Made[] = [
  { district: "4001", submitted: "2026-10-01T09:00:00", firstResponse: "2026-10-02T10:00:00", closed: "2026-10-20T10:00:00" },
  { district: "4001", submitted: "2026-10-09T16:00:00", firstResponse: "2026-10-15T09:00:00", closed: "2026-11-10T10:00:00" }, // Fri; Tue 13 is a holiday
  { district: "4001", submitted: "2026-10-22T11:00:00", firstResponse: "2026-10-29T11:00:00", closed: "2026-11-30T11:00:00" }, // late
  { district: "4001", submitted: "2026-11-02T08:00:00", firstResponse: "2026-11-02T15:00:00", closed: "2026-11-03T15:00:00" },
  { district: "4001", submitted: "2026-11-20T10:00:00" }, // never answered, deadline passed
  { district: "4001", submitted: "2026-12-04T10:00:00", firstResponse: "2026-12-09T10:00:00", closed: "2026-12-11T10:00:00" }, // Mon 7 holiday
  { district: "4001", submitted: "2027-01-05T10:00:00", firstResponse: "2027-01-06T10:00:00" }, // next quarter: one case
  { district: "4002", submitted: "2026-10-05T10:00:00", firstResponse: "2026-10-06T10:00:00" },
  { district: "4002", submitted: "2026-10-06T10:00:00" },
];

// The recount: plain calendar walking, independent of src/util/working-days.ts.
function isWorking(d: Date): boolean {
  const iso = d.toISOString().slice(0, 10);
  return d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !HOLIDAYS.includes(iso);
}
const bkkDay = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
function countWorking(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(bkkDay(from).getTime() + 86_400_000); d <= bkkDay(to); d = new Date(d.getTime() + 86_400_000)) if (isWorking(d)) n += 1;
  return n;
}
function deadline(from: string, days: number): string {
  let d = bkkDay(from);
  for (let left = days; left > 0; ) {
    d = new Date(d.getTime() + 86_400_000);
    if (isWorking(d)) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

before(async () => {
  h = await startHarness("case-stats", { now: clock.now, background: false });
  await importHolidaysCsv(`date,name\n${HOLIDAYS.map((d) => `${d},วันหยุด`).join("\n")}\n`, 2026, undefined, new Date());
  forgetHolidays();
  const deps = { outbox: h.bot.deps.outbox, sealer: h.bot.deps.sealer, config: h.bot.deps.config, now: clock.now };
  for (const [i, c] of CASES.entries()) {
    clock.set(bkk(c.submitted));
    const { complaint } = await submitComplaint(h.bot.deps, {
      draftId: randomUUID(), lineUserId: makeUserId(`stats-${i}`), category: "bribe", what: "มีการเรียกรับเงินค่าออกเอกสาร", who: "เจ้าหน้าที่ อบต.",
      where: { districtCode: c.district }, when: { unsure: true }, evidence: [], anonymous: true,
    });
    const id = String(complaint._id);
    if (c.firstResponse) {
      clock.set(bkk(c.firstResponse));
      if (i % 2) await messageReporter(deps, scope, actor, { complaintId: id, text: "ขอทราบรายละเอียดเพิ่มค่ะ", expectsReply: true });
      else await changeStatus(deps, scope, actor, { complaintId: id, to: "under_review", note: "กำลังตรวจสอบค่ะ" });
    }
    if (c.closed) {
      clock.set(bkk(c.closed));
      await changeStatus(deps, scope, actor, { complaintId: id, to: i % 2 ? "dismissed" : "resolved", note: "ดำเนินการแล้วค่ะ" });
    }
  }
});
after(async () => h.close());

describe("response times in public", () => {
  test("per district and fiscal quarter: medians in working days and the share answered in time, equal to a direct recount; small groups show <5", async () => {
    const now = bkk("2027-02-01T10:00:00");
    const rows = await responseTimeStats(h.bot.deps, { from: bkk("2026-10-01T00:00:00"), to: bkk("2027-04-01T00:00:00") }, now);
    const q1 = CASES.filter((c) => c.district === "4001" && c.submitted < "2027-01-01");
    const expected = {
      area: "4001",
      fiscalYear: 2570,
      quarter: 1,
      cases: q1.length,
      medianDaysToFirstResponse: med(q1.filter((c) => c.firstResponse).map((c) => countWorking(c.submitted, c.firstResponse!))),
      medianDaysToClose: med(q1.filter((c) => c.closed).map((c) => countWorking(c.submitted, c.closed!))),
      shareAnsweredInTime: q1.filter((c) => c.firstResponse && c.firstResponse.slice(0, 10) <= deadline(c.submitted, 3)).length / q1.length,
    };
    assert.deepEqual(rows.find((r) => r.area === "4001" && r.quarter === 1), expected);
    assert.equal(expected.cases, 6);
    assert.equal(q1.filter((c) => c.closed).length, 5, "enough closed cases for the median to be shown");
    assert.equal(expected.shareAnsweredInTime, 4 / 6, "the late answer and the unanswered case are not in time");
    assert.deepEqual(rows.find((r) => r.area === "4002"), { area: "4002", fiscalYear: 2570, quarter: 1, cases: "<5", medianDaysToFirstResponse: null, medianDaysToClose: null, shareAnsweredInTime: null });
    assert.deepEqual(rows.find((r) => r.area === "4001" && r.quarter === 2)?.cases, "<5");
    assert.equal(rows.length, 3);
  });
});
