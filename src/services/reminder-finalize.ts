import type { Batch } from "./reminder-batches";
import { bulkUpdate } from "./reminder-batches";
import type { RowOutcome, RowSender } from "./reminder-sender.service";
import { recipientsOf } from "../models/outbox-message.model";
import { Reminder, type ReminderDoc } from "../models/reminder.model";
import type { SendDueResult } from "./reminder-dispatch.service";

// After a dispatch has sent its batches: each reminder's outcome, and its attempts
// with LINE's request ids, for the delivery log.
export interface FinalizeDeps {
  owner: string;
  now: () => Date;
}

/** Writes each reminder's outcome and its attempts (with LINE request ids) for the delivery log. */
export async function finalize(deps: FinalizeDeps, now: Date, reminders: ReminderDoc[], batches: Batch[], sender: RowSender, result: SendDueResult): Promise<void> {
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
      for (const u of recipientsOf(outcome.row)) {
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
