import mongoose from "mongoose";
import { InboxEvent } from "../models/inbox-event.model";
import { InboxQueue } from "../models/inbox-queue.model";
import { OutboxMessage } from "../models/outbox-message.model";
import type { Family } from "./metrics";
import { reminderLagSeconds } from "./reminder-lag";

// Backlog gauges, read from MongoDB at scrape time so that every replica reports
// the same shared queue (docs/scale-out.md says what to alert on). Counting uses
// the {state, nextAttemptAt} indexes; finished rows are never scanned.
const SCRAPE_TIMEOUT_MS = 1500;
const INBOX_OPEN = ["pending", "processing", "committed"] as const;
const OUTBOX_OPEN = ["pending", "sending"] as const;

async function countByState(model: mongoose.Model<any>, states: readonly string[]): Promise<Map<string, number>> {
  const rows = await model.aggregate<{ _id: string; n: number }>([
    { $match: { state: { $in: [...states] } } },
    { $group: { _id: "$state", n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}

async function oldestAgeSeconds(now: Date): Promise<number> {
  const row = await InboxQueue.findOne({}, { receivedAt: 1 }).sort({ receivedAt: 1 }).lean();
  return row ? Math.max(0, (now.getTime() - row.receivedAt.getTime()) / 1000) : 0;
}

async function readGauges(now: Date): Promise<Family[]> {
  const [backlog, outbox, oldest, reminderLag, deadLetters] = await Promise.all([
    InboxQueue.estimatedDocumentCount(),
    countByState(OutboxMessage, [...OUTBOX_OPEN, "failed"]),
    oldestAgeSeconds(now),
    reminderLagSeconds(now),
    InboxEvent.countDocuments({ deadLetter: true }),
  ]);
  const families: Family[] = [
    {
      name: "sujarit_inbox_backlog",
      help: "Inbox events stored and not yet finished (waiting, being handled, or being answered).",
      type: "gauge",
      samples: [{ value: backlog }],
    },
    {
      name: "sujarit_inbox_oldest_open_age_seconds",
      help: "Age of the oldest inbox event not yet done (0 when the backlog is empty).",
      type: "gauge",
      samples: [{ value: oldest }],
    },
    {
      name: "sujarit_inbox_dead_letters",
      help: "Stored events whose handler never finished after the allowed attempts; each was answered once with an apology (audit log: inbox.dead_lettered).",
      type: "gauge",
      samples: [{ value: deadLetters }],
    },
    {
      name: "sujarit_outbox_messages",
      help: "Outbox rows by state: pending (incl. sending) and failed.",
      type: "gauge",
      samples: [
        { labels: { state: "pending" }, value: (outbox.get("pending") ?? 0) + (outbox.get("sending") ?? 0) },
        { labels: { state: "failed" }, value: outbox.get("failed") ?? 0 },
      ],
    },
  ];
  families.push({
    name: "sujarit_reminder_lag_seconds",
    help: "How long the oldest due reminder has waited unsent (0 when none is due).",
    type: "gauge",
    samples: [{ value: reminderLag }],
  });
  return families;
}

/** DB gauges plus sujarit_metrics_db_up; when MongoDB is slow or down only db_up=0 is reported. */
export async function collectDbGauges(now: Date): Promise<Family[]> {
  const up = (value: number): Family => ({ name: "sujarit_metrics_db_up", help: "1 when the backlog gauges could be read from MongoDB.", type: "gauge", samples: [{ value }] });
  if (mongoose.connection.readyState !== 1) return [up(0)];
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("metrics scrape timed out")), SCRAPE_TIMEOUT_MS);
    });
    return [up(1), ...(await Promise.race([readGauges(now), timeout]))];
  } catch {
    return [up(0)];
  } finally {
    clearTimeout(timer);
  }
}
