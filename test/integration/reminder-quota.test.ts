import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { Reminder } from "../../src/models/reminder.model";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, dispatch, multicastCounts, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// LINE's monthly message quota is per recipient; once it is used up, LINE answers 429
// "You have reached your monthly limit." Sujarit stops sending and records why.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
before(async () => {
  h = await startHarness("reminder-quota", { now: clock.now, background: false, emulator: { monthlyQuota: 700 } });
});
after(async () => h.close());

describe("monthly quota", () => {
  test("a quota 429 stops the fan-out, is recorded on the reminder, and is not retried", async () => {
    const v6 = { ...IN_MUEANG_5, villageNo: 6 };
    await seedMembers("q5", 1100, IN_MUEANG_5);
    await seedMembers("q6", 900, v6);
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    await createTestMeeting(h, villageMeeting(v6, "monthly:5@09:00", { place: "วัดบ้านหก" }), clock.now());
    const r = await dispatch(h.bot, "a", bkk("2026-12-02T08:00:00"), { concurrency: 1 });
    assert.equal(r.quotaExhausted, true);
    assert.equal(r.sent, 0);
    assert.equal(r.failed, 2);
    const quota429 = h.line.requests.filter((q) => q.endpoint === "multicast" && q.status === 429);
    assert.equal(quota429.length, 1, "one 429, then nothing more is tried");
    assert.ok(multicastCounts(h).size <= 700);
    for (const rem of await Reminder.find({ offset: "3d@08:00", dueAt: bkk("2026-12-02T08:00:00") })) {
      assert.equal(rem.state, "failed");
      assert.equal(rem.reason, "quota");
    }
    const logged = (await Reminder.find({ "attempts.status": 429 })).flatMap((x) => x.attempts.filter((a) => a.status === 429));
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.requestId, quota429[0]!.id);
    assert.equal(await OutboxMessage.countDocuments({ purpose: "meeting-reminder", state: "pending" }), 0, "no row is left for the poller to spend 429s on");

    const before = h.line.requests.length;
    await h.bot.deps.outbox.drainDue();
    assert.equal((await dispatch(h.bot, "a", bkk("2026-12-02T08:05:00"))).claimed, 0);
    assert.equal(h.line.requests.length, before, "nothing is sent again");
  });
});
