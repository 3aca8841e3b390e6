import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import type { RowOutcome } from "./reminder-sender.service";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import { Reminder, type ReminderDoc } from "../models/reminder.model";
import { buildAudiences } from "./reminder-audience.service";
import { loadMemberIndex, type MemberIndex } from "./reminder-members";

// The steps of a dispatch that read the database before anything is sent: claiming
// reminders, sorting out those that must not go, and grouping the rest into batches
// of identical messages. reminder-dispatch.service.ts runs them either at the due
// tick or ahead of it (a plan), and then sends.
export interface Batch {
  key: string;
  dueAt: Date;
  messages: messagingApi.Message[];
  recipients: string[];
  /** recipient → the reminder it is counted for (its first reminder in the batch). */
  owner: Map<string, string>;
  rows: RowOutcome[];
}

export type Closing = { reminder: ReminderDoc; state: "missed" | "cancelled"; reason: string };

/** One unordered bulk write, of any size (the driver splits it at the server's limit). */
export async function bulkUpdate(ops: Parameters<typeof Reminder.bulkWrite>[0]): Promise<void> {
  if (ops.length > 0) await Reminder.bulkWrite(ops, { ordered: false });
}

/** Due reminders, and those whose holder's lease ran out (sending or planned), become ours. */
export async function claimDue(owner: string, now: Date, leaseMs: number): Promise<ReminderDoc[]> {
  const claimToken = randomUUID();
  await Reminder.updateMany(
    { $or: [{ state: "pending", dueAt: { $lte: now } }, { state: { $in: ["sending", "planned"] }, leaseUntil: { $lt: now } }] },
    { $set: { state: "sending", claimedBy: owner, claimToken, leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
  return Reminder.find({ claimToken, state: "sending" }).sort({ reminderKey: 1 });
}

/** Reminders due after `now` and by `until` become ours to plan; the lease lasts past the last due time. */
export async function claimAhead(owner: string, now: Date, until: Date, leaseMs: number): Promise<{ claimToken: string; reminders: ReminderDoc[] }> {
  const claimToken = randomUUID();
  await Reminder.updateMany(
    { state: "pending", dueAt: { $gt: now, $lte: until } },
    { $set: { state: "planned", claimedBy: owner, claimToken, leaseUntil: new Date(until.getTime() + leaseMs) } },
  );
  return { claimToken, reminders: await Reminder.find({ claimToken, state: "planned" }).sort({ reminderKey: 1 }) };
}

/** Gives a plan's reminders of one due time back to the due path (after an edit made the plan stale). */
export async function releasePlanned(claimTokens: string[], dueAt: Date): Promise<void> {
  await Reminder.updateMany({ claimToken: { $in: claimTokens }, dueAt, state: "planned" }, { $set: { state: "pending" }, $unset: { claimToken: 1, leaseUntil: 1 } });
}

/** Cancelled meetings, meetings already started, and earlier offsets overtaken by a later one. */
export async function triage(claimed: ReminderDoc[], now: Date): Promise<{ live: { reminder: ReminderDoc; meeting: MeetingDoc }[]; closing: Closing[] }> {
  const meetingIds = [...new Set(claimed.map((r) => String(r.meetingId)))];
  const meetings = new Map((await Meeting.find({ _id: { $in: meetingIds } })).map((m) => [String(m._id), m]));
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
  if (closing.length > 0) {
    await bulkUpdate(closing.map((c) => ({ updateOne: { filter: { _id: c.reminder._id }, update: { $set: { state: c.state, reason: c.reason } } } })));
  }
  return { live, closing };
}

/**
 * Triage and the read of the claimed reminders' members at once: both need only the
 * claim, and the members of a reminder triage closes are merely read in vain. On the
 * province fan-out the meetings' read (about 0.3 s) then overlaps the members' (1.2–1.5 s).
 */
export async function triageAndRead(claimed: ReminderDoc[], now: Date): Promise<Awaited<ReturnType<typeof triage>> & { members: MemberIndex }> {
  const [triaged, members] = await Promise.all([triage(claimed, now), loadMemberIndex(claimed)]);
  return { ...triaged, members };
}

/**
 * Audiences with identical messages (same meeting time, place, agenda, offset) form
 * one batch, keyed by due time + content hash, recipients ordered by reminder.
 */
export async function buildBatches(live: { reminder: ReminderDoc; meeting: MeetingDoc }[], timeZone: string, members?: MemberIndex): Promise<Batch[]> {
  const batches = new Map<string, Batch>();
  for (const a of await buildAudiences(live, timeZone, members)) {
    const key = `reminder:${a.reminder.dueAt.getTime().toString(36)}:${a.contentHash}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { key, dueAt: a.reminder.dueAt, messages: a.messages, recipients: [], owner: new Map(), rows: [] }));
    const id = String(a.reminder._id); // once per audience, not per recipient
    for (const u of a.recipients) {
      if (b.owner.has(u)) continue; // a kamnan of several villages meeting together gets one message
      b.owner.set(u, id);
      b.recipients.push(u);
    }
  }
  return [...batches.values()];
}
