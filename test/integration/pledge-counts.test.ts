import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Types } from "mongoose";
import { makeUserId } from "../../src/dev/line-emulator";
import { Member } from "../../src/models/member.model";
import { MeetingReport } from "../../src/models/meeting-report.model";
import { PledgeCounter } from "../../src/models/pledge-counter.model";
import { createPledge, withdrawPledge, type PledgeArea } from "../../src/services/pledge.service";
import {
  clearPledgeStatsCache,
  districtRanking,
  pledgeCountsByArea,
  pledgeCountsByDistrict,
  pledgeTotals,
} from "../../src/services/pledge-stats.service";
import { aggregatePledgeCounts, readDistrictTally, readYearTally, rebuildPledgeTallies } from "../../src/services/pledge-tally.service";
import { startHarness, type Harness } from "../helpers/harness";
import { assertValidForLine, flexText, say } from "./pledge-helpers";

// Counts by district, tambon and village: individual LINE pledges from the running
// counters, meeting-reported pledges (MeetingReport) beside them, members for the
// rate per 1,000. Cross-checked against a $group over the pledges themselves.
const clock = new Date("2027-01-15T03:00:00Z"); // fiscal year 2570
const YEAR = 2570;
const TZ = "Asia/Bangkok";
let h: Harness;
before(async () => {
  h = await startHarness("pledge-counts", { now: () => clock });
  clearPledgeStatsCache();
});
after(async () => h.close());

const CHUMPHAE_1: PledgeArea = { districtCode: "4005", tambonCode: "400501", villageNo: 1 };
const CHUMPHAE_2: PledgeArea = { districtCode: "4005", tambonCode: "400501", villageNo: 2 };
const NONGPHAI_7: PledgeArea = { districtCode: "4005", tambonCode: "400506", villageNo: 7 };
const MUANG_3: PledgeArea = { districtCode: "4001", tambonCode: "400101", villageNo: 3 };

const memberIds: Record<string, Types.ObjectId[]> = {};

async function pledgeMany(label: string, area: PledgeArea, n: number, year = YEAR): Promise<void> {
  for (let i = 0; i < n; i++) {
    const m = await Member.create({ lineUserId: makeUserId(`${label}-${i}`), village: area });
    (memberIds[label] ??= []).push(m._id);
    await createPledge({ memberId: m._id, campaignYear: year, area, at: clock, timeZone: TZ });
  }
}

let reportNo = 0;
async function report(area: PledgeArea, pledged: number, attended: number, monthKey: string): Promise<void> {
  reportNo += 1;
  await MeetingReport.create({
    reportKey: `test|${reportNo}`,
    meetingId: new Types.ObjectId(),
    occurrenceStart: clock,
    ...area,
    pledgedCount: pledged,
    attendedCount: attended,
    reportedBy: "headman-test",
    reporterRole: "headman",
    reportedAt: clock,
    monthKey,
  });
}

async function assertTalliesMatchPledges(): Promise<void> {
  const exact = await aggregatePledgeCounts(YEAR);
  const year = await readYearTally(YEAR);
  const byDistrict: Record<string, number> = {};
  for (const r of exact) byDistrict[r.districtCode] = (byDistrict[r.districtCode] ?? 0) + r.count;
  assert.equal(year.total, exact.reduce((s, r) => s + r.count, 0));
  for (const [code, n] of Object.entries(byDistrict)) assert.equal(year.districts[code], n, `district ${code}`);
  for (const r of exact) {
    const d = await readDistrictTally(YEAR, r.districtCode);
    assert.equal(d.villages[`${r.tambonCode}_${r.villageNo}`], r.count, `village ${r.tambonCode}/${r.villageNo}`);
  }
}

