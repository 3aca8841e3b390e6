import type { Logger } from "../logger";
import type { Outbox } from "../line/outbox";
import type { ReminderDoc } from "../models/reminder.model";
import { buildBatches, claimAhead, claimDue, releasePlanned, streamedBatches, triage, triageAndRead, type Batch } from "./reminder-batches";
import { readMemberParts } from "./reminder-members";
import { readyBatches, sendBatches } from "./reminder-send";
import { replanMarked } from "./reminder-replan";
import type { ScheduleConfig } from "./reminder.service";

// Sends the reminders that are due, exactly once per recipient, across crashes,
// LINE errors and replicas:
// 1. Claim: one updateMany marks due reminders (and those whose holder's lease ran
//    out) as ours with a claim token and a lease. The claim only saves work:
//    exactly-once delivery rests on step 3 even if two replicas both took a reminder.
// 2. Batches of identical messages (reminder-batches.ts).
// 3. Chunk plan: row n of a batch is the outbox row "<batch>#n" (unique dedupe key). A
//    planner proposes the next ≤ 500 recipients not in rows 0…n-1; if row n exists, it
//    adopts it. Rows are therefore disjoint however many planners run, and each row's
//    X-Line-Retry-Key is stored before its first try: a resumed or parallel send of the
//    same row gets LINE's 409, never a second delivery.
// 4. Rows are sent through the outbox, paced to LINE's 200 multicasts/s (steps 3 and 4:
//    reminder-send.ts). Planners need no common order of recipients for this.
// Steps 1 and 2 read every recipient, which for a whole province takes about as long as
// the sending itself. At the due tick, rows go out as soon as the first parts of the
// audience are read (reminder-batches.ts streamedBatches). With planAheadMs, a tick does them for the reminders due within that
// time (state "planned", the batches kept in memory) and the tick at the due time only
// sends. A planned reminder's lease outlasts its due time: if the planner dies, another
// replica takes it over as a late reminder. An edit of the meeting in between leaves
// a marker (reminder-replan.ts) that sends the plan's minute through steps 1–4 afresh.
// What a plan cannot see: a resident who opts out, or blocks the account, in those
// minutes still gets this reminder (LINE does not deliver to a user who blocked it).
export interface DispatchDeps {
  config: ScheduleConfig;
  logger: Logger;
  outbox: Outbox;
  owner: string;
  now: () => Date;
  /** Read audiences this long before the due time (0: at the due tick). */
  planAheadMs?: number;
}

export interface SendDueOptions {
  /** How long a claim holds before another replica may take over. */
  leaseMs?: number;
  /**
   * Outbox rows in flight at once (default 8). The pacer holds a slot until LINE
   * answers, so more in flight only lengthens each answer (measured on the province
   * fan-out: 4 → 0.73, 8 → 0.82, 32 → 0.76 of LINE's bound).
   */
  concurrency?: number;
  /** Real time to keep retrying 5xx/timeouts/rate limits within this call. */
  retryBudgetMs?: number;
  signal?: AbortSignal;
}

export interface SendDueResult {
  claimed: number;
  /** Reminders planned at this tick for a later one. */
  planned: number;
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

export interface ReminderDispatcher {
  /** Sends the plans now due, then whatever else is due, then plans ahead. */
  tick(now: Date, opts?: SendDueOptions): Promise<SendDueResult>;
  /** Gives planned reminders back (at shutdown), so another replica sends them on time. */
  release(): Promise<void>;
}

interface Plan {
  dueAt: Date;
  claimTokens: string[];
  reminders: ReminderDoc[];
  batches: Map<string, Batch>;
}

function emptyResult(): SendDueResult {
  return { claimed: 0, planned: 0, sent: 0, missed: 0, cancelled: 0, failed: 0, unfinished: 0, rows: 0, recipients: 0, quotaExhausted: false };
}

function mergeBatch(into: Map<string, Batch>, b: Batch): void {
  const have = into.get(b.key);
  if (!have) return void into.set(b.key, b);
  for (const u of b.recipients) {
    if (have.owner.has(u)) continue;
    have.owner.set(u, b.owner.get(u)!);
    have.recipients.push(u);
  }
}

export function createReminderDispatcher(deps: DispatchDeps): ReminderDispatcher {
  const plans = new Map<number, Plan>();
  const aheadMs = deps.planAheadMs ?? 0;

  async function planAhead(now: Date, leaseMs: number, result: SendDueResult): Promise<void> {
    const { claimToken, reminders } = await claimAhead(deps.owner, now, new Date(now.getTime() + aheadMs), leaseMs);
    if (reminders.length === 0) return;
    const { live, closing, members } = await triageAndRead(reminders, now);
    for (const c of closing) result[c.state] += 1;
    const planFor = (dueAt: Date): Plan => {
      let plan = plans.get(dueAt.getTime());
      if (!plan) plans.set(dueAt.getTime(), (plan = { dueAt, claimTokens: [], reminders: [], batches: new Map() }));
      return plan;
    };
    for (const b of await buildBatches(live, deps.config.timezone, members)) mergeBatch(planFor(b.dueAt).batches, b);
    // Every planned reminder is finished at its due tick, one without recipients too ("no-recipients").
    for (const { reminder } of live) {
      const plan = planFor(reminder.dueAt);
      plan.reminders.push(reminder);
      if (!plan.claimTokens.includes(claimToken)) plan.claimTokens.push(claimToken);
    }
    result.planned += live.length;
  }

  async function sendPlans(now: Date, opts: SendDueOptions, result: SendDueResult): Promise<void> {
    for (const t of [...plans.keys()].sort((a, b) => a - b)) {
      if (t > now.getTime() || opts.signal?.aborted) continue;
      const plan = plans.get(t)!;
      plans.delete(t);
      if (await replanMarked(plan.dueAt)) {
        await releasePlanned(plan.claimTokens, plan.dueAt);
        deps.logger.info("reminder plan dropped after a meeting edit", { dueAt: plan.dueAt.toISOString(), reminders: plan.reminders.length });
        continue;
      }
      result.claimed += plan.reminders.length;
      await sendBatches(deps, now, plan.reminders, readyBatches([...plan.batches.values()]), opts, result);
    }
  }

  return {
    async tick(now, opts = {}) {
      const result = emptyResult();
      const leaseMs = opts.leaseMs ?? 120_000;
      await sendPlans(now, opts, result);
      const claimed = await claimDue(deps.owner, now, leaseMs);
      result.claimed += claimed.length;
      if (claimed.length > 0) {
        // The members' reads start now, beside triage; sending starts as they finish.
        const parts = readMemberParts(claimed);
        for (const p of parts) p.rows.catch(() => undefined); // awaited by streamedBatches; not unhandled if triage fails
        const { live, closing } = await triage(claimed, now);
        for (const c of closing) result[c.state] += 1;
        await sendBatches(deps, now, live.map((l) => l.reminder), streamedBatches(live, deps.config.timezone, parts), opts, result);
      }
      if (aheadMs > 0 && !opts.signal?.aborted) await planAhead(now, leaseMs, result);
      return result;
    },
    async release() {
      for (const plan of plans.values()) await releasePlanned(plan.claimTokens, plan.dueAt);
      plans.clear();
    },
  };
}

/** Sends every reminder due at `now`, reading its audience now (no plan). */
export async function sendDueReminders(deps: DispatchDeps, now: Date, opts: SendDueOptions = {}): Promise<SendDueResult> {
  return createReminderDispatcher({ ...deps, planAheadMs: 0 }).tick(now, opts);
}
