import mongoose from "mongoose";
import { CaseClockRow } from "../models/case-clock.model";
import { InboxEvent, OPEN_INBOX_STATES } from "../models/inbox-event.model";
import { InboxJournal } from "../models/inbox-journal.model";
import { OutboxMessage } from "../models/outbox-message.model";
import { Gauge, Registry } from "prom-client";
import { reminderLagSeconds } from "./reminder-lag";

// Backlog gauges, read from MongoDB at scrape time so that every replica reports
// the same shared queue (docs/scale-out.md says what to alert on). Counting uses
// the {state, …} indexes; finished rows are never scanned.
const SCRAPE_TIMEOUT_MS = 1500;
const INBOX_OPEN = { state: { $in: [...OPEN_INBOX_STATES] } };
const OUTBOX_OPEN = ["pending", "sending"] as const;

async function countByState(model: mongoose.Model<any>, states: readonly string[]): Promise<Map<string, number>> {
  const rows = await model.aggregate<{ _id: string; n: number }>([
    { $match: { state: { $in: [...states] } } },
    { $group: { _id: "$state", n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}

/**
 * Age of the oldest waiting event: the first open one in the worker's order (LINE's
 * timestamp, then arrival, which is the oldest but for clock skew) or the oldest
 * journaled request (webhook/inbox-journal.ts), whichever arrived first.
 */
async function oldestAgeSeconds(now: Date): Promise<number> {
  const [row, journaled] = await Promise.all([
    InboxEvent.findOne(INBOX_OPEN, { receivedAt: 1 }).sort({ timestamp: 1, receivedAt: 1, _id: 1 }).lean(),
    InboxJournal.findOne({}, { receivedAt: 1 }).sort({ _id: 1 }).lean(),
  ]);
  const first = Math.min(row?.receivedAt.getTime() ?? Infinity, journaled?.receivedAt.getTime() ?? Infinity);
  return Number.isFinite(first) ? Math.max(0, (now.getTime() - first) / 1000) : 0;
}

function gauge(reg: Registry, name: string, help: string, value: number, labelNames: string[] = []): Gauge {
  const g = new Gauge({ name, help, labelNames, registers: [reg] });
  if (labelNames.length === 0) g.set(value);
  return g;
}

async function readGauges(reg: Registry, now: Date): Promise<void> {
  const [backlog, journaled, outbox, oldest, reminderLag, overdue, deadLetters] = await Promise.all([
    InboxEvent.countDocuments(INBOX_OPEN),
    InboxJournal.estimatedDocumentCount(),
    countByState(OutboxMessage, [...OUTBOX_OPEN, "failed"]),
    oldestAgeSeconds(now),
    reminderLagSeconds(now),
    CaseClockRow.countDocuments({ open: true, dueAt: { $ne: null, $lte: now } }),
    InboxEvent.countDocuments({ deadLetter: true }),
  ]);
  gauge(reg, "sujarit_inbox_backlog", "Inbox events stored and not yet finished (waiting, being handled, or being answered).", backlog);
  gauge(
    reg,
    "sujarit_inbox_journal_requests",
    "Webhook requests stored in the journal in a flood and not yet moved into the inbox (their events are not in sujarit_inbox_backlog yet); rows set aside after repeated refusals stay here (logged) until the retention purge.",
    journaled,
  );
  gauge(reg, "sujarit_inbox_oldest_open_age_seconds", "Age of the oldest inbox event not yet done, journaled ones included (0 when nothing waits).", oldest);
  gauge(reg, "sujarit_inbox_dead_letters", "Stored events whose handler never finished after the allowed attempts; each was answered once with an apology (audit log: inbox.dead_lettered).", deadLetters);
  const out = gauge(reg, "sujarit_outbox_messages", "Outbox rows by state: pending (incl. sending) and failed.", 0, ["state"]);
  out.set({ state: "pending" }, (outbox.get("pending") ?? 0) + (outbox.get("sending") ?? 0));
  out.set({ state: "failed" }, outbox.get("failed") ?? 0);
  gauge(reg, "sujarit_reminder_lag_seconds", "How long the oldest due reminder has waited unsent (0 when none is due).", reminderLag);
  gauge(reg, "sujarit_cases_overdue", "Open complaints past their deadline (docs/case-clock.md); the clocks are at most a minute old.", overdue);
}

/**
 * A registry made for one scrape: the DB gauges plus sujarit_metrics_db_up; when
 * MongoDB is slow or down only db_up=0 is reported.
 */
export async function collectDbGauges(now: Date): Promise<Registry> {
  const up = (value: number): Registry => {
    const reg = new Registry();
    gauge(reg, "sujarit_metrics_db_up", "1 when the backlog gauges could be read from MongoDB.", value);
    return reg;
  };
  if (mongoose.connection.readyState !== 1) return up(0);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("metrics scrape timed out")), SCRAPE_TIMEOUT_MS);
    });
    const reg = up(1);
    await Promise.race([readGauges(reg, now), timeout]);
    return reg;
  } catch {
    return up(0);
  } finally {
    clearTimeout(timer);
  }
}
