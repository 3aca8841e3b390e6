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
import { sendDueReminders } from "../src/services/reminder-dispatch.service";
import { reminderKeyOf } from "../src/services/reminder.service";
import { parseRecurrence, parseReminderOffsets, reminderDueAt } from "../src/util/recurrence";
import { startHarness } from "../test/helpers/harness";

// Issue 6's fan-out for the whole province: 2,400 villages, a headman in each and
// 200,000 opted-in residents, every village's reminder due in the same minute. The
// emulator enforces LINE's 200 multicast requests/s (rolling window). Measured: the
// time from the tick to the last multicast LINE accepted, as a ratio to LINE's bound
// of 200 × 500 recipients/s; duplicates and misses are counted at the emulator.
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
    db = await startEmbeddedDb({ dataDir, log });
    process.env.MONGODB_URI = db.uri;
  }
  const h = await startHarness("bench_reminders", { background: false, env: { LOG_LEVEL: "warn" } });
  try {
    const { people, due } = await seed(villages, residents, distinct, log);
    h.line.reset();
    const tick = Date.now();
    const result = await sendDueReminders({ config: h.config, logger: h.bot.deps.logger, outbox: h.bot.deps.outbox, owner: "bench", now: () => new Date(due.getTime() + (Date.now() - tick)) }, due, { retryBudgetMs: 120_000 });
    const done = Date.now();
    const multicasts = h.line.requests.filter((q) => q.endpoint === "multicast");
    const accepted = multicasts.filter((q) => q.status === 200);
    const lastAccepted = Math.max(...accepted.map((q) => q.at));
    const firstRequest = Math.min(...multicasts.map((q) => q.at));
    const counts = new Map<string, number>();
    for (const d of h.line.deliveries) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const misses = people.filter((u) => !counts.has(u)).length;
    const recipients = people.length;
    const elapsedMs = lastAccepted - tick;
    const sendMs = lastAccepted - firstRequest;
    const boundMs = (recipients / LINE_BOUND_RECIPIENTS_PER_S) * 1000;
    const out = {
      backend: hadUri ? "MONGODB_URI (as given)" : "embedded FerretDB 1.24, SQLite backend",
      scenario: distinct ? "distinct content per village" : "shared content (province-wide meeting day)",
      villages: villages.length,
      headmen: villages.length,
      residents,
      recipients,
      multicastRequests: multicasts.length,
      accepted: accepted.length,
      rateLimited429: multicasts.filter((q) => q.status === 429).length,
      conflicts409: multicasts.filter((q) => q.status === 409).length,
      tickToLastAcceptedMs: elapsedMs,
      tickToFirstRequestMs: firstRequest - tick,
      firstToLastAcceptedMs: sendMs,
      tickTotalMs: done - tick,
      lineBoundMs: Math.round(boundMs),
      ratioToLineBound: Math.round((boundMs / elapsedMs) * 1000) / 1000,
      sendPhaseRatioToLineBound: Math.round((boundMs / sendMs) * 1000) / 1000,
      achievedRecipientsPerS: Math.round(recipients / (elapsedMs / 1000)),
      duplicates,
      misses,
      result,
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
