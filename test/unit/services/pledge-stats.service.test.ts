import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { rankDistricts, MIN_MEMBERS_FOR_RATE, type DistrictPledgeStats } from "../../../src/services/pledge-stats.service";
import { StaleCache } from "../../../src/services/pledge-stats-cache";

// Ranking rules and the cache behind the slow member and meeting counts.
function row(code: string, nameTh: string, linePledges: number, members: number): DistrictPledgeStats {
  const rate = members >= MIN_MEMBERS_FOR_RATE ? Math.round((linePledges / members) * 10_000) / 10 : null;
  return { level: "district", districtCode: code, nameTh, linePledges, meetingPledged: 0, meetingAttended: 0, meetingReports: 0, members, perThousandMembers: rate };
}

describe("rankDistricts", () => {
  const rows = [row("4001", "เมืองขอนแก่น", 50, 1000), row("4005", "ชุมแพ", 30, 100), row("4029", "เวียงเก่า", 3, 3), row("4012", "พล", 30, 300)];

  test("by count: most LINE pledges first, ties in Thai dictionary order", () => {
    assert.deepEqual(rankDistricts(rows, "count").map((r) => [r.rank, r.nameTh]), [
      [1, "เมืองขอนแก่น"],
      [2, "ชุมแพ"],
      [3, "พล"],
      [4, "เวียงเก่า"],
    ]);
  });

  test("per 1,000 members: highest rate first; a district with too few members to compare goes last", () => {
    assert.deepEqual(rankDistricts(rows, "perThousand").map((r) => [r.nameTh, r.perThousandMembers]), [
      ["ชุมแพ", 300],
      ["พล", 100],
      ["เมืองขอนแก่น", 50],
      ["เวียงเก่า", null],
    ]);
  });
});

describe("StaleCache", () => {
  test("fresh within the TTL; after it, the old value is returned while one refresh runs", async () => {
    let now = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    const cache = new StaleCache<number>(1000, () => now);
    const load = async () => {
      const n = ++loads;
      if (n > 1) await new Promise<void>((r) => (release = r));
      return n;
    };
    assert.equal(await cache.get("k", load), 1);
    now = 500;
    assert.equal(await cache.get("k", load), 1);
    assert.equal(loads, 1, "within the TTL nothing is loaded");
    now = 1500;
    assert.equal(await cache.get("k", load), 1, "stale value while revalidating");
    assert.equal(await cache.get("k", load), 1);
    assert.equal(loads, 2, "one refresh in flight, not two");
    release();
    await new Promise((r) => setImmediate(r));
    assert.equal(await cache.get("k", load), 2);
    now = 1600;
    const fresh = cache.get("k", load, true);
    release();
    assert.equal(await fresh, 3, "fresh bypasses the cache");
  });

  test("concurrent first reads share one load, and a failed load is not cached", async () => {
    let loads = 0;
    const cache = new StaleCache<string>(1000);
    const slow = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return "v";
    };
    assert.deepEqual(await Promise.all([cache.get("a", slow), cache.get("a", slow)]), ["v", "v"]);
    assert.equal(loads, 1);
    await assert.rejects(cache.get("b", async () => Promise.reject(new Error("db down"))));
    assert.equal(await cache.get("b", async () => "ok"), "ok");
  });
});
