import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { createLogger } from "../../../../src/logger";
import { Complaint, type ComplaintCategory, type ComplaintStatus } from "../../../../src/models/complaint.model";
import { ComplaintChange } from "../../../../src/models/complaint-change.model";
import { createComplaintListIndex, type ComplaintListIndex } from "../../../../src/services/complaint-index/complaint-list-index";
import { changeStatus, listComplaints, type ComplaintFilter, type OfficerScope } from "../../../../src/services/complaint-query.service";
import { submitComplaint } from "../../../../src/services/complaint.service";
import { complaintsByMonth } from "../../../../src/services/stats.service";
import { findEnd } from "../../../../src/services/complaint-index/change-log";
import { recordComplaintChange } from "../../../../src/services/complaint-index/record-change";
import { startHarness, type Harness } from "../../../helpers/harness";

// The officer's complaint list from memory (issue 7): the same pages as the
// database, changes from any process seen in the next page, and a rebuild that
// repairs what the change log never heard of.
let h: Harness;
const ALL: OfficerScope = { districts: "all", canSeeIdentity: true };
const KK: OfficerScope = { districts: ["4001"], canSeeIdentity: true };
const TWO: OfficerScope = { districts: ["4001", "4005"], canSeeIdentity: false };
const me = { kind: "officer" as const, id: "idx-officer" };
const CATEGORIES: ComplaintCategory[] = ["bribe", "procurement", "public_funds", "abuse_of_power", "other"];
const DISTRICTS = ["4001", "4005", "4010", undefined];
const quiet = createLogger("silent");
let replica: ComplaintListIndex;
const DAY = 86_400_000;
const t0 = Date.parse("2026-08-01T03:00:00Z");

async function file(i: number, opts: { districtCode?: string; who?: string; at: number; category?: ComplaintCategory }): Promise<string> {
  const deps = { ...h.bot.deps, now: () => new Date(opts.at) };
  const { complaint } = await submitComplaint(deps, {
    draftId: randomUUID(), lineUserId: makeUserId(`idx-${i}`), category: opts.category ?? CATEGORIES[i % CATEGORIES.length]!,
    what: `เรื่องทดสอบรายการที่ ${i} มีการเรียกรับเงิน`, who: opts.who, where: opts.districtCode ? { districtCode: opts.districtCode } : {},
    when: { unsure: true }, evidence: [], anonymous: true,
  });
  return String(complaint._id);
}

const wf = () => ({ outbox: h.bot.deps.outbox, sealer: h.bot.deps.sealer, config: h.bot.deps.config, now: () => new Date() });
const move = (id: string, to: ComplaintStatus) => changeStatus(wf(), ALL, me, { complaintId: id, to, note: "ตรวจสอบ" });

before(async () => {
  h = await startHarness("complaint-list-index");
  // 40 cases over 65 days: five categories, three districts and none, two at the
  // province (they name the district office), several submitted in the same second.
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const at = t0 + Math.floor(i / 3) * 5 * DAY;
    ids.push(await file(i, { districtCode: DISTRICTS[i % DISTRICTS.length], who: i % 17 === 5 ? "นายอำเภอ" : undefined, at }));
  }
  for (const [k, id] of ids.entries()) {
    if (k % 3 === 0) await move(id, "under_review");
    if (k % 6 === 0) await move(id, "dismissed");
  }
  replica = createComplaintListIndex({ logger: quiet });
  await replica.rebuild();
});
after(async () => {
  replica.stop();
  await h.close();
});

describe("pages from memory", () => {
  test("every scope, filter and page gives what the database gives", async () => {
    const filters: ComplaintFilter[] = [
      {}, { status: "received" }, { status: ["under_review", "dismissed"] }, { category: "bribe" }, { districtCodes: ["4005"] },
      { level: "province" }, { from: new Date(t0 + 15 * DAY), to: new Date(t0 + 45 * DAY) }, { from: new Date(t0 + 60 * DAY) },
      { districtCodes: ["4001", "4010"], category: "procurement", status: "received" }, { awaitingReporter: false },
    ];
    let compared = 0;
    for (const scope of [ALL, KK, TWO]) {
      for (const f of filters) {
        for (const [page, pageSize] of [[1, 20], [2, 7], [3, 5]] as const) {
          const fromDb = await listComplaints(scope, f, { page, pageSize });
          const fromMemory = await replica.list(scope, f, (page - 1) * pageSize, pageSize);
          assert.ok(fromMemory, "the index is built");
          assert.deepEqual({ ...fromMemory, page, pageSize }, fromDb, `${JSON.stringify(scope.districts)} ${JSON.stringify(f)} page ${page}`);
          compared += fromDb.items.length;
        }
      }
    }
    assert.ok(compared > 300, `compared ${compared} rows`);
  });

  test("complaints by month, category and status: the same counts as the database's $group", async () => {
    for (const scope of [{}, { districts: ["4001"] }, { districts: ["4005", "4010"] }]) {
      const fromDb = await complaintsByMonth(scope, { fresh: true });
      const fromMemory = await complaintsByMonth(scope, { fresh: true, index: replica, timeZone: h.config.timezone });
      assert.deepEqual(fromMemory, fromDb, JSON.stringify(scope));
      assert.ok(fromDb.length >= 2, "the cases span two months or more");
    }
  });

  test("a tracking code finds its case; a malformed one finds nothing", async () => {
    const one = await Complaint.findOne({}).lean();
    const hit = await replica.list(ALL, { code: one!.trackingCode.toLowerCase().replace(/-/g, "") }, 0, 20);
    assert.deepEqual(hit?.items.map((i) => i.id), [String(one!._id)]);
    assert.equal((await replica.list(ALL, { code: '{"$gt":""}' }, 0, 20))?.total, 0);
  });
});

