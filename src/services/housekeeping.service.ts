import { Types } from "mongoose";
import { InboxEvent } from "../models/inbox-event.model";
import { InboxJournal } from "../models/inbox-journal.model";
import { purgeOrphanEvidence } from "./evidence.service";

// Periodic clean-up, safe to run on every replica at once (each step is an
// idempotent delete of rows nobody needs any more):
// - finished inbox rows past the retention: the sealed payloads of what people
//   wrote are kept only as long as redelivery checks and audits need them; the same
//   for inbox journal rows set aside after repeated refusals (webhook/inbox-journal.ts);
// - photos of complaint drafts abandoned without a touch (a cancelled or expired
//   draft removes its own; one nobody returns to never reaches that code).
// Expired claims are swept every minute by the runtime, not here.
export const ORPHAN_EVIDENCE_AGE_MS = 24 * 3600_000; // well past the 30-minute draft expiry
const DAY_MS = 24 * 3600_000;

export interface HousekeepingResult {
  inboxRows: number;
  journalRows: number;
  orphanPhotos: number;
}

export async function runHousekeeping(now: Date, inboxRetentionDays: number): Promise<HousekeepingResult> {
  const cutoff = new Date(now.getTime() - inboxRetentionDays * DAY_MS);
  // By LINE's event time, which the poller's index {state, timestamp, …} orders: a
  // {state, receivedAt} index only for this hourly sweep cost every insert and every
  // state change a fourth index (its two dates differ by seconds, except for a
  // redelivery, which the retention of days does not notice).
  const inbox = await InboxEvent.deleteMany({ state: { $in: ["done", "skipped", "failed"] }, timestamp: { $lt: cutoff.getTime() } });
  // A journal row's ObjectId holds its arrival time, so the _id index finds the old ones.
  const journal = await InboxJournal.collection.deleteMany({ _id: { $lt: Types.ObjectId.createFromTime(Math.floor(cutoff.getTime() / 1000)) }, deadLetter: true });
  const orphanPhotos = await purgeOrphanEvidence(new Date(now.getTime() - ORPHAN_EVIDENCE_AGE_MS));
  return { inboxRows: inbox.deletedCount ?? 0, journalRows: journal.deletedCount ?? 0, orphanPhotos };
}
