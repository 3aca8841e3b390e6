import { claimOnce } from "../locks/claim";
import { Claim } from "../models/claim.model";
import { Reminder } from "../models/reminder.model";
import type { Types } from "mongoose";

// A reminder can be planned a little ahead of its due time (reminder-dispatch.service.ts):
// its audience read and its messages built, waiting in the planning process's memory.
// An edit or a cancellation of the meeting in between makes that plan stale. The edit
// leaves a marker for the due time, one insert keyed by _id; the due tick reads it by
// _id (one keyed read) and, if present, drops its plan for that minute and dispatches
// those reminders afresh.
const DAY_MS = 86_400_000;

const keyOf = (dueAt: Date) => `reminder-replan:${dueAt.getTime()}`;

export async function markReplan(dueAts: Date[]): Promise<void> {
  const unique = [...new Set(dueAts.map((d) => d.getTime()))];
  await Promise.all(unique.map((t) => claimOnce(keyOf(new Date(t)), "meeting-edit", new Date(t + DAY_MS))));
}

export async function replanMarked(dueAt: Date): Promise<boolean> {
  return (await Claim.exists({ _id: keyOf(dueAt) })) !== null;
}

/** Planned reminders of a meeting: marks their due times, so that the edit that follows wins over the plan. */
export async function markPlannedOf(meetingId: Types.ObjectId): Promise<void> {
  const planned = await Reminder.find({ meetingId, state: "planned" }, { dueAt: 1 }).lean();
  if (planned.length > 0) await markReplan(planned.map((r) => r.dueAt));
}
