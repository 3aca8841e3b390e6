import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ComplaintFacts } from "../../../../src/services/complaint-filter";
import { monthRowsOf } from "../../../../src/services/complaint-index/complaint-months";

const fact = (iso: string, over: Partial<ComplaintFacts> = {}): ComplaintFacts => ({
  category: "bribe", status: "received", level: "district", routedDistrict: "4001", submittedMs: Date.parse(iso), awaitingReporter: false, trackingCode: "KK-AAA-AAA-AAA", ...over,
});

describe("complaints by month from memory", () => {
  test("Bangkok months in the Buddhist Era, with status and category counts, oldest first", () => {
    const rows = monthRowsOf(
      [fact("2026-11-30T16:59:00Z"), fact("2026-11-30T17:00:00Z", { status: "resolved" }), fact("2026-10-02T01:00:00Z", { category: "other" })],
      {},
      "Asia/Bangkok",
    );
    assert.deepEqual(rows.map((r) => [r.monthKey, r.total]), [["2569-10", 1], ["2569-11", 1], ["2569-12", 1]]);
    assert.equal(rows[2]!.byStatus.resolved, 1);
    assert.equal(rows[0]!.byCategory.other, 1);
  });

  test("an hour that holds a month's start is split where the zone's month starts (UTC+5:45)", () => {
    // 2026-11-30T18:15Z is 00:00 on 1 December in Kathmandu.
    const rows = monthRowsOf([fact("2026-11-30T18:10:00Z"), fact("2026-11-30T18:20:00Z"), fact("2026-11-30T18:05:00Z")], {}, "Asia/Kathmandu");
    assert.deepEqual(rows.map((r) => [r.monthKey, r.total]), [["2569-11", 2], ["2569-12", 1]]);
  });

  test("a district scope counts only cases routed to its districts, never the province's", () => {
    const rows = monthRowsOf(
      [fact("2026-11-01T05:00:00Z"), fact("2026-11-01T05:00:00Z", { routedDistrict: "4005" }), fact("2026-11-01T05:00:00Z", { level: "province", routedDistrict: undefined })],
      { districts: ["4001"] },
      "Asia/Bangkok",
    );
    assert.deepEqual(rows.map((r) => r.total), [1]);
  });
});
