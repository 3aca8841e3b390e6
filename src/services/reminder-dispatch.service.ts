import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import type { Logger } from "../logger";
import type { Outbox } from "../line/outbox";
import { MAX_MULTICAST_RECIPIENTS } from "../line/limits";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import type { OutboxMessageDoc } from "../models/outbox-message.model";
import { Reminder, type ReminderDoc } from "../models/reminder.model";
import { buildAudiences } from "./reminder-audience.service";
import { RowSender, type RowOutcome } from "./reminder-sender.service";
import type { ScheduleConfig } from "./reminder.service";

// Sends the reminders that are due, exactly once per recipient, across crashes,
// LINE errors and replicas:
// 1. Claim: one updateMany marks due reminders (and those whose holder's lease ran
//    out) as ours with a claim token and a lease. The claim only saves work: on
//    FerretDB two replicas may both win it (its findAndModify is not atomic), so
//    correctness rests on step 3.
// 2. Audiences with identical messages (same meeting time, place, agenda, offset) form
//    one batch, keyed by due time + content hash, recipients ordered by reminder.
// 3. Chunk plan: row n of a batch is the outbox row "<batch>#n" (unique dedupe key). A
//    planner proposes the next ≤ 500 recipients not in rows 0…n-1; if row n exists, it
//    adopts it. Rows are therefore disjoint however many planners run, and each row's
//    X-Line-Retry-Key is stored before its first try: a resumed or parallel send of the
//    same row gets LINE's 409, never a second delivery.
// 4. Rows are sent through the outbox, paced to LINE's 200 multicasts/s.
export interface DispatchDeps {
  config: ScheduleConfig;
  logger: Logger;
  outbox: Outbox;
  owner: string;
  now: () => Date;
}

export interface SendDueOptions {
  /** How long a claim holds before another replica may take over. */
  leaseMs?: number;
  /** Outbox rows in flight at once. */
  concurrency?: number;
  /** Real time to keep retrying 5xx/timeouts/rate limits within this call. */
  retryBudgetMs?: number;
  signal?: AbortSignal;
}

export interface SendDueResult {
  claimed: number;
  sent: number;
  missed: number;
  cancelled: number;
  failed: number;
  /** Left "sending" (lease runs out, a later tick resumes them). */
  unfinished: number;
  rows: number;
  recipients: number;
  quotaExhausted: boolean;
}

interface Batch {
  key: string;
  messages: messagingApi.Message[];
  recipients: string[];
  /** recipient → the reminder it is counted for (its first reminder in the batch). */
  owner: Map<string, string>;
  rows: RowOutcome[];
}

const PURPOSE = "meeting-reminder";
/**
 * FerretDB 1.24 hangs on one update command with ~100 statements (measured: 40 pass,
 * 100 never return; each statement holds a pooled SQLite connection). Writes go in
 * small bulks; on MongoDB this costs a few more round trips.
 */
const BULK = 25;

async function bulkUpdate(ops: Parameters<typeof Reminder.bulkWrite>[0]): Promise<void> {
  for (let i = 0; i < ops.length; i += BULK) await Reminder.bulkWrite(ops.slice(i, i + BULK), { ordered: false });
}

