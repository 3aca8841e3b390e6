import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Types } from "mongoose";
import { listDistricts } from "../../src/content/areas/areas";
import { Complaint } from "../../src/models/complaint.model";
import { Meeting } from "../../src/models/meeting.model";
import { MeetingReport } from "../../src/models/meeting-report.model";
import { Member } from "../../src/models/member.model";
import { Pledge } from "../../src/models/pledge.model";
import { campaignYearRange } from "../../src/services/pledge.service";
import { NO_DISTRICT } from "../../src/services/transparency/transparency-figures";
import { responseTimeStats } from "../../src/services/case-clock/response-stats";
import type { PublicCount } from "../../src/services/transparency/small-counts";
import type { PublicTransparency } from "../../src/services/transparency/transparency.service";
import { startHarness, type Harness } from "../helpers/harness";
import { baseUrlOf } from "./dashboard-client";

// The public transparency page and its open data (issue 23): every figure is recounted
// here straight from the collections and must agree with what is published (exactly,
// or within what the small-count rule says); seeded personal data never appears; and
// figures are built at most once a minute, not per request.
const TZ = "Asia/Bangkok";
let clock = new Date("2027-08-20T05:00:00Z"); // campaign (fiscal) year 2570, quarter 4
let h: Harness;
let base: string;
const { start, end } = campaignYearRange(2570, 10, TZ);
const QS = [new Date("2026-09-30T17:00:00Z"), new Date("2026-12-31T17:00:00Z"), new Date("2027-03-31T17:00:00Z"), new Date("2027-06-30T17:00:00Z"), end];

const PII = { names: ["สมศักดิ์ รักษ์สัตย์", "ประนอม ใจซื่อ"], phones: ["0812345678", "0923456789"], lineIds: ["U0123456789abcdef0123456789abcdef", "Ufedcba9876543210fedcba9876543210"], text: "นายอำเภอเรียกเงินค่าน้ำชาห้าพันบาทที่หลังที่ว่าการ" };

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

async function seed(): Promise<void> {
  const r = rng(7);
  const districts = listDistricts().map((d) => d.code);
  const members = PII.lineIds.map((id, i) => ({ _id: new Types.ObjectId(), lineUserId: id, displayName: PII.names[i], followState: "following" }));
  await Member.collection.insertMany(members as never[]);
  const pledges = [];
  for (const [k, d] of districts.entries()) {
    const n = k % 5 === 0 ? 0 : k % 3 === 0 ? 1 + (k % 4) : 5 + k * 3;
    for (let i = 0; i < n; i++) pledges.push({ _id: `2570:m:${d}-${i}`, campaignYear: 2570, memberId: members[i % 2]!._id, districtCode: d, tambonCode: `${d}01`, villageNo: 1 + (i % 9), status: i === 0 && n > 6 ? "withdrawn" : "active", source: "line", monthKey: "2570-01" });
  }
  pledges.push({ _id: "2569:m:old", campaignYear: 2569, districtCode: "4001", tambonCode: "400101", villageNo: 1, status: "active", source: "line", monthKey: "2569-05" });
  await Pledge.collection.insertMany(pledges as never[]);

  const withPledge = new Types.ObjectId();
  const without = new Types.ObjectId();
  await Meeting.collection.insertMany([
    { _id: withPledge, scope: "village", title: "ประชุมประจำเดือน", districtCode: "4001", place: "ศาลากลางบ้าน", agenda: ['กิจกรรมประกาศเจตนารมณ์ "ไม่รับ ไม่ให้" (No Gift Policy)'], state: "active" },
    { _id: without, scope: "village", title: "ประชุมเรื่องน้ำ", districtCode: "4002", place: "วัด", agenda: ["เรื่องน้ำประปา"], state: "active" },
  ] as never[]);
  const reports = [];
  for (let i = 0; i < 40; i++) {
    const d = districts[Math.floor(r() * 6)]!;
    const at = new Date(start.getTime() + Math.floor(r() * 300) * 86_400_000);
    reports.push({ reportKey: `k${i}`, meetingId: i % 4 === 0 ? without : withPledge, occurrenceStart: at, districtCode: d, tambonCode: `${d}01`, villageNo: 1 + (i % 7), attendedCount: 10 + Math.floor(r() * 60), pledgedCount: Math.floor(r() * 40), reportedBy: PII.names[0], reporterRole: "headman", reportedAt: at, monthKey: "2570-02" });
  }
  await MeetingReport.collection.insertMany(reports as never[]);

  const categories = ["bribe", "procurement", "public_funds", "abuse_of_power", "conflict_of_interest", "other"];
  const complaints = [];
  for (let i = 0; i < 260; i++) {
    const d = r() < 0.05 ? undefined : districts[Math.floor(r() * r() * 26)]!;
    const submittedAt = new Date(start.getTime() - 20 * 86_400_000 + Math.floor(r() * 330) * 86_400_000);
    const closed = r() < 0.5;
    const status = closed ? (r() < 0.7 ? "resolved" : "dismissed") : "under_review";
    const closedAt = new Date(submittedAt.getTime() + Math.floor(r() * 60) * 86_400_000);
    complaints.push({
      draftId: `d${i}`,
      trackingCode: `KK-T${String(i).padStart(3, "0")}-AAAA`,
      category: categories[Math.floor(r() * r() * 6)],
      what: `${PII.text} ${PII.names[i % 2]} โทร ${PII.phones[i % 2]}`,
      who: PII.names[(i + 1) % 2],
      where: d ? { districtCode: d, tambonCode: `${d}01` } : {},
      anonymous: i % 3 === 0,
      reporterSealed: `sealed-${PII.lineIds[i % 2]}`,
      routedTo: d ? { level: "district", districtCode: d } : { level: "province" },
      status,
      statusHistory: [{ status: "received", at: submittedAt, note: PII.names[0] }, ...(closed ? [{ status, at: closedAt, note: `โทร ${PII.phones[0]}` }] : [])],
      dayKey: submittedAt.toISOString().slice(0, 10),
      submittedAt,
    });
  }
  await Complaint.collection.insertMany(complaints as never[]);
}

