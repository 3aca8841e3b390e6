import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { listDistricts } from "../src/content/areas/areas";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";
import { makeUserId } from "../src/dev/line-emulator";
import { Meeting, type MeetingDoc } from "../src/models/meeting.model";
import { Member } from "../src/models/member.model";
import { Reminder } from "../src/models/reminder.model";
import { buildMeetingFields } from "../src/services/meeting.service";
import { createReminderDispatcher, sendDueReminders } from "../src/services/reminder-dispatch.service";
import { OutboxMessage } from "../src/models/outbox-message.model";
import { Claim } from "../src/models/claim.model";
import { reminderKeyOf } from "../src/services/reminder.service";
import { parseRecurrence, parseReminderOffsets, reminderDueAt } from "../src/util/recurrence";
import { startHarness } from "../test/helpers/harness";

// Issue 6's fan-out for the whole province: 2,400 villages, a headman in each and
// 200,000 opted-in residents, every village's reminder due in the same minute. The
// emulator enforces LINE's 200 multicast requests/s (rolling window). Measured: the
// time from the tick to the last multicast LINE accepted, as a ratio to LINE's bound
// of 200 × 500 recipients/s; duplicates and misses are counted at the emulator.
// As the scheduler runs it: a tick a minute before the due time plans (reads the
// audiences; REMINDER_PLAN_AHEAD_SECONDS), and the due tick, timed, sends. Then the
// same reminders again with the audiences read at the due tick, for comparison.
// Scenario "shared": the province-wide pledge day — every village meets at 09:30 at
// its village hall with the same agenda, so messages are identical and recipients of
// many villages share multicasts. Scenario "distinct" (BENCH_REMINDER_DISTINCT=1):
// each village names its own hall, so every village needs its own requests and the
// 200 requests/s cap, not recipients, is the bound.
export interface ReminderBenchOptions {
  villages?: number;
  residents?: number;
  distinct?: boolean;
  log?: (line: string) => void;
}

const TZ = "Asia/Bangkok";
const MEETING = new Date("2026-12-09T02:30:00Z"); // 9 December (Anti-Corruption Day), 09:30 in Bangkok
const LINE_BOUND_RECIPIENTS_PER_S = 200 * 500;

function villagesOf(n: number): { districtCode: string; tambonCode: string; villageNo: number }[] {
  const tambons = listDistricts().flatMap((d) => d.tambons);
  return Array.from({ length: n }, (_, i) => {
    const t = tambons[i % tambons.length]!;
    return { districtCode: t.districtCode, tambonCode: t.code, villageNo: Math.floor(i / tambons.length) + 1 };
  });
}

