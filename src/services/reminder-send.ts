import type { Outbox } from "../line/outbox";
import { MAX_MULTICAST_RECIPIENTS } from "../line/limits";
import { recipientsOf } from "../models/outbox-message.model";
import type { ReminderDoc } from "../models/reminder.model";
import type { Batch } from "./reminder-batches";
import type { DispatchDeps, SendDueOptions, SendDueResult } from "./reminder-dispatch.service";
import { finalize } from "./reminder-finalize";
import { RowSender } from "./reminder-sender.service";

// Step 3 and 4 of a dispatch (reminder-dispatch.service.ts): the chunk plan of each
// batch and the sending of its rows, then each reminder's outcome. Batches may still
// be filling while they are sent (audiences read at the due tick arrive part by part,
// reminder-batches.ts streamedBatches): a Feed says when they grew and when they are complete.
const PURPOSE = "meeting-reminder";

/** Wakes the planners waiting for more recipients; once closed, the batches are complete. */
export class Feed {
  private waiters: (() => void)[] = [];
  open = true;

  grew(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  close(): void {
    this.open = false;
    this.grew();
  }

  next(): Promise<void> {
    return this.open ? new Promise((r) => this.waiters.push(r)) : Promise.resolve();
  }
}

async function planAndSend(batch: Batch, outbox: Outbox, sender: RowSender, feed?: Feed): Promise<void> {
  const taken = new Set<string>();
  let cursor = 0;
  const sends: Promise<void>[] = [];
  for (let n = 0; !sender.stopped; n++) {
    const start = cursor;
    const proposal: string[] = [];
    for (; cursor < batch.recipients.length && proposal.length < MAX_MULTICAST_RECIPIENTS; cursor++) {
      const u = batch.recipients[cursor]!;
      if (!taken.has(u)) proposal.push(u);
    }
    if (proposal.length < MAX_MULTICAST_RECIPIENTS && feed?.open) {
      // More may come: a full row later rather than a short one now (each row is one of LINE's 200 requests/s).
      cursor = start;
      n -= 1;
      await feed.next();
      continue;
    }
    if (proposal.length === 0) break;
    const [row] = await outbox.enqueue({ kind: "multicast", to: proposal, messages: batch.messages, dedupeKey: `${batch.key}#${n}`, purpose: PURPOSE, refId: batch.key }, { sendNow: true });
    for (const u of recipientsOf(row!)) taken.add(u);
    // Recipients we proposed that the existing row did not take go back in line.
    const missing = proposal.filter((u) => !taken.has(u));
    if (missing.length > 0) {
      batch.recipients.splice(cursor, 0, ...missing);
    }
    sends.push(sender.send(row!).then((outcome) => void batch.rows.push(outcome)));
  }
  await Promise.all(sends);
}

/**
 * Sends batches and writes the reminders' outcomes. `fill` supplies the batches: it
 * calls `start` for each as soon as it exists (it may keep adding recipients while
 * `feed` is open) and resolves with all of them.
 */
export async function sendBatches(
  deps: DispatchDeps,
  now: Date,
  reminders: ReminderDoc[],
  fill: (start: (b: Batch) => void, feed: Feed) => Promise<Batch[]>,
  opts: SendDueOptions,
  result: SendDueResult,
): Promise<void> {
  const sender = new RowSender(deps.outbox, deps.now, opts.concurrency ?? 8, opts.retryBudgetMs ?? 20_000, opts.signal);
  const feed = new Feed();
  const sends: Promise<void>[] = [];
  let batches: Batch[];
  try {
    batches = await fill((b) => sends.push(planAndSend(b, deps.outbox, sender, feed)), feed);
  } finally {
    // On an error the rows made so far still go (as after a crash, a later tick completes them).
    feed.close();
    await Promise.allSettled(sends);
  }
  await Promise.all(sends);
  if (sender.quotaExhausted) {
    await sender.closeUntried(batches.flatMap((b) => b.rows.map((r) => r.row)));
    deps.logger.error("LINE monthly message quota reached: meeting reminders stopped", { purpose: PURPOSE });
  }
  await finalize(deps, now, reminders, batches, sender, result);
}

/** For batches that are complete before sending (a plan, or a test). */
export const readyBatches =
  (batches: Batch[]) =>
  async (start: (b: Batch) => void): Promise<Batch[]> => {
    for (const b of batches) start(b);
    return batches;
  };
