import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { Announcement } from "../../src/models/announcement.model";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { startRuntime, type Runtime } from "../../src/runtime";
import { approveAnnouncement, createAnnouncement, requestSend, type Actor } from "../../src/services/announcement.service";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, multicastCounts, seedMembers, settableClock } from "./reminder-fixtures";

// A scheduled announcement with two app processes on one database, each running the
// real scheduler (node-cron every second): every recipient exactly once, checked at the
// LINE emulator. Then a process stopped mid-send, resumed by the other.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
const env = { SCHEDULER_ENABLED: "true", SCHEDULER_CRON: "* * * * * *" };
let h: Harness;
let second: Runtime;
before(async () => {
  h = await startHarness("announcement-replicas", { now: clock.now, env });
  second = await startRuntime(h.config, { now: clock.now, pollMs: 100, outboxBaseDelayMs: 20 });
});
after(async () => {
  await second.stop();
  await h.close();
});

const officer: Actor = { id: "64b000000000000000000003", role: "officer", districts: ["4001"] };
const audience = { province: false, districts: [], tambons: [], villages: ["400101-5"], leaders: false, remindersOptIn: false };

function assertEachOnce(people: string[]): void {
  const counts = multicastCounts(h);
  const wrong = people.filter((u) => counts.get(u) !== 1);
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} recipients did not get exactly one message`);
  assert.equal(counts.size, people.length, "nobody else was messaged");
}

describe("scheduled announcement across replicas", () => {
  test("two processes' schedulers send it once, at its time, every recipient exactly once", async () => {
    const people = await seedMembers("rep", 3300, IN_MUEANG_5);
    const a = await createAnnouncement({ title: "เลื่อนประชุม", text: "ประชุมประจำเดือนย้ายไปที่วัดบ้านโนน", button: { kind: "none" }, audience }, officer, clock.now(), "https://x.example");
    const at = bkk("2026-12-01T18:00:00");
    const scheduled = await requestSend(String(a._id), at, officer, clock.now(), h.bot.deps.line);
    assert.equal(scheduled.state, "scheduled");
    await delay(1500);
    assert.equal(h.line.deliveries.length, 0, "nothing before its time");
    clock.set(bkk("2026-12-01T17:59:59"));
    await h.line.waitFor(() => multicastCounts(h).size === people.length, 15_000);
    await delay(2500); // more ticks on both processes
    assertEachOnce(people);
    const done = (await Announcement.findById(a._id))!;
    assert.equal(done.state, "sent");
    assert.equal(done.plannedRecipients, 3300);
    assert.equal(done.attempts.filter((t) => t.outcome === "accepted").length, 7);
    assert.ok(done.startedAt!.getTime() >= at.getTime(), "not before its time");
    const byKey = new Map<string, number>();
    for (const q of h.line.requests.filter((r) => r.endpoint === "multicast" && r.status === 200)) byKey.set(q.retryKey!, (byKey.get(q.retryKey!) ?? 0) + 1);
    assert.ok([...byKey.values()].every((n) => n === 1), "one accepted request per retry key");
  });

  test("a process stopped mid-send: the other resumes after its lease lapses, without duplicates", async () => {
    h.line.reset();
    await Promise.all([Announcement.deleteMany({}), OutboxMessage.deleteMany({})]);
    const people = await seedMembers("crash", 9000, { ...IN_MUEANG_5, villageNo: 9 });
    const a = await createAnnouncement({ title: "ประกาศ", text: "ข้อความ", button: { kind: "none" }, audience: { ...audience, villages: ["400101-9"] } }, officer, clock.now(), "https://x.example");
    // A third process, not ticking, starts the send and dies after a few requests
    // (2 in flight at once, so that its 18 chunks are not all on their way already).
    const doomed = await startRuntime(h.config, { now: clock.now, background: false, pollMs: 100, outboxBaseDelayMs: 20, announcementConcurrency: 2 });
    h.line.setFaults({ latencyMs: 80, endpoints: ["multicast"] });
    assert.equal((await requestSend(String(a._id), undefined, officer, clock.now(), doomed.deps.line)).state, "awaiting_approval", "over 5,000 people");
    await approveAnnouncement(String(a._id), { id: "64b0000000000000000000a9", role: "admin", districts: [] }, clock.now());
    const sending = doomed.deps.announcements!.sendNow(String(a._id));
    await h.line.waitFor(() => h.line.requests.filter((q) => q.endpoint === "multicast" && q.status === 200).length >= 2, 10_000);
    await doomed.deps.announcements!.stop();
    await sending;
    h.line.setFaults({});
    const partial = multicastCounts(h).size;
    assert.ok(partial > 0 && partial < people.length, `partly sent (${partial})`);
    assert.equal((await Announcement.findById(a._id))!.state, "sending");
    // The lease lapses within two slots (a minute each); the ticking processes take over.
    clock.set(new Date(clock.now().getTime() + 3 * 60_000));
    // Within a minute: a replica that took the send over before the lease lapsed keeps
    // polling rows it cannot claim yet until its retry budget (20 s) ends.
    await h.line.waitFor(() => multicastCounts(h).size === people.length, 60_000);
    await delay(2000);
    assertEachOnce(people);
    assert.equal((await Announcement.findById(a._id))!.state, "sent");
    await doomed.stop();
  });
});