async function seed(villages: ReturnType<typeof villagesOf>, residents: number, distinct: boolean, log: (l: string) => void): Promise<{ people: string[]; due: Date }> {
  const started = Date.now();
  const people: string[] = [];
  const heads = villages.map((v, i) => ({ lineUserId: makeUserId(`bench-head-${i}`), followed: true, role: "headman", meetingReminders: false, village: v }));
  await Member.insertMany(heads, { ordered: false });
  people.push(...heads.map((x) => x.lineUserId));
  for (let i = 0; i < residents; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(residents, i + 5000); j++) {
      batch.push({ lineUserId: makeUserId(`bench-res-${j}`), followed: true, role: "resident", meetingReminders: true, village: villages[j % villages.length]! });
    }
    await Member.insertMany(batch, { ordered: false });
    people.push(...batch.map((x) => x.lineUserId));
  }
  const recurrence = parseRecurrence("once:2026-12-09@09:30");
  const meetings: MeetingDoc[] = await Meeting.insertMany(
    villages.map((v) => buildMeetingFields({ scope: "village", village: v, place: distinct ? `ศาลาประชาคมหมู่ ${v.villageNo} ต.${v.tambonCode}` : "ศาลาประชาคมหมู่บ้าน", recurrence })),
  ) as unknown as MeetingDoc[];
  // The reminders materializeReminders would make, written in bulk (set-up is not timed).
  const offsets = parseReminderOffsets("3d@08:00,1d@08:00,2h");
  const reminders = meetings.flatMap((m) =>
    offsets.map((o) => ({
      reminderKey: reminderKeyOf(m._id, MEETING, o.key),
      meetingId: m._id,
      meetingRevision: 1,
      scope: "village",
      districtCode: m.districtCode,
      tambonCode: m.tambonCode,
      villageNo: m.villageNo,
      occurrenceStart: MEETING,
      offset: o.key,
      dueAt: reminderDueAt(MEETING, o, TZ),
      // The 3-day reminder went out days ago; the 1-day one is due at the tick.
      state: o.key.startsWith("3d") ? "sent" : "pending",
    })),
  );
  for (let i = 0; i < reminders.length; i += 5000) await Reminder.insertMany(reminders.slice(i, i + 5000), { ordered: false });
  log(`seeded ${villages.length} villages, ${people.length} members, ${reminders.length} reminders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { people, due: reminderDueAt(MEETING, offsets[1]!, TZ) };
}

const depsOf = (h: Awaited<ReturnType<typeof startHarness>>) => ({ config: h.config, logger: h.bot.deps.logger, outbox: h.bot.deps.outbox });

/** The due reminders back to pending, their outbox rows and claims gone (set-up, not timed). */
async function resetForRerun(): Promise<void> {
  await Reminder.updateMany({ state: { $in: ["sent", "planned", "sending"] }, offset: { $not: /^3d/ } }, { $set: { state: "pending", attempts: [], batchKeys: [] }, $unset: { claimToken: 1, leaseUntil: 1, sentAt: 1 } });
  await OutboxMessage.deleteMany({});
  await Claim.deleteMany({});
}

export async function runReminderBench(opts: ReminderBenchOptions = {}): Promise<Record<string, unknown>> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const villages = villagesOf(opts.villages ?? Number(process.env.BENCH_REMINDER_VILLAGES ?? 2400));
  const residents = opts.residents ?? Number(process.env.BENCH_REMINDER_RESIDENTS ?? 200_000);
  const distinct = opts.distinct ?? process.env.BENCH_REMINDER_DISTINCT === "1";
  let db: EmbeddedDb | undefined;
  let dataDir: string | undefined;
  const hadUri = process.env.MONGODB_URI;
  if (!hadUri) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-bench-reminders-"));
    db = await startEmbeddedDb({ log });
    process.env.MONGODB_URI = db.uri;
  }
  const h = await startHarness("bench_reminders", { background: false, env: { LOG_LEVEL: "warn" } });
  try {
    const { people, due } = await seed(villages, residents, distinct, log);
    const recipients = people.length;
    const boundMs = (recipients / LINE_BOUND_RECIPIENTS_PER_S) * 1000;
    // Each person's deliveries as the emulator recorded them, then cleared for the next run.
    const audit = () => {
      const multicasts = h.line.requests.filter((q) => q.endpoint === "multicast");
      const counts = new Map<string, number>();
      for (const d of h.line.deliveries) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
      return {
        multicasts,
        accepted: multicasts.filter((q) => q.status === 200),
        duplicates: [...counts.values()].filter((n) => n > 1).length,
        misses: people.filter((u) => !counts.has(u)).length,
      };
    };
    // The scheduler's way (REMINDER_PLAN_AHEAD_SECONDS, default 120): the tick a minute
    // before plans, the tick at the due minute sends. Timed from the due tick.
    h.line.reset();
    const planStarted = Date.now();
    const dispatcher = createReminderDispatcher({ ...depsOf(h), owner: "bench", now: () => new Date(due.getTime() - 60_000 + (Date.now() - planStarted)), planAheadMs: 120_000 });
    const planned = await dispatcher.tick(new Date(due.getTime() - 60_000));
    const planMs = Date.now() - planStarted;
    log(`planned ${planned.planned} reminders in ${planMs} ms`);
    const tick = Date.now();
    const result = await dispatcher.tick(due, { retryBudgetMs: 120_000 });
    const done = Date.now();
    const a = audit();
    const lastAccepted = Math.max(...a.accepted.map((q) => q.at));
    const firstRequest = Math.min(...a.multicasts.map((q) => q.at));
    const elapsedMs = lastAccepted - tick;
    const sendMs = lastAccepted - firstRequest;
    // The same reminders again, audiences read at the due tick (planning off): the
    // comparison run, on the same data.
    await resetForRerun();
    h.line.reset();
    const tick0 = Date.now();
    const unplanned = await sendDueReminders({ ...depsOf(h), owner: "bench-unplanned", now: () => new Date(due.getTime() + (Date.now() - tick0)) }, due, { retryBudgetMs: 120_000 });
    const b = audit();
    const unplannedMs = Math.max(...b.accepted.map((q) => q.at)) - tick0;
    const out = {
      backend: process.env.BENCH_DATABASE ?? (hadUri ? "MONGODB_URI (as given)" : "embedded mongo-java-server 1.47, memory backend"),
      scenario: distinct ? "distinct content per village" : "shared content (province-wide meeting day)",
      villages: villages.length,
      headmen: villages.length,
      residents,
      recipients,
      multicastRequests: a.multicasts.length,
      accepted: a.accepted.length,
      rateLimited429: a.multicasts.filter((q) => q.status === 429).length,
      conflicts409: a.multicasts.filter((q) => q.status === 409).length,
      planTickMs: planMs,
      tickToLastAcceptedMs: elapsedMs,
      tickToFirstRequestMs: firstRequest - tick,
      firstToLastAcceptedMs: sendMs,
      tickTotalMs: done - tick,
      lineBoundMs: Math.round(boundMs),
      ratioToLineBound: Math.round((boundMs / elapsedMs) * 1000) / 1000,
      sendPhaseRatioToLineBound: Math.round((boundMs / sendMs) * 1000) / 1000,
      achievedRecipientsPerS: Math.round(recipients / (elapsedMs / 1000)),
      duplicates: a.duplicates,
      misses: a.misses,
      result,
      unplannedTickToLastAcceptedMs: unplannedMs,
      unplannedRatioToLineBound: Math.round((boundMs / unplannedMs) * 1000) / 1000,
      unplannedDuplicates: b.duplicates,
      unplannedMisses: b.misses,
      unplannedSent: unplanned.sent,
    };
    log(JSON.stringify(out, null, 2));
    return out;
  } finally {
    await h.close();
    if (db) {
      if (!hadUri) delete process.env.MONGODB_URI;
      await db.stop();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runReminderBench().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
}
