import type { Types } from "mongoose";
import { isDuplicateKeyError } from "../errors";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import { Reminder, type ReminderDoc } from "../models/reminder.model";
import { markPlannedOf, markReplan } from "./reminder-replan";
import { occurrencesBetween, parseReminderOffsets, reminderDueAt, type Recurrence } from "../util/recurrence";

// Reminder documents: made for a rolling horizon when a meeting is created or edited
// (and topped up by the scheduler), moved or withdrawn with the meeting, and read back
// as the delivery log. Sending is reminder-dispatch.service.ts.
export interface ScheduleConfig {
  timezone: string;
  /** REMINDER_OFFSETS, e.g. "3d@08:00,1d@08:00,2h". */
  reminderOffsets: string;
}

/** Reminders exist this far ahead; the scheduler extends the horizon as days pass. */
export const HORIZON_DAYS = 45;
const DAY_MS = 86_400_000;

/** A plain rule from the stored subdocument (mongoose adds nulls and methods). */
export function recurrenceOf(m: Pick<MeetingDoc, "recurrence">): Recurrence {
  const r = m.recurrence as unknown as Record<string, unknown>;
  const opt = (k: string) => (typeof r[k] === "string" && r[k] ? { [k]: r[k] as string } : {});
  if (r.kind === "once") return { kind: "once", date: String(r.date), time: String(r.time) };
  if (r.kind === "monthly-day") return { kind: "monthly-day", day: Number(r.day), time: String(r.time), ...opt("from"), ...opt("until") };
  return { kind: "monthly-weekday", nth: Number(r.nth) as 1, weekday: Number(r.weekday) as 0, time: String(r.time), ...opt("from"), ...opt("until") };
}

export function reminderKeyOf(meetingId: Types.ObjectId | string, occurrence: Date, offset: string): string {
  return `${String(meetingId)}|${occurrence.toISOString()}|${offset}`;
}

/**
 * Makes the reminders of the meeting's occurrences within the horizon. Only future due
 * times are made: a meeting created late gets the reminders it still can. With rebuild
 * (after an edit), pending reminders whose occurrence or offset no longer exists are
 * withdrawn, and the rest take the new due time.
 */
export async function materializeReminders(meeting: MeetingDoc, cfg: ScheduleConfig, now: Date, opts: { rebuild?: boolean } = {}): Promise<number> {
  if (meeting.state !== "active") return withdrawReminders(meeting._id, "meeting-cancelled");
  const offsets = parseReminderOffsets(cfg.reminderOffsets);
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY_MS);
  const wanted = new Map<string, { occurrenceStart: Date; offset: string; dueAt: Date }>();
  for (const start of occurrencesBetween(recurrenceOf(meeting), now, horizon, cfg.timezone)) {
    for (const offset of offsets) {
      const dueAt = reminderDueAt(start, offset, cfg.timezone);
      if (dueAt.getTime() > now.getTime()) wanted.set(reminderKeyOf(meeting._id, start, offset.key), { occurrenceStart: start, offset: offset.key, dueAt });
    }
  }
  if (opts.rebuild) {
    // A planned reminder was built from the meeting as it was: the marker makes its due
    // tick drop that plan, and the reminder goes back to pending with the rest.
    const unsent = await Reminder.find({ meetingId: meeting._id, state: { $in: ["pending", "planned"] } }, { reminderKey: 1, dueAt: 1, state: 1 }).lean();
    await markReplan(unsent.filter((r) => r.state === "planned").map((r) => r.dueAt));
    for (const r of unsent) {
      const w = wanted.get(r.reminderKey);
      const filter = { _id: r._id, state: r.state };
      if (!w) await Reminder.updateOne(filter, { $set: { state: "cancelled", reason: "meeting-changed" } });
      else await Reminder.updateOne(filter, { $set: { state: "pending", dueAt: w.dueAt, meetingRevision: meeting.revision } });
    }
  }
  const area = { scope: meeting.scope, districtCode: meeting.districtCode, tambonCode: meeting.tambonCode ?? undefined, villageNo: meeting.villageNo ?? undefined };
  const docs = [...wanted].map(([reminderKey, w]) => ({ reminderKey, meetingId: meeting._id, meetingRevision: meeting.revision, ...area, ...w, state: "pending" }));
  let created = 0;
  if (docs.length > 0) {
    try {
      created = (await Reminder.insertMany(docs, { ordered: false })).length;
    } catch (err) {
      // Already made (an earlier run, another replica): the unique reminderKey keeps one.
      const e = err as { insertedDocs?: unknown[]; writeErrors?: { code?: number; err?: { code?: number } }[] };
      const all = e.writeErrors ?? [];
      if (!isDuplicateKeyError(err) && !(all.length > 0 && all.every((w) => (w.code ?? w.err?.code) === 11000))) throw err;
      created = e.insertedDocs?.length ?? 0;
    }
  }
  await Meeting.updateOne({ _id: meeting._id }, { $set: { materializedUntil: horizon } });
  return created;
}

