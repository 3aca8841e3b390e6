import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { Member } from "../../src/models/member.model";
import { Pledge } from "../../src/models/pledge.model";
import { createPledge } from "../../src/services/pledge.service";
import { readYearTally } from "../../src/services/pledge-tally.service";
import { startHarness, type Harness } from "../helpers/harness";
import { certificateNumber, deliverLikeLine, isCertificate, messagesTo } from "./pledge-helpers";

// Once per person, dense numbers, under concurrency. Confirmations arrive as separate
// signed webhooks at the same time; the per-chat lease serialises one user's events
// (two devices share the userId), different users run in parallel.
const clock = new Date("2026-12-09T03:00:00Z"); // fiscal year 2570
const YEAR = 2570;
let h: Harness;
before(async () => {
  h = await startHarness("pledge-concurrency", { now: () => clock });
});
after(async () => h.close());

async function readyToConfirm(users: string[]): Promise<void> {
  await Member.insertMany(
    users.map((lineUserId, i) => ({ lineUserId, village: { districtCode: "4007", tambonCode: "400701", villageNo: 1 + (i % 12) } })),
  );
  await Promise.all(users.map((u) => deliverLikeLine(h, [h.line.events.text(u, "ประกาศเจตนารมณ์")])));
  await h.settle();
}

describe("pledge concurrency", () => {
  test("50 simultaneous confirmations from 50 users give the numbers 1..50, once each", async () => {
    const users = Array.from({ length: 50 }, (_, i) => makeUserId(`many-${i}`));
    await readyToConfirm(users);
    const started = Date.now();
    await Promise.all(users.map((u) => deliverLikeLine(h, [h.line.events.postback(u, "a=pledge.confirm")])));
    await h.settle();
    console.log(`50 confirmations answered in ${Date.now() - started} ms`);

    const numbers = users.map((u) => {
      const certs = messagesTo(h, u).filter(isCertificate);
      assert.equal(certs.length, 1, "one certificate per user");
      return certificateNumber(certs[0]!);
    });
    assert.deepEqual([...numbers].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1));
    const stored = await Pledge.find({ campaignYear: YEAR }).lean();
    assert.equal(stored.length, 50);
    assert.deepEqual(stored.map((p) => p.number).sort((a, b) => a! - b!), Array.from({ length: 50 }, (_, i) => i + 1));
    const tally = await readYearTally(YEAR);
    assert.deepEqual({ seq: tally.seq, total: tally.total, nampong: tally.districts["4007"] }, { seq: 50, total: 50, nampong: 50 });
  });

  test("10 simultaneous confirmations from one user (double taps, two devices, a redelivery) give one pledge and the same certificate", async () => {
    const user = makeUserId("one-user");
    await readyToConfirm([user]);
    const seqBefore = (await readYearTally(YEAR)).seq;
    const taps = Array.from({ length: 10 }, () => h.line.events.postback(user, "a=pledge.confirm"));
    const redelivered = { ...taps[0]!, deliveryContext: { isRedelivery: true } };
    const started = Date.now();
    await Promise.all([...taps.map((ev) => deliverLikeLine(h, [ev])), deliverLikeLine(h, [redelivered])]);
    await h.settle();
    console.log(`10 taps of one user answered in ${Date.now() - started} ms`);

    const member = await Member.findOne({ lineUserId: user }).lean();
    assert.equal(await Pledge.countDocuments({ memberId: member!._id }), 1);
    const certs = messagesTo(h, user).filter(isCertificate);
    assert.equal(certs.length, 10, "each tap is answered once; the redelivery is not answered again");
    const numbers = new Set(certs.map(certificateNumber));
    assert.deepEqual([...numbers], [seqBefore + 1]);
    assert.equal(certs.filter((m) => JSON.stringify(m).includes("ท่านประกาศเจตนารมณ์ในปีงบประมาณนี้แล้ว")).length, 9);
    assert.equal((await readYearTally(YEAR)).seq, seqBefore + 1, "no number was consumed by a duplicate");
  });

  test("without the chat lease (service level) 10 racing requests for one member make one pledge, all shown its number, and no number is issued twice", async () => {
    const member = await Member.create({ lineUserId: makeUserId("race") });
    const seqBefore = (await readYearTally(YEAR)).seq;
    const area = { districtCode: "4008", tambonCode: "400801", villageNo: 4 };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createPledge({ memberId: member._id, campaignYear: YEAR, area, at: new Date(clock.getTime() + i), timeZone: "Asia/Bangkok" }),
      ),
    );
    assert.deepEqual(results.map((r) => r.outcome).sort(), ["created", ...Array(9).fill("existing")]);
    const won = results.find((r) => r.outcome === "created")!.pledge.number;
    assert.deepEqual(new Set(results.map((r) => r.pledge.number)), new Set([won]));
    assert.equal(await Pledge.countDocuments({ memberId: member._id }), 1);
    // Racers past the chat lease may each take a number (the losers' are gaps), never a taken one.
    const seqAfter = (await readYearTally(YEAR)).seq;
    assert.ok(won > seqBefore && won <= seqAfter && seqAfter <= seqBefore + 10, `${seqBefore} < ${won} <= ${seqAfter}`);
    const m = await Member.create({ lineUserId: makeUserId("after-race") });
    assert.equal((await createPledge({ memberId: m._id, campaignYear: YEAR, area, at: clock, timeZone: "Asia/Bangkok" })).pledge.number, seqAfter + 1);
  });

  test("30 members pledging at once at service level (no lease between them) take 30 consecutive numbers, each once, and the counts add up", async () => {
    const area = { districtCode: "4009", tambonCode: "400901", villageNo: 2 };
    const before = await readYearTally(YEAR);
    const members = await Member.insertMany(Array.from({ length: 30 }, (_, i) => ({ lineUserId: makeUserId(`parallel-${i}`) })));
    const results = await Promise.all(members.map((m) => createPledge({ memberId: m._id, campaignYear: YEAR, area, at: clock, timeZone: "Asia/Bangkok" })));
    const numbers = results.map((r) => r.pledge.number).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => before.seq + 1 + i), "dense and unique");
    const after = await readYearTally(YEAR);
    assert.equal(after.total, before.total + 30);
    assert.equal(after.districts["4009"], (before.districts["4009"] ?? 0) + 30);
    // Each certificate's district count is the count right after its own pledge: 30 different values.
    assert.equal(new Set(results.map((r) => r.districtCount)).size, 30);
  });
});