describe("reporter lookups", () => {
  test("a tracking code and a reporter's own cases are found in memory, and agree with the database", async () => {
    const one = await Complaint.findOne({}).lean();
    assert.equal(await replica.idOfCode(one!.trackingCode), String(one!._id));
    assert.equal(await replica.idOfCode("KK-222-333-444"), null);
    const idx = one!.reporterIndex!;
    const fromDb = (await Complaint.find({ reporterIndex: idx }).sort({ submittedAt: -1, _id: -1 }).lean()).map((c) => String(c._id));
    assert.deepEqual(await replica.idsOfReporter(idx, 10), fromDb);
    assert.ok(fromDb.length >= 1);
  });
});

describe("changes", () => {
  test("a case filed and moved through another process shows in the next page of this one", async () => {
    const id = await file(100, { districtCode: "4001", at: Date.now() });
    const first = await replica.list(KK, {}, 0, 1);
    assert.equal(first?.items[0]?.id, id, "newest first");
    assert.equal(first?.items[0]?.status, "received");
    await move(id, "under_review");
    const moved = await replica.list(KK, { status: "under_review" }, 0, 100);
    assert.ok(moved?.items.some((i) => i.id === id));
    assert.ok(!(await replica.list(KK, { status: "received" }, 0, 100))?.items.some((i) => i.id === id));
    // The runtime's own index sees it too, through the dashboard's service call.
    const page = await listComplaints(KK, { status: "under_review" }, { pageSize: 100 }, h.bot.deps.complaintIndex);
    assert.ok(page.items.some((i) => i.id === id));
  });

  test("a write the log never heard of shows after the periodic rebuild, not before", async () => {
    const victim = (await replica.list(ALL, { status: "received" }, 0, 1))!.items[0]!;
    // As if a process died between its write and its change row.
    await Complaint.updateOne({ _id: victim.id }, { $set: { status: "resolved" } });
    const before = await replica.list(ALL, { status: "resolved" }, 0, 100);
    assert.ok(!before?.items.some((i) => i.id === victim.id), "memory, not the database, answered");
    await replica.rebuild();
    const after = await replica.list(ALL, { status: "resolved" }, 0, 100);
    assert.ok(after?.items.some((i) => i.id === victim.id));
    const fromDb = await listComplaints(ALL, { status: "resolved" }, { pageSize: 100 });
    assert.deepEqual({ ...after, page: 1, pageSize: 100 }, fromDb);
  });

  test("change rows have no gaps, under concurrent writers and another process's rows", async () => {
    const ids = (await Complaint.find({}, { _id: 1 }).limit(30).lean()).map((c) => c._id);
    const end = await findEnd(0);
    // "Another process" takes the next two positions first.
    await ComplaintChange.collection.insertMany([{ _id: end, ids: [ids[0]], at: new Date() }, { _id: end + 1, ids: [ids[1]], at: new Date() }] as never[]);
    await Promise.all(ids.map((id) => recordComplaintChange(id)));
    const newEnd = await findEnd(0);
    const rows = await ComplaintChange.find({ _id: { $gte: 1, $lt: newEnd } }).lean();
    assert.equal(rows.length, newEnd - 1, "rows 1 … end − 1 all exist");
    const logged = new Set(rows.filter((r) => Number(r._id) >= end + 2).flatMap((r) => (r as unknown as { ids: unknown[] }).ids.map(String)));
    for (const id of ids) assert.ok(logged.has(String(id)), `change of ${String(id)} logged`);
    assert.ok(newEnd - (end + 2) < ids.length, "concurrent changes share rows");
    // And the replica reads past the other process's rows into ours.
    assert.ok(await replica.list(ALL, {}, 0, 1));
  });

  test("after a database reset the list answers from the database until it is rebuilt", async () => {
    await Complaint.deleteMany({});
    await ComplaintChange.deleteMany({});
    const id = await file(200, { districtCode: "4005", at: Date.now() });
    assert.equal(await replica.list(ALL, {}, 0, 20), undefined, "a new epoch: not answered from the old memory");
    await replica.rebuild();
    const page = await replica.list(ALL, {}, 0, 20);
    assert.deepEqual(page?.items.map((i) => i.id), [id]);
  });
});
