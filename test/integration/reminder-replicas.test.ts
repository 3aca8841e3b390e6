import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import type { messagingApi } from "@line/bot-sdk";
import { OutboxMessage, recipientsOf } from "../../src/models/outbox-message.model";
import { Reminder } from "../../src/models/reminder.model";
import { startRuntime, type Runtime } from "../../src/runtime";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, dispatch, multicastCounts, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// Exactly once under replicas, crashes and LINE errors. Every assertion is made at
// the LINE emulator: what LINE accepted, per recipient.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
let second: Runtime;
before(async () => {
  h = await startHarness("reminder-replicas", { now: clock.now, background: false });
  // A second app process on the same database (same mongoose connection, own outbox and owner).
  second = await startRuntime(h.config, { now: clock.now, background: false, pollMs: 100, outboxBaseDelayMs: 20 });
});
after(async () => {
  await second.stop();
  await h.close();
});

beforeEach(async () => {
  h.line.reset();
  for (const c of ["members", "meetings", "reminders", "outboxmessages"]) await mongoose.connection.collection(c).deleteMany({});
  clock.set(bkk("2026-12-01T10:00:00"));
});

const multicasts = () => h.line.requests.filter((q) => q.endpoint === "multicast");

function assertEachOnce(expected: string[], times = 1): void {
  const counts = multicastCounts(h);
  const wrong = expected.filter((u) => counts.get(u) !== times);
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} recipients did not get exactly ${times} message(s)`);
  assert.equal(counts.size, expected.length, "nobody else was messaged");
}

describe("exactly once", () => {
  test("two app processes ticking together on one database send each reminder once (3 offsets, 3 villages, 1,100 residents in one)", async () => {
    const v7 = { ...IN_MUEANG_5, villageNo: 7 };
    const v8 = { ...IN_MUEANG_5, villageNo: 8 };
    const people = [
      ...(await seedMembers("big", 1100, IN_MUEANG_5)),
      ...(await seedMembers("mid", 300, v7)),
      ...(await seedMembers("small", 40, v8)),
      ...(await seedMembers("h5", 1, IN_MUEANG_5, { role: "headman" })),
      ...(await seedMembers("h7", 1, v7, { role: "headman" })),
    ];
    // Villages 5 and 7 share time, place and agenda (one batch); village 8 meets elsewhere.
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    await createTestMeeting(h, villageMeeting(v7, "monthly:5@09:00"), clock.now());
    await createTestMeeting(h, villageMeeting(v8, "monthly:5@09:00", { place: "วัดบ้านค้อ" }), clock.now());
    let round = 0;
    for (const due of [bkk("2026-12-02T08:00:00"), bkk("2026-12-04T08:00:00"), bkk("2026-12-05T07:00:00")]) {
      round += 1;
      const [a, b] = await Promise.all([dispatch(h.bot, "replica-a", due), dispatch(second, "replica-b", due)]);
      assert.equal(a.quotaExhausted || b.quotaExhausted, false);
      assertEachOnce(people, round);
    }
    assert.equal(await Reminder.countDocuments({ state: "sent" }), 9);
    const rejected = multicasts().filter((q) => q.status !== 200 && q.status !== 409);
    assert.deepEqual(rejected.map((q) => q.status), [], "no invalid or rate-limited multicast");
    for (const q of multicasts()) assert.ok((q.body as { to: string[] }).to.length <= 500);
  });

  test("a process stopped mid-dispatch, one of whose requests LINE accepted unrecorded, is resumed by another without duplicates", async () => {
    const residents = await seedMembers("crash", 2600, IN_MUEANG_5);
    const headman = await seedMembers("crash-h", 1, IN_MUEANG_5, { role: "headman" });
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    h.line.setFaults({ latencyMs: 40, endpoints: ["multicast"] });
    const abort = new AbortController();
    const watcher = setInterval(() => multicasts().filter((q) => q.status === 200).length >= 2 && abort.abort(), 5);
    clock.set(bkk("2026-12-02T08:00:00")); // the outbox's leases run on the same clock
    const first = await dispatch(h.bot, "doomed", bkk("2026-12-02T08:00:00"), { concurrency: 1, signal: abort.signal, leaseMs: 60_000 });
    clearInterval(watcher);
    h.line.setFaults({});
    assert.equal(first.unfinished, 1, "the reminder is left mid-dispatch");
    const reminder = await Reminder.findOne({ offset: "3d@08:00", dueAt: bkk("2026-12-02T08:00:00") });
    assert.equal(reminder!.state, "sending");
    const partial = multicastCounts(h).size;
    assert.ok(partial > 0 && partial < 2601, `partly sent (${partial})`);

    // The dying process's last request reached LINE, but its row was never marked sent.
    const unsent = await OutboxMessage.findOne({ state: { $in: ["pending", "sending"] } });
    assert.ok(unsent, "a planned row is still pending");
    await h.bot.deps.line.multicast(recipientsOf(unsent), JSON.parse(unsent.messages) as messagingApi.Message[], unsent.retryKey);

    // Before the lease runs out nobody takes over; after it, the other process does.
    clock.set(bkk("2026-12-02T08:00:30"));
    assert.equal((await dispatch(second, "survivor", bkk("2026-12-02T08:00:30"))).claimed, 0);
    clock.set(bkk("2026-12-02T08:01:01"));
    const resumed = await dispatch(second, "survivor", bkk("2026-12-02T08:01:01"));
    assert.deepEqual([resumed.claimed, resumed.sent], [1, 1]);
    assertEachOnce([...residents, ...headman]);
    const log = await Reminder.findOne({ offset: "3d@08:00", dueAt: bkk("2026-12-02T08:00:00") });
    const dup = log!.attempts.filter((a) => a.outcome === "duplicate");
    assert.equal(dup.length, 1, "the unrecorded request came back as LINE's 409");
    assert.equal(dup[0]!.status, 409);
    assert.ok(log!.lateByMs! >= 60_000);
  });

  test("a storm of LINE 500s, then recovery: retried with the same retry key, delivered once, every attempt logged", async () => {
    const people = [...(await seedMembers("storm", 1200, IN_MUEANG_5)), ...(await seedMembers("storm-h", 1, IN_MUEANG_5, { role: "headman" }))];
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    h.line.failNext("multicast", 500, 6);
    h.line.setFaults({ rate500: 0.4, endpoints: ["multicast"], seed: 11 });
    const first = await dispatch(h.bot, "a", bkk("2026-12-02T08:00:00"), { retryBudgetMs: 400 });
    h.line.setFaults({});
    if (first.unfinished > 0) {
      // Still failing when the budget ran out: the next replica to tick after the lease finishes it.
      const again = await dispatch(second, "b", bkk("2026-12-02T08:03:00"));
      assert.equal(again.sent, 1);
    }
    assertEachOnce(people);
    const failures = multicasts().filter((q) => q.status === 500);
    assert.ok(failures.length >= 6);
    const byKey = new Map<string, number[]>();
    for (const q of multicasts()) byKey.set(q.retryKey ?? q.headers["x-line-retry-key"]!, [...(byKey.get(q.retryKey ?? q.headers["x-line-retry-key"]!) ?? []), q.status]);
    for (const statuses of byKey.values()) assert.equal(statuses.filter((s) => s === 200).length, 1, "one accepted request per retry key");
    const r = await Reminder.findOne({ offset: "3d@08:00", dueAt: bkk("2026-12-02T08:00:00") });
    assert.equal(r!.state, "sent");
    const retries = r!.attempts.filter((a) => a.outcome === "retry");
    assert.equal(retries.length, failures.length, "every 500 is in the delivery log");
    const failedIds = new Set(failures.map((q) => q.id));
    assert.ok(retries.every((a) => a.status === 500 && failedIds.has(a.requestId!)));
  });
});