async function claimDue(owner: string, now: Date, leaseMs: number): Promise<ReminderDoc[]> {
  const claimToken = randomUUID();
  await Reminder.updateMany(
    { $or: [{ state: "pending", dueAt: { $lte: now } }, { state: "sending", leaseUntil: { $lt: now } }] },
    { $set: { state: "sending", claimedBy: owner, claimToken, leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
  return Reminder.find({ claimToken, state: "sending" }).sort({ reminderKey: 1 });
}

type Closing = { reminder: ReminderDoc; state: "missed" | "cancelled"; reason: string };

/** Cancelled meetings, meetings already started, and earlier offsets overtaken by a later one. */
function triage(claimed: ReminderDoc[], meetings: Map<string, MeetingDoc>, now: Date): { live: { reminder: ReminderDoc; meeting: MeetingDoc }[]; closing: Closing[] } {
  const latest = new Map<string, number>();
  for (const r of claimed) {
    const k = `${String(r.meetingId)}|${r.occurrenceStart.getTime()}`;
    latest.set(k, Math.max(latest.get(k) ?? 0, r.dueAt.getTime()));
  }
  const live: { reminder: ReminderDoc; meeting: MeetingDoc }[] = [];
  const closing: Closing[] = [];
  for (const r of claimed) {
    const meeting = meetings.get(String(r.meetingId));
    if (!meeting || meeting.state !== "active") closing.push({ reminder: r, state: "cancelled", reason: "meeting-cancelled" });
    else if (now.getTime() >= r.occurrenceStart.getTime()) closing.push({ reminder: r, state: "missed", reason: "meeting-started" });
    else if (r.dueAt.getTime() < latest.get(`${String(r.meetingId)}|${r.occurrenceStart.getTime()}`)!) closing.push({ reminder: r, state: "missed", reason: "superseded" });
    else live.push({ reminder: r, meeting });
  }
  return { live, closing };
}

async function planAndSend(batch: Batch, outbox: Outbox, sender: RowSender): Promise<void> {
  const taken = new Set<string>();
  let cursor = 0;
  const sends: Promise<void>[] = [];
  for (let n = 0; !sender.stopped; n++) {
    const proposal: string[] = [];
    for (; cursor < batch.recipients.length && proposal.length < MAX_MULTICAST_RECIPIENTS; cursor++) {
      const u = batch.recipients[cursor]!;
      if (!taken.has(u)) proposal.push(u);
    }
    if (proposal.length === 0) break;
    const [row] = await outbox.enqueue({ kind: "multicast", to: proposal, messages: batch.messages, dedupeKey: `${batch.key}#${n}`, purpose: PURPOSE, refId: batch.key });
    for (const u of row!.to) taken.add(u);
    // Recipients we proposed that the existing row did not take go back in line.
    const missing = proposal.filter((u) => !taken.has(u));
    if (missing.length > 0) {
      batch.recipients.splice(cursor, 0, ...missing);
    }
    sends.push(sender.send(row!).then((outcome) => void batch.rows.push(outcome)));
  }
  await Promise.all(sends);
}

function emptyResult(): SendDueResult {
  return { claimed: 0, sent: 0, missed: 0, cancelled: 0, failed: 0, unfinished: 0, rows: 0, recipients: 0, quotaExhausted: false };
}

/** Sends every reminder due at `now` (the scheduler calls this once a minute). */
export async function sendDueReminders(deps: DispatchDeps, now: Date, opts: SendDueOptions = {}): Promise<SendDueResult> {
  const result = emptyResult();
  const claimed = await claimDue(deps.owner, now, opts.leaseMs ?? 120_000);
  result.claimed = claimed.length;
  if (claimed.length === 0) return result;
  const meetingIds = [...new Set(claimed.map((r) => String(r.meetingId)))];
  const meetings = new Map((await Meeting.find({ _id: { $in: meetingIds } })).map((m) => [String(m._id), m]));
  const { live, closing } = triage(claimed, meetings, now);
  if (closing.length > 0) {
    await bulkUpdate(closing.map((c) => ({ updateOne: { filter: { _id: c.reminder._id }, update: { $set: { state: c.state, reason: c.reason } } } })));
    for (const c of closing) result[c.state] += 1;
  }
  const batches = new Map<string, Batch>();
  for (const a of await buildAudiences(live, deps.config.timezone)) {
    const key = `reminder:${a.reminder.dueAt.getTime().toString(36)}:${a.contentHash}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { key, messages: a.messages, recipients: [], owner: new Map(), rows: [] }));
    for (const u of a.recipients) {
      if (b.owner.has(u)) continue; // a kamnan of several villages meeting together gets one message
      b.owner.set(u, String(a.reminder._id));
      b.recipients.push(u);
    }
  }
  const sender = new RowSender(deps.outbox, deps.now, opts.concurrency ?? 32, opts.retryBudgetMs ?? 20_000, opts.signal);
  await Promise.all([...batches.values()].map((b) => planAndSend(b, deps.outbox, sender)));
  if (sender.quotaExhausted) {
    await sender.closeUntried([...batches.values()].flatMap((b) => b.rows.map((r) => r.row)));
    deps.logger.error("LINE monthly message quota reached: meeting reminders stopped", { purpose: PURPOSE });
  }
  await finalize(deps, now, live.map((l) => l.reminder), [...batches.values()], sender, result);
  return result;
}

/** Writes each reminder's outcome and its attempts (with LINE request ids) for the delivery log. */
async function finalize(deps: DispatchDeps, now: Date, reminders: ReminderDoc[], batches: Batch[], sender: RowSender, result: SendDueResult): Promise<void> {
  interface Tally { rows: { outcome: RowOutcome; count: number }[]; covered: number; expected: number; batchKeys: Set<string> }
  const tally = new Map<string, Tally>(reminders.map((r) => [String(r._id), { rows: [], covered: 0, expected: 0, batchKeys: new Set<string>() }]));
  for (const b of batches) {
    for (const id of b.owner.values()) {
      const t = tally.get(id)!;
      t.expected += 1;
      t.batchKeys.add(b.key);
    }
    for (const outcome of b.rows) {
      const counts = new Map<string, number>();
      for (const u of outcome.row.to) {
        const id = b.owner.get(u);
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, count] of counts) {
        const t = tally.get(id)!;
        t.rows.push({ outcome, count });
        t.covered += count;
      }
    }
    result.rows += b.rows.length;
  }
  const ops: Parameters<typeof Reminder.bulkWrite>[0] = [];
  for (const r of reminders) {
    const t = tally.get(String(r._id))!;
    const attempts = t.rows.flatMap(({ outcome, count }) =>
      outcome.attempts.map((a) => ({ ...a, chunkKey: outcome.row.dedupeKey, recipients: count, by: deps.owner })),
    );
    const states = t.rows.map((x) => x.outcome.row.state);
    const set: Record<string, unknown> = { recipientCount: t.expected };
    if (states.includes("failed")) {
      const quota = t.rows.some((x) => /^quota/.test(x.outcome.row.lastError ?? ""));
      Object.assign(set, { state: "failed", reason: quota ? "quota" : (t.rows.find((x) => x.outcome.row.state === "failed")!.outcome.row.lastError ?? "line-error").slice(0, 200) });
      result.failed += 1;
    } else if (t.covered >= t.expected && states.every((s) => s === "sent")) {
      Object.assign(set, { state: "sent", sentAt: deps.now(), lateByMs: Math.max(0, now.getTime() - r.dueAt.getTime()), ...(t.expected === 0 ? { reason: "no-recipients" } : {}) });
      result.sent += 1;
      result.recipients += t.expected;
    } else {
      result.unfinished += 1; // still "sending": the lease runs out and a later tick resumes it
    }
    if (sender.quotaExhausted && set.state === undefined) {
      Object.assign(set, { state: "failed", reason: "quota" });
      result.failed += 1;
      result.unfinished -= 1;
    }
    const update: Record<string, unknown> = { $set: set };
    if (attempts.length > 0) update.$push = { attempts: { $each: attempts } };
    if (t.batchKeys.size > 0) update.$addToSet = { batchKeys: { $each: [...t.batchKeys] } };
    ops.push({ updateOne: { filter: { _id: r._id }, update } });
  }
  await bulkUpdate(ops);
  result.quotaExhausted = sender.quotaExhausted;
}
