import { Announcement, type AnnouncementDoc } from "../models/announcement.model";
import { recipientsOf } from "../models/outbox-message.model";
import { auditAnnouncement } from "./announcement-audit";
import type { RowOutcome } from "./reminder-sender.service";

// The outcome of a send written to the announcement (state, every attempt with LINE's
// request id and status), and the report the dashboard and the API show.
export interface SendSummary {
  outcomes: RowOutcome[];
  planned: number;
  mode: "multicast" | "broadcast";
  owner: string;
  now: Date;
  quotaStopped: boolean;
  aborted: boolean;
}

export async function recordOutcome(a: AnnouncementDoc, s: SendSummary): Promise<AnnouncementDoc> {
  const attempts = s.outcomes.flatMap((o) =>
    o.attempts.map((t) => ({ ...t, chunkKey: o.row.dedupeKey, recipients: o.row.kind === "broadcast" ? s.planned : recipientsOf(o.row).length, by: s.owner })),
  );
  const states = s.outcomes.map((o) => o.row.state);
  const set: Record<string, unknown> = { mode: s.mode, plannedRecipients: s.planned };
  const first = attempts.reduce<Date | undefined>((m, t) => (!m || t.at < m ? t.at : m), undefined);
  if (first && !a.firstRequestAt) set.firstRequestAt = first;
  let action: string | undefined;
  if (s.quotaStopped) {
    Object.assign(set, { state: "failed", reason: "quota: LINE answered 429, the monthly message limit is reached", finishedAt: s.now });
    action = "announcement.failed";
  } else if (states.includes("failed")) {
    const failed = s.outcomes.find((o) => o.row.state === "failed")!.row;
    Object.assign(set, { state: "failed", reason: (failed.lastError ?? "line-error").slice(0, 200), finishedAt: s.now });
    action = "announcement.failed";
  } else if (!s.aborted && states.every((x) => x === "sent")) {
    Object.assign(set, { state: "sent", finishedAt: s.now });
    action = "announcement.sent";
  }
  // Otherwise still "sending": rows are retried by a later tick (the lease is released).
  await Announcement.updateOne({ _id: a._id }, { $set: set, ...(attempts.length > 0 ? { $push: { attempts: { $each: attempts } } } : {}) });
  const after = (await Announcement.findById(a._id))!;
  if (action) await auditAnnouncement(after, undefined, action, s.now, { recipients: s.planned, requests: attempts.length, reason: after.reason ?? undefined });
  return after;
}

export interface AnnouncementReport {
  plannedRecipients: number;
  mode: string;
  requests: { total: number; accepted: number; duplicate: number; retried: number; failed: number };
  requestIds: string[];
  timing: { sendAt?: Date; startedAt?: Date; firstRequestAt?: Date; finishedAt?: Date; durationMs?: number };
  attempts: { at: Date; chunkKey: string; recipients: number; status?: number; outcome: string; requestId?: string; error?: string }[];
}

export function reportOf(a: AnnouncementDoc): AnnouncementReport {
  const attempts = a.attempts.map((t) => ({
    at: t.at, chunkKey: t.chunkKey, recipients: t.recipients, outcome: t.outcome,
    ...(t.status != null ? { status: t.status } : {}), ...(t.requestId ? { requestId: t.requestId } : {}), ...(t.error ? { error: t.error } : {}),
  }));
  const count = (o: string) => attempts.filter((t) => t.outcome === o).length;
  const timing: AnnouncementReport["timing"] = {};
  if (a.sendAt) timing.sendAt = a.sendAt;
  if (a.startedAt) timing.startedAt = a.startedAt;
  if (a.firstRequestAt) timing.firstRequestAt = a.firstRequestAt;
  if (a.finishedAt) timing.finishedAt = a.finishedAt;
  if (a.startedAt && a.finishedAt) timing.durationMs = a.finishedAt.getTime() - a.startedAt.getTime();
  return {
    plannedRecipients: a.plannedRecipients ?? 0,
    mode: a.mode ?? "multicast",
    requests: { total: attempts.length, accepted: count("accepted"), duplicate: count("duplicate"), retried: count("retry"), failed: count("failed") },
    requestIds: attempts.flatMap((t) => (t.requestId ? [t.requestId] : [])),
    timing,
    attempts,
  };
}
