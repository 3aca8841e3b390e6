import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { Member } from "../../src/models/member.model";
import { Pledge } from "../../src/models/pledge.model";
import { PledgeCounter } from "../../src/models/pledge-counter.model";
import { PledgeNumber, pledgeNumberId } from "../../src/models/pledge-number.model";
import { createPledge } from "../../src/services/pledge.service";
import { adjustPledgeTallies, readYearTally } from "../../src/services/pledge-tally.service";
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

  test("without the chat lease (service level) 10 racing requests for one member still make one pledge and take one number", async () => {
    const member = await Member.create({ lineUserId: makeUserId("race") });
    // The issued numbers are the authority; the tally is written behind them in this process.
    const seqBefore = await PledgeNumber.countDocuments({ campaignYear: YEAR });
    const area = { districtCode: "4008", tambonCode: "400801", villageNo: 4 };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createPledge({ memberId: member._id, campaignYear: YEAR, area, at: new Date(clock.getTime() + i), timeZone: "Asia/Bangkok" }),
      ),
    );
    assert.deepEqual(results.map((r) => r.outcome).sort(), ["created", ...Array(9).fill("existing")]);
    // One number for all ten. Which candidate wins depends on which insert lands
    // first; the losers' candidates go back to the pool (checked below).
    const won = results[0]!.pledge.number;
    assert.deepEqual(new Set(results.map((r) => r.pledge.number)), new Set([won]));
    assert.ok(won > seqBefore && won <= seqBefore + 10, `the number ${won} is one of the candidates tried`);
    assert.equal(await Pledge.countDocuments({ memberId: member._id }), 1);
    assert.equal(await PledgeNumber.countDocuments({ campaignYear: YEAR }), seqBefore + 1, "one number document per pledge");
    let counter = await PledgeCounter.findById(String(YEAR)).lean();
    for (let i = 0; i < 40 && counter!.seq !== won; i++) {
      await new Promise((r) => setTimeout(r, 50));
      counter = await PledgeCounter.findById(String(YEAR)).lean();
    }
    assert.equal(counter!.seq, won);
    // The nine candidates the losers tried went back to the pool: the next pledges continue without a gap.
    const more = won - seqBefore + 1; // enough to fill every number below the winner's, and one past it
    const next: number[] = [];
    for (let i = 0; i < more; i++) {
      const m = await Member.create({ lineUserId: makeUserId(`after-race-${i}`) });
      next.push((await createPledge({ memberId: m._id, campaignYear: YEAR, area, at: clock, timeZone: "Asia/Bangkok" })).pledge.number);
    }
    assert.deepEqual([won, ...next].sort((a, b) => a - b), Array.from({ length: more + 1 }, (_, i) => seqBefore + 1 + i), "dense: no number skipped");
  });

  test("numbers another replica takes meanwhile are skipped, and the sequence stays dense", async () => {
    const area = { districtCode: "4009", tambonCode: "400901", villageNo: 2 };
    const pledge = async (name: string) => {
      const m = await Member.create({ lineUserId: makeUserId(name) });
      return (await createPledge({ memberId: m._id, campaignYear: YEAR, area, at: clock, timeZone: "Asia/Bangkok" })).pledge.number;
    };
    const first = await pledge("replica-a1");
    // "Another replica" takes the next two numbers and raises the year's seq, as its createPledge would.
    const other = (n: number) => PledgeNumber.create({ _id: pledgeNumberId(YEAR, n), campaignYear: YEAR, number: n, pledgeId: `elsewhere-${n}` });
    await other(first + 1);
    await other(first + 2);
    await adjustPledgeTallies(YEAR, area, 1, first + 2);
    const second = await pledge("replica-a2");
    assert.equal(second, first + 3, "this process's pool learns the other replica's numbers from the collision");
    // One that died before raising the seq: the collision alone moves the pool past it.
    await other(second + 1);
    assert.equal(await pledge("replica-a3"), second + 2);
    const all = (await PledgeNumber.find({ campaignYear: YEAR }, { number: 1 }).lean()).map((d) => d.number).sort((a, b) => a - b);
    assert.deepEqual(all, Array.from({ length: all.length }, (_, i) => i + 1), "dense across both replicas");
  });
});
