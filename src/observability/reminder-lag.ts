import { Reminder } from "../models/reminder.model";

// Reminder lag: how long the oldest due reminder has waited without going out.
// A healthy scheduler keeps this under one tick (a minute); a growing value
// means the scheduler is down, or LINE is refusing the multicasts.
const UNSENT = ["pending", "planned", "sending"];

export async function reminderLagSeconds(now: Date): Promise<number> {
  const oldest = await Reminder.findOne({ state: { $in: UNSENT }, dueAt: { $lte: now } }, { dueAt: 1 })
    .sort({ dueAt: 1 })
    .lean();
  return oldest ? Math.max(0, (now.getTime() - oldest.dueAt.getTime()) / 1000) : 0;
}
