import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import type { RowOutcome } from "./reminder-sender.service";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import { Reminder, type ReminderDoc } from "../models/reminder.model";
import { buildAudiences, type Audience } from "./reminder-audience.service";
import { indexMembers, loadMemberIndex, type MemberIndex, type MemberPart } from "./reminder-members";
import type { Feed } from "./reminder-send";

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
 * province fan-out the meetings' read (0.1–0.3 s) then overlaps the members' (1.2–1.5 s).
 */
export async function triageAndRead(claimed: ReminderDoc[], now: Date): Promise<Awaited<ReturnType<typeof triage>> & { members: MemberIndex }> {
  const [triaged, members] = await Promise.all([triage(claimed, now), loadMemberIndex(claimed)]);
  return { ...triaged, members };
}

type Item = { reminder: ReminderDoc; meeting: MeetingDoc };

/**
 * Audiences with identical messages (same meeting time, place, agenda, offset) form
 * one batch, keyed by due time + content hash; `start` hears of each new batch.
 */
function addAudiences(batches: Map<string, Batch>, audiences: Audience[], start?: (b: Batch) => void): void {
  for (const a of audiences) {
    const key = `reminder:${a.reminder.dueAt.getTime().toString(36)}:${a.contentHash}`;
    let b = batches.get(key);
    if (!b) {
      batches.set(key, (b = { key, dueAt: a.reminder.dueAt, messages: a.messages, recipients: [], owner: new Map(), rows: [] }));
      start?.(b);
    }
    const id = String(a.reminder._id); // once per audience, not per recipient
    for (const u of a.recipients) {
      if (b.owner.has(u)) continue; // a kamnan of several villages meeting together gets one message
      b.owner.set(u, id);
      b.recipients.push(u);
    }
  }
}

/** The batches of these reminders, recipients ordered by reminder. */
export async function buildBatches(live: Item[], timeZone: string, members?: MemberIndex): Promise<Batch[]> {
  const batches = new Map<string, Batch>();
  addAudiences(batches, await buildAudiences(live, timeZone, members));
  return [...batches.values()];
}

/**
 * The batches filled part by part as the members' reads (readMemberParts) finish,
 * for sendBatches: rows go out while later parts are still read. On the province
 * fan-out the read takes 1.2–1.5 s, about as long as the sending after it did.
 */
export function streamedBatches(live: Item[], timeZone: string, parts: MemberPart[]) {
  return async (start: (b: Batch) => void, feed: Feed): Promise<Batch[]> => {
    const batches = new Map<string, Batch>();
    const byTambon = new Map<string, Item[]>();
    const district: Item[] = [];
    for (const item of live) {
      if (item.reminder.scope === "district") district.push(item);
      else {
        const t = item.reminder.tambonCode!;
        const list = byTambon.get(t);
        if (list) list.push(item);
        else byTambon.set(t, [item]);
      }
    }
    await Promise.all(
      parts.map(async (p) => {
        const index = indexMembers([{ tambons: p.tambons, rows: await p.rows }]);
        const items = p.tambons ? [...p.tambons].flatMap((t) => byTambon.get(t) ?? []) : district;
        addAudiences(batches, await buildAudiences(items, timeZone, index), start);
        feed.grew();
      }),
    );
    return [...batches.values()];
  };
}