/** Withdraws every reminder of the meeting that has not gone out. */
export async function withdrawReminders(meetingId: Types.ObjectId, reason: string): Promise<number> {
  await markPlannedOf(meetingId);
  const r = await Reminder.updateMany({ meetingId, state: { $in: ["pending", "planned"] } }, { $set: { state: "cancelled", reason } });
  return r.modifiedCount;
}

/** Tops up the horizon of meetings whose reminders run out within a day (run by the scheduler). */
export async function extendHorizon(cfg: ScheduleConfig, now: Date): Promise<number> {
  const soon = new Date(now.getTime() + (HORIZON_DAYS - 1) * DAY_MS);
  const stale = await Meeting.find({ state: "active", $or: [{ materializedUntil: { $lt: soon } }, { materializedUntil: null }] });
  let made = 0;
  for (const m of stale) made += await materializeReminders(m, cfg, now);
  return made;
}

export interface DeliveryLogEntry {
  reminderId: string;
  occurrenceStart: Date;
  offset: string;
  dueAt: Date;
  state: string;
  reason?: string;
  sentAt?: Date;
  lateByMs?: number;
  recipientCount?: number;
  acknowledged: number;
  attempts: { at: Date; chunkKey: string; recipients: number; status?: number; outcome: string; requestId?: string; error?: string }[];
}

/** The dashboard's delivery log of one meeting: each reminder, its state, attempts and LINE request ids. */
export async function getDeliveryLog(meetingId: Types.ObjectId | string): Promise<DeliveryLogEntry[]> {
  const rows: ReminderDoc[] = await Reminder.find({ meetingId }).sort({ occurrenceStart: 1, dueAt: 1 });
  return rows.map((r) => ({
    reminderId: String(r._id),
    occurrenceStart: r.occurrenceStart,
    offset: r.offset,
    dueAt: r.dueAt,
    state: r.state,
    reason: r.reason ?? undefined,
    sentAt: r.sentAt ?? undefined,
    lateByMs: r.lateByMs ?? undefined,
    recipientCount: r.recipientCount ?? undefined,
    acknowledged: r.acks.length,
    attempts: r.attempts.map((a) => ({
      at: a.at,
      chunkKey: a.chunkKey,
      recipients: a.recipients,
      status: a.status ?? undefined,
      outcome: a.outcome,
      requestId: a.requestId ?? undefined,
      error: a.error ?? undefined,
    })),
  }));
}

/**
 * "รับทราบ": records the member's acknowledgement on the sent reminders of that
 * occurrence and offset that reached their area. Idempotent per user.
 */
export async function acknowledgeReminder(
  member: { lineUserId: string; role?: string | null; village?: { districtCode: string; tambonCode: string; villageNo: number } | null },
  occurrenceStart: Date,
  offset: string,
  now: Date,
): Promise<number> {
  const v = member.village;
  if (!v) return 0;
  const leader = member.role === "headman" || member.role === "kamnan";
  const or: Record<string, unknown>[] = [{ scope: "village", tambonCode: v.tambonCode, villageNo: v.villageNo }];
  if (member.role === "kamnan") or.push({ scope: "village", tambonCode: v.tambonCode });
  if (leader) or.push({ scope: "district", districtCode: v.districtCode });
  const matches = await Reminder.find({ occurrenceStart, offset, state: "sent", $or: or }, { acks: 1 });
  let n = 0;
  for (const r of matches) {
    if (r.acks.some((a) => a.userId === member.lineUserId)) continue;
    await Reminder.updateOne({ _id: r._id, "acks.userId": { $ne: member.lineUserId } }, { $push: { acks: { userId: member.lineUserId, at: now } } });
    n += 1;
  }
  return n;
}