/** The truth must be consistent with the published count. */
function agrees(c: PublicCount, truth: number, what: string): void {
  if (c.kind === "exact") assert.equal(c.value, truth, what);
  else if (c.kind === "small") assert.ok(truth >= 1 && truth <= 4, `${what}: <5 but ${truth}`);
  else if (c.kind === "hidden") assert.ok(truth >= 5, `${what}: hidden but ${truth}`);
  else assert.ok(truth >= c.min && (c.max === null || truth <= c.max), `${what}: ${truth} outside ${c.min}–${c.max}`);
}

async function getJson(): Promise<PublicTransparency> {
  const res = await fetch(`${base}/api/public/transparency`);
  assert.equal(res.status, 200);
  return (await res.json()) as PublicTransparency;
}

before(async () => {
  h = await startHarness("transparency", { now: () => clock });
  base = baseUrlOf(h.webhookUrl);
  await seed();
});
after(async () => h.close());

describe("public transparency", () => {
  test("every published figure agrees with a direct recount from the collections", async () => {
    const t = await getJson();
    assert.equal(t.campaignYear, 2570);
    for (const row of t.pledges.rows) {
      const line = await Pledge.countDocuments({ campaignYear: 2570, status: "active", districtCode: row.districtCode });
      agrees(row.line, line, `LINE pledges ${row.districtCode}`);
    }
    const allLine = await Pledge.countDocuments({ campaignYear: 2570, status: "active" });
    agrees(t.pledges.totals.line, allLine, "LINE pledges, province");
    const meetingIds = (await Meeting.find({ agenda: { $elemMatch: { $regex: "ไม่รับ ไม่ให้" } } }, { _id: 1 }).lean()).map((m) => m._id);
    for (const row of t.meetings.rows) {
      const rs = await MeetingReport.find({ districtCode: row.districtCode, meetingId: { $in: meetingIds }, occurrenceStart: { $gte: start, $lt: end } }).lean();
      agrees(row.held, rs.length, `meetings held ${row.districtCode}`);
      agrees(row.attended, rs.reduce((s, x) => s + x.attendedCount, 0), `attended ${row.districtCode}`);
      const p = t.pledges.rows.find((x) => x.districtCode === row.districtCode)!;
      agrees(p.meetings, rs.reduce((s, x) => s + x.pledgedCount, 0), `meeting pledges ${row.districtCode}`);
    }
    for (const row of t.complaints.byDistrict) {
      const where = row.districtCode === NO_DISTRICT ? { "where.districtCode": { $exists: false } } : { "where.districtCode": row.districtCode };
      for (let q = 0; q < 4; q++) {
        const received = await Complaint.countDocuments({ ...where, submittedAt: { $gte: QS[q], $lt: QS[q + 1] } });
        agrees(row.received[q]!, received, `received ${row.districtCode} Q${q + 1}`);
        const closed = (await Complaint.find({ ...where, status: { $in: ["resolved", "dismissed"] } }).lean()).filter((c) => {
          const at = c.statusHistory.at(-1)!.at;
          return at >= QS[q]! && at < QS[q + 1]!;
        }).length;
        agrees(row.closed[q]!, closed, `closed ${row.districtCode} Q${q + 1}`);
      }
      agrees(row.receivedTotal, await Complaint.countDocuments({ ...where, submittedAt: { $gte: start, $lt: end } }), `received ${row.districtCode}`);
    }
    for (const row of t.complaints.byCategory)
      for (let q = 0; q < 4; q++) agrees(row.received[q]!, await Complaint.countDocuments({ category: row.category, submittedAt: { $gte: QS[q], $lt: QS[q + 1] } }), `received ${row.category} Q${q + 1}`);
    agrees(t.complaints.totals.receivedTotal, await Complaint.countDocuments({ submittedAt: { $gte: start, $lt: end } }), "received, province");
    const kinds = new Set([...t.complaints.byDistrict.flatMap((r) => r.received), ...t.pledges.rows.map((r) => r.line)].map((c) => c.kind));
    assert.ok(kinds.has("small") && kinds.has("exact"), "the seed exercises both exact and <5 cells");
  });

  test("no seeded name, phone number, LINE id or complaint text appears in the page, the JSON or the CSV", async () => {
    const outputs = await Promise.all(["/transparency", "/api/public/transparency", "/api/public/transparency.csv"].map(async (p) => [p, await (await fetch(`${base}${p}`)).text()] as const));
    for (const [path, body] of outputs) {
      for (const secret of [...PII.names, ...PII.phones, ...PII.lineIds, PII.text, "KK-T0", "sealed-"]) assert.ok(!body.includes(secret), `${path} contains ${secret}`);
    }
  });

  test("the page is public, Thai, explains the rule and links the open data under a licence", async () => {
    const res = await fetch(`${base}/transparency`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("set-cookie"), null, "no session for the public");
    assert.match(res.headers.get("cache-control") ?? "", /public, max-age=60/);
    assert.match(res.headers.get("content-security-policy") ?? "", /script-src 'self'(;|$)/);
    const page = await res.text();
    assert.match(page, /<html lang="th">/);
    assert.match(page, /ปีงบประมาณ พ\.ศ\. 2570/);
    assert.match(page, /&lt;5/);
    assert.match(page, /CC BY 4\.0/);
    assert.match(page, /href="\/api\/public\/transparency\.csv"/);
    const bytes = Buffer.from(await (await fetch(`${base}/api/public/transparency.csv`)).arrayBuffer());
    const csv = bytes.toString("utf8");
    assert.ok(csv.startsWith("\uFEFFcampaign_year,table,"), "CSV with BOM and header");
    assert.match(csv, /2570,complaints_by_district,4001,/);
  });

  test("response times are the case clock's figures for this year, without case counts", async () => {
    const t = await getJson();
    const rows = (await responseTimeStats(h.bot.deps, { from: start, to: clock }, clock)).filter((r) => r.fiscalYear === 2570);
    assert.ok(rows.length > 10, "the seed gives response-time groups");
    assert.deepEqual(
      t.responseTimes.map((r) => [r.area, r.quarter, r.medianDaysToFirstResponse, r.medianDaysToClose]),
      rows.map((r) => [r.area, r.quarter, r.medianDaysToFirstResponse, r.medianDaysToClose]),
    );
    assert.ok(t.responseTimes.every((r) => !("cases" in r)), "no case counts beside the district table");
    assert.ok(t.responseTimes.some((r) => r.medianDaysToFirstResponse === null), "small groups are withheld");
  });

  test("figures are built at most once a minute: a new pledge shows only after the minute", async () => {
    const first = await getJson();
    await Pledge.collection.insertOne({ _id: "2570:m:late", campaignYear: 2570, districtCode: "4029", tambonCode: "402901", villageNo: 1, status: "active", source: "line", monthKey: "2570-11" } as never);
    clock = new Date(clock.getTime() + 30_000);
    const again = await getJson();
    assert.equal(again.generatedAt, first.generatedAt, "served from the last build within the minute");
    clock = new Date(clock.getTime() + 31_000);
    await getJson(); // stale answer; the rebuild starts in the background
    let rebuilt: PublicTransparency | undefined;
    for (let i = 0; i < 50 && !rebuilt; i++) {
      const t = await getJson();
      if (t.generatedAt !== first.generatedAt) rebuilt = t;
      else await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(rebuilt, "rebuilt after the minute");
    assert.equal(rebuilt.generatedAt, clock.toISOString());
  });
});
