import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDeadlinePolicy } from "../../../../src/services/case-clock/clock-policy";
import { computeClock, type ClockFacts } from "../../../../src/services/case-clock/compute-clock";

// The clock of one case with an injected "now": first response, progress, the pause.
const TZ = "Asia/Bangkok";
const policy = parseDeadlinePolicy("first_response:3,received:15,under_review:15,referred:15");
const bkk = (s: string) => new Date(`${s}+07:00`);
const HOLIDAYS = new Set(["2026-12-07", "2026-12-10"]);
const officer = { kind: "officer" };
const system = { kind: "system" };

function facts(over: Partial<ClockFacts> = {}): ClockFacts {
  const submittedAt = bkk("2026-12-04T16:00:00");
  return { submittedAt, status: "received", statusHistory: [{ status: "received", at: submittedAt, actor: system }], thread: [], ...over };
}

describe("case clock", () => {
  test("first response within 3 working days, skipping the weekend and holidays; due today, then overdue", () => {
    const f = facts();
    const c = computeClock(f, policy, HOLIDAYS, bkk("2026-12-08T09:00:00"), TZ);
    assert.equal(c.stage, "first_response");
    assert.equal(c.dueDay, "2026-12-11");
    assert.equal(c.workingDaysLeft, 2);
    assert.equal(c.overdue, false);
    const dueDay = computeClock(f, policy, HOLIDAYS, bkk("2026-12-11T23:59:00"), TZ);
    assert.equal(dueDay.dueToday, true);
    assert.equal(dueDay.overdue, false);
    const late = computeClock(f, policy, HOLIDAYS, bkk("2026-12-14T00:00:00"), TZ);
    assert.equal(late.overdue, true);
    assert.equal(late.workingDaysLeft, -1);
  });

  test("after the first update, 15 working days from the last update sent to the reporter", () => {
    const f = facts({
      status: "under_review",
      statusHistory: [...facts().statusHistory, { status: "under_review", at: bkk("2026-12-08T10:00:00"), actor: officer }],
    });
    const c = computeClock(f, policy, HOLIDAYS, bkk("2026-12-08T11:00:00"), TZ);
    assert.equal(c.stage, "progress");
    assert.deepEqual(c.firstResponseAt, bkk("2026-12-08T10:00:00"));
    // From Tue 8 Dec: 9, 11, 14–18, 21–25, 28, 29, 30 → the 15th is Wed 30 Dec (10 Dec is a holiday).
    assert.equal(c.dueDay, "2026-12-30");
    const update = computeClock({ ...f, thread: [{ kind: "officer", at: bkk("2026-12-15T10:00:00"), expectsReply: false }] }, policy, HOLIDAYS, bkk("2026-12-15T11:00:00"), TZ);
    assert.equal(update.dueDay, "2027-01-05", "a progress message restarts the count");
  });

  test("the clock pauses while an officer's question waits for the reporter, and resumes with the days left", () => {
    const base = facts({
      status: "under_review",
      statusHistory: [...facts().statusHistory, { status: "under_review", at: bkk("2026-12-08T10:00:00"), actor: officer }],
    });
    const question = { kind: "officer", at: bkk("2026-12-09T10:00:00"), expectsReply: true };
    const waiting = computeClock({ ...base, thread: [question] }, policy, HOLIDAYS, bkk("2026-12-30T10:00:00"), TZ);
    assert.equal(waiting.stage, "paused");
    assert.equal(waiting.overdue, false, "no deadline passes while the case waits on the reporter");
    assert.equal(waiting.dueAt, null);
    assert.equal(waiting.daysLeftWhenResumed, 14);
    // Answered Mon 14 Dec: 11 and 14 (2 working days) were paused, so the deadline moves from 30 Dec to Fri 1 Jan.
    const answered = computeClock({ ...base, thread: [question, { kind: "reporter", at: bkk("2026-12-14T09:00:00") }] }, policy, HOLIDAYS, bkk("2026-12-14T10:00:00"), TZ);
    assert.equal(answered.stage, "progress");
    assert.equal(answered.dueDay, "2027-01-01");
  });

  test("a question counts as the first response; closed cases have no deadline", () => {
    const asked = computeClock(facts({ thread: [{ kind: "officer", at: bkk("2026-12-08T10:00:00"), expectsReply: true }] }), policy, HOLIDAYS, bkk("2026-12-08T11:00:00"), TZ);
    assert.deepEqual(asked.firstResponseAt, bkk("2026-12-08T10:00:00"));
    assert.equal(asked.stage, "paused");
    const closed = computeClock(facts({ status: "resolved", statusHistory: [...facts().statusHistory, { status: "resolved", at: bkk("2026-12-09T10:00:00"), actor: officer }] }), policy, HOLIDAYS, bkk("2027-03-01T10:00:00"), TZ);
    assert.equal(closed.open, false);
    assert.equal(closed.overdue, false);
    assert.deepEqual(closed.closedAt, bkk("2026-12-09T10:00:00"));
  });

  test("the policy reads CASE_DEADLINES", () => {
    assert.deepEqual(parseDeadlinePolicy("first_response:2,referred:30"), { firstResponse: 2, byStatus: { received: 15, under_review: 15, referred: 30 } });
    assert.throws(() => parseDeadlinePolicy("first_response:0"));
  });
});
