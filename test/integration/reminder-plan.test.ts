import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { Reminder } from "../../src/models/reminder.model";
import { cancelMeeting, updateMeeting } from "../../src/services/meeting.service";
import { createReminderDispatcher, type ReminderDispatcher } from "../../src/services/reminder-dispatch.service";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, multicastCounts, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// Planning ahead (REMINDER_PLAN_AHEAD_SECONDS): a tick shortly before the due time
// reads the audience and builds the messages; the tick at the due time only sends.
// The plan lives in one process's memory, so what it must survive is tested here:
// an edit or a cancellation after planning, a planner that dies, a planner that stops.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
before(async () => {
  h = await startHarness("reminder-plan", { now: clock.now, background: false });
});
after(async () => h.close());

const DUE = bkk("2026-12-02T08:00:00"); // "3d@08:00" before a meeting on 5 December
const BEFORE = bkk("2026-12-02T07:59:00");
let residents: string[];
let headman: string;

function dispatcher(owner: string): ReminderDispatcher {
  const d = h.bot.deps;
  return createReminderDispatcher({ config: d.config, logger: d.logger, outbox: d.outbox, owner, now: d.now, planAheadMs: 120_000 });
}

const placesSent = () => h.line.deliveries.filter((d) => d.via === "multicast").map((d) => JSON.stringify(d.messages).match(/ศาลา[^"]*/)?.[0]);

beforeEach(async () => {
  h.line.reset();
  for (const c of ["members", "meetings", "reminders", "outboxmessages", "claims"]) await mongoose.connection.collection(c).deleteMany({});
  clock.set(bkk("2026-12-01T10:00:00"));
  headman = (await seedMembers("plan-head", 1, IN_MUEANG_5, { role: "headman", meetingReminders: false }))[0]!;
  residents = await seedMembers("plan-res", 4, IN_MUEANG_5);
});

describe("reminders planned ahead", () => {
  test("a tick before the due time plans without sending; the due tick sends each person one message", async () => {
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00", { place: "ศาลาเดิม" }), clock.now());
    const a = dispatcher("a");
    const planned = await a.tick(BEFORE);
    assert.deepEqual([planned.planned, planned.claimed, planned.sent], [1, 0, 0]);
    assert.equal(h.line.requests.length, 0, "nothing is sent before its time");
    assert.equal((await Reminder.findOne({ dueAt: DUE }))!.state, "planned");

    const sent = await a.tick(DUE);
    assert.deepEqual([sent.claimed, sent.sent, sent.recipients], [1, 1, 5]);
    assert.equal((await a.tick(bkk("2026-12-02T08:01:00"))).claimed, 0);
    const counts = multicastCounts(h);
    assert.deepEqual([...counts.keys()].sort(), [headman, ...residents].sort());
    assert.ok([...counts.values()].every((n) => n === 1));
    const r = await Reminder.findOne({ dueAt: DUE });
    assert.equal(r!.state, "sent");
    assert.equal(r!.attempts.length, 2, "one attempt per audience (leaders, residents), each with LINE's request id");
    assert.ok(r!.attempts.every((x) => x.outcome === "accepted" && x.requestId));
  });

  test("an edit after planning wins: the due tick sends the new place, not the planned one", async () => {
    const m = await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00", { place: "ศาลาเดิม" }), clock.now());
    const a = dispatcher("a");
    assert.equal((await a.tick(BEFORE)).planned, 1);
    await updateMeeting(m._id, { place: "ศาลาใหม่" }, h.config, bkk("2026-12-02T07:59:30"));
    const sent = await a.tick(DUE);
    assert.deepEqual([sent.sent, sent.recipients], [1, 5]);
    assert.deepEqual([...new Set(placesSent())], ["ศาลาใหม่"]);
    assert.ok([...multicastCounts(h).values()].every((n) => n === 1));
  });

  test("a cancellation after planning: nothing goes out", async () => {
    const m = await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    const a = dispatcher("a");
    assert.equal((await a.tick(BEFORE)).planned, 1);
    await cancelMeeting(m._id, bkk("2026-12-02T07:59:30"));
    const r = await a.tick(DUE);
    assert.equal(r.sent, 0);
    assert.equal(h.line.requests.filter((q) => q.endpoint === "multicast").length, 0);
    assert.equal((await Reminder.findOne({ dueAt: DUE }))!.state, "cancelled");
  });

  test("a planner that dies: another replica sends the reminder late, once, when the lease runs out", async () => {
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    assert.equal((await dispatcher("dead").tick(BEFORE, { leaseMs: 60_000 })).planned, 1);
    const b = dispatcher("b");
    assert.equal((await b.tick(DUE)).claimed, 0, "the dead planner's lease still holds");
    const late = await b.tick(bkk("2026-12-02T08:02:30"));
    assert.deepEqual([late.claimed, late.sent, late.recipients], [1, 1, 5]);
    assert.ok([...multicastCounts(h).values()].every((n) => n === 1));
    assert.ok((await Reminder.findOne({ dueAt: DUE }))!.lateByMs! > 0);
  });

  test("a planner that stops gives its plans back, and another replica sends them on time", async () => {
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    const a = dispatcher("a");
    assert.equal((await a.tick(BEFORE)).planned, 1);
    await a.release();
    assert.equal((await Reminder.findOne({ dueAt: DUE }))!.state, "pending");
    const r = await dispatcher("b").tick(DUE);
    assert.deepEqual([r.claimed, r.sent, r.recipients], [1, 1, 5]);
    assert.equal((await a.tick(DUE)).claimed, 0, "the stopped planner has nothing left to send");
    assert.ok([...multicastCounts(h).values()].every((n) => n === 1));
  });

  test("two replicas planning and sending the same minute: each person gets one message", async () => {
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    const [a, b] = [dispatcher("a"), dispatcher("b")];
    await Promise.all([a.tick(BEFORE), b.tick(BEFORE)]);
    await Promise.all([a.tick(DUE), b.tick(DUE)]);
    await Promise.all([a.tick(bkk("2026-12-02T08:03:00")), b.tick(bkk("2026-12-02T08:03:00"))]);
    const counts = multicastCounts(h);
    assert.deepEqual([...counts.keys()].sort(), [headman, ...residents].sort());
    assert.ok([...counts.values()].every((n) => n === 1), JSON.stringify([...counts.values()]));
    assert.equal((await Reminder.findOne({ dueAt: DUE }))!.state, "sent");
  });
});