describe("pledge counts", () => {
  before(async () => {
    await pledgeMany("cp1", CHUMPHAE_1, 3);
    await pledgeMany("cp2", CHUMPHAE_2, 1);
    await pledgeMany("np7", NONGPHAI_7, 2);
    await pledgeMany("mu3", MUANG_3, 1);
    await pledgeMany("old", MUANG_3, 2, YEAR - 1); // last fiscal year: never in this year's counts
    await Member.insertMany([
      ...Array.from({ length: 14 }, (_, i) => ({ lineUserId: makeUserId(`cp-member-${i}`), village: CHUMPHAE_2 })),
      ...Array.from({ length: 6 }, (_, i) => ({ lineUserId: makeUserId(`mu-member-${i}`), village: MUANG_3 })),
      ...Array.from({ length: 5 }, (_, i) => ({ lineUserId: makeUserId(`mu-gone-${i}`), village: MUANG_3, followed: false })),
    ]);
    await report(CHUMPHAE_1, 40, 50, "2569-11");
    await report(CHUMPHAE_1, 10, 12, "2570-02");
    await report(MUANG_3, 25, 30, "2570-09");
    await report(MUANG_3, 99, 99, "2569-09"); // September 2569 belongs to fiscal year 2569
  });

  test("by district: all 26 in Thai order, LINE and meeting pledges apart, members and the rate per 1,000", async () => {
    const rows = await pledgeCountsByDistrict(YEAR, { fresh: true });
    assert.equal(rows.length, 26);
    assert.equal(rows[0]!.nameTh, "กระนวน");
    const chumphae = rows.find((r) => r.districtCode === "4005")!;
    assert.deepEqual(
      [chumphae.linePledges, chumphae.meetingPledged, chumphae.meetingAttended, chumphae.meetingReports, chumphae.members, chumphae.perThousandMembers],
      [6, 50, 62, 2, 20, 300],
    );
    const muang = rows.find((r) => r.districtCode === "4001")!;
    assert.deepEqual([muang.linePledges, muang.meetingPledged, muang.members, muang.perThousandMembers], [1, 25, 9, null], "3 pledgers + 6 followed; under 10 members gives no rate");
    assert.equal(rows.filter((r) => r.linePledges > 0).length, 2);
  });

  test("by tambon and by village, and the province totals", async () => {
    const tambons = await pledgeCountsByArea(YEAR, { districtCode: "4005" }, { fresh: true });
    assert.equal(tambons.length, 12);
    const t1 = tambons.find((t) => t.tambonCode === "400501")!;
    const t6 = tambons.find((t) => t.tambonCode === "400506")!;
    assert.deepEqual([t1.linePledges, t1.meetingPledged, t6.linePledges, t6.meetingPledged], [4, 50, 2, 0]);
    const villages = await pledgeCountsByArea(YEAR, { tambonCode: "400501" }, { fresh: true });
    assert.deepEqual(
      villages.map((v) => [v.villageNo, v.nameTh, v.linePledges, v.meetingPledged, v.meetingAttended]),
      [
        [1, "หมู่ที่ 1", 3, 50, 62],
        [2, "หมู่ที่ 2", 1, 0, 0],
      ],
    );
    const totals = await pledgeTotals(YEAR, { fresh: true });
    assert.deepEqual([totals.linePledges, totals.meetingPledged, totals.meetingReports, totals.numbersIssued], [7, 75, 3, 7]);
    await assertTalliesMatchPledges();
  });

  test("a withdrawal lowers every level; rebuildPledgeTallies repairs a damaged counter", async () => {
    await withdrawPledge(memberIds.np7![0]!, YEAR, clock);
    await assertTalliesMatchPledges();
    const t6 = (await pledgeCountsByArea(YEAR, { districtCode: "4005" })).find((t) => t.tambonCode === "400506")!;
    assert.equal(t6.linePledges, 1);
    await PledgeCounter.updateOne({ _id: String(YEAR) }, { $set: { "districts.d4005": 999, total: 999 } });
    assert.equal((await readYearTally(YEAR)).districts["4005"], 999);
    const rebuilt = await rebuildPledgeTallies(YEAR, clock);
    assert.deepEqual([rebuilt.total, rebuilt.districts["4005"], rebuilt.seq], [6, 5, 7]);
    await assertTalliesMatchPledges();
  });

  test("rankings by count and per 1,000 members", async () => {
    const byCount = await districtRanking(YEAR, "count", { fresh: true });
    assert.deepEqual(byCount.slice(0, 2).map((r) => [r.rank, r.nameTh, r.linePledges]), [
      [1, "ชุมแพ", 5],
      [2, "เมืองขอนแก่น", 1],
    ]);
    await Member.insertMany(Array.from({ length: 3 }, (_, i) => ({ lineUserId: makeUserId(`mu-more-${i}`), village: MUANG_3 })));
    const byRate = await districtRanking(YEAR, "perThousand", { fresh: true });
    assert.deepEqual(byRate.slice(0, 2).map((r) => [r.nameTh, r.perThousandMembers]), [
      ["ชุมแพ", 250],
      ["เมืองขอนแก่น", 83.3],
    ]);
  });

  test("ยอดผู้ประกาศเจตนารมณ์ in chat: totals, the reader's district and the ranking, valid for LINE", async () => {
    const user = makeUserId("mu-member-0");
    const [progress] = await say(h, user, "ยอดผู้ประกาศเจตนารมณ์");
    assertValidForLine([progress!]);
    const json = flexText(progress!);
    assert.match(progress!.altText!, /ผ่าน LINE 6 คน ในที่ประชุมหมู่บ้าน 75 คน อำเภอเมืองขอนแก่น 1 คน/);
    assert.match(json, /อำเภอของท่าน: เมืองขอนแก่น/);
    assert.match(json, /ร่วมประกาศเจตนารมณ์/, "a member without a pledge is invited");
    const [rate] = await h.line.sendWebhook([h.line.events.postback(user, "a=pledge.stats&by=rate")]).then(() => h.settle()).then(() => h.line.messagesTo(user).slice(-1));
    assert.match(JSON.stringify(rate), /ในทุก 1,000 คนที่ใช้สุจริต/);
  });
});
