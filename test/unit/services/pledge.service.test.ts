import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ValidationError } from "../../../src/errors";
import { campaignYearOf, campaignYearRange, pledgeIdFor, validatePledgeArea } from "../../../src/services/pledge.service";
import { campaignMonthKeys } from "../../../src/services/pledge-meetings.service";
import { fiscalYearBE } from "../../../src/util/thai-date";

// The campaign year and area rules of pledges, without a database.
const BKK = "Asia/Bangkok";

describe("campaignYearOf", () => {
  test("the fiscal year turns at midnight 1 October in Bangkok, not in UTC", () => {
    assert.equal(campaignYearOf(new Date("2026-09-30T16:59:59Z"), 10, BKK), 2569); // 23:59:59 on 30 Sep
    assert.equal(campaignYearOf(new Date("2026-09-30T17:00:00Z"), 10, BKK), 2570); // 00:00 on 1 Oct
  });

  test("9 Dec 2021 is in fiscal year 2565 (thai.md §7), and startMonth 10 agrees with fiscalYearBE all year round", () => {
    assert.equal(campaignYearOf(new Date("2021-12-09T03:00:00Z"), 10, BKK), 2565);
    for (let day = 0; day < 730; day += 3) {
      const d = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
      assert.equal(campaignYearOf(d, 10, BKK), fiscalYearBE(d, BKK), d.toISOString());
    }
  });

  test("startMonth is configurable: 1 is the calendar year, 4 runs April to March", () => {
    assert.equal(campaignYearOf(new Date("2026-12-31T12:00:00Z"), 1, BKK), 2569);
    assert.equal(campaignYearOf(new Date("2026-03-31T12:00:00Z"), 4, BKK), 2569);
    assert.equal(campaignYearOf(new Date("2026-04-01T12:00:00Z"), 4, BKK), 2570);
  });

  test("campaignYearRange gives the local midnights that campaignYearOf turns at", () => {
    const { start, end } = campaignYearRange(2570, 10, BKK);
    assert.equal(start.toISOString(), "2026-09-30T17:00:00.000Z");
    assert.equal(end.toISOString(), "2027-09-30T17:00:00.000Z");
    assert.equal(campaignYearOf(start, 10, BKK), 2570);
    assert.equal(campaignYearOf(new Date(end.getTime() - 1), 10, BKK), 2570);
    assert.equal(campaignYearOf(end, 10, BKK), 2571);
    assert.equal(campaignYearRange(2569, 1, BKK).start.toISOString(), "2025-12-31T17:00:00.000Z");
  });

  test("campaignMonthKeys lists the twelve BE months of the year, across the new year", () => {
    assert.deepEqual(campaignMonthKeys(2570, 10), [
      "2569-10", "2569-11", "2569-12", "2570-01", "2570-02", "2570-03",
      "2570-04", "2570-05", "2570-06", "2570-07", "2570-08", "2570-09",
    ]);
    assert.deepEqual(campaignMonthKeys(2569, 1).slice(0, 2), ["2569-01", "2569-02"]);
    assert.equal(campaignMonthKeys(2569, 1).at(-1), "2569-12");
  });
});

describe("pledge areas and ids", () => {
  test("a tambon must belong to the district, and the village number must be 1–40", () => {
    assert.deepEqual(validatePledgeArea({ districtCode: "4005", tambonCode: "400506", villageNo: 7 }), {
      districtCode: "4005",
      tambonCode: "400506",
      villageNo: 7,
    });
    for (const bad of [
      { districtCode: "4001", tambonCode: "400506", villageNo: 7 }, // tambon of another district
      { districtCode: "4026", tambonCode: "402601", villageNo: 1 }, // no such district (4026–4028 are not in DOPA's list)
      { districtCode: "4005", tambonCode: "400506", villageNo: 0 },
      { districtCode: "4005", tambonCode: "400506", villageNo: 41 },
      { districtCode: "4005", tambonCode: "400506", villageNo: 2.5 },
    ]) {
      assert.throws(() => validatePledgeArea(bad), (err: unknown) => err instanceof ValidationError && /ค่ะ$/.test(err.userMessage ?? ""), JSON.stringify(bad));
    }
  });

  test("the pledge id is the uniqueness rule: one per member and campaign year", () => {
    assert.equal(pledgeIdFor("65f0c0ffee0000000000beef", 2570), "2570:m:65f0c0ffee0000000000beef");
    assert.notEqual(pledgeIdFor("65f0c0ffee0000000000beef", 2570), pledgeIdFor("65f0c0ffee0000000000beef", 2571));
  });
});
