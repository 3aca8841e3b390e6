import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { Reminder } from "../../src/models/reminder.model";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, multicastCounts, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// The real scheduler: node-cron in APP_TIMEZONE, here every second ("* * * * * *")
// with the clock set near a due time, and the runtime's own background jobs.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
before(async () => {
  h = await startHarness("reminder-scheduler", { now: clock.now, env: { SCHEDULER_ENABLED: "true", SCHEDULER_CRON: "* * * * * *" } });
});
after(async () => h.close());

describe("scheduler", () => {
  test("ticks send a reminder when its time comes, once, however many ticks follow", async () => {
    const people = await seedMembers("tick", 30, IN_MUEANG_5);
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    await delay(1500);
    assert.equal(h.line.deliveries.length, 0, "nothing is due yet");
    clock.set(bkk("2026-12-02T07:59:58"));
    await h.line.waitFor(() => multicastCounts(h).size === people.length, 8000);
    await delay(2500); // more ticks
    const counts = multicastCounts(h);
    assert.ok(people.every((u) => counts.get(u) === 1));
    const r = await Reminder.findOne({ offset: "3d@08:00", dueAt: bkk("2026-12-02T08:00:00") });
    assert.equal(r!.state, "sent");
    assert.ok(r!.sentAt!.getTime() >= bkk("2026-12-02T08:00:00").getTime(), "not before its due time");
  });
});
