import type { Logger } from "../logger";
import type { Outbox } from "../line/outbox";
import { MAX_MULTICAST_RECIPIENTS } from "../line/limits";
import { acquireLease, type Lease } from "../locks/claim";
import { Announcement, type AnnouncementDoc } from "../models/announcement.model";
import { OutboxMessage, recipientsOf } from "../models/outbox-message.model";
import { canBroadcast, countAudience, streamAudience, type AudienceSpec } from "./announcement-audience.service";
import { auditAnnouncement } from "./announcement-audit";
import { messagesOf } from "./announcement-content";
import { recordOutcome } from "./announcement-report";
import { QuotaError, checkQuota, type QuotaReader } from "./announcement.service";
import { RowSender, type RowOutcome } from "./reminder-sender.service";

// Sends scheduled announcements, each recipient exactly once, across replicas and restarts:
// - One sender at a time: a lease in time slots (locks/claim.ts). A replica that dies
//   mid-send lets its lease lapse; the next tick anywhere resumes the send.
// - Chunk n of revision r is the outbox row "announcement:<id>:r<r>#n" (unique dedupe
//   key, stored X-Line-Retry-Key). A resumed send first reads the rows that exist, re-tries
//   those not finished (LINE answers 409 to one it had accepted) and leaves their
//   recipients out of new chunks. Two senders racing for chunk n both get the one row.
// - The audience is streamed from the database and sent 500 at a time while the rest
//   is still being read, paced to LINE's 200 multicasts/s by the outbox.
// - The whole account, with nobody muted, goes by one broadcast (60 an hour, paced).
// - The quota is checked before the first request; a monthly-quota 429 stops the send.
export interface AnnouncementSenderDeps {
  outbox: Outbox;
  logger: Logger;
  owner: string;
  now: () => Date;
  quota: QuotaReader;
  baseUrl: string;
  /** Outbox rows in flight at once (the pacer bounds the rate); default SEND_CONCURRENCY. */
  concurrency?: number;
  /** Real time to keep retrying 5xx/timeouts/rate limits in one go. */
  retryBudgetMs?: number;
  leaseSlotMs?: number;
}

export const ANNOUNCEMENT_PURPOSE = "announcement";
/** Outbox rows being inserted at once while the audience is read. */
const MAKING = 8;
/**
 * Requests in flight at once. LINE allows 200 multicasts a second; at a round trip of
 * r seconds, reaching that takes 200 × r requests in flight (Little's law), so the
 * earlier 8 capped a send at 80 requests/s over a 100 ms round trip. 40 covers a
 * 200 ms round trip; the pacer still holds the rate to LINE's limit.
 */
export const SEND_CONCURRENCY = 40;

export interface AnnouncementSender {
  /** Starts sending what is due (in the background); resolves with how many it started. */
  tick(now?: Date): Promise<number>;
  /** Sends one announcement now if it is due and no one else holds it; resolves when done. */
  sendNow(id: string): Promise<AnnouncementDoc | null>;
  /** Waits for sends in flight. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createAnnouncementSender(deps: AnnouncementSenderDeps): AnnouncementSender {
  const running = new Map<string, Promise<AnnouncementDoc | null>>();
  const abort = new AbortController();
  const slotMs = deps.leaseSlotMs ?? 60_000;

  async function send(id: string): Promise<AnnouncementDoc | null> {
    const lease = await acquireLease(`announcement:${id}`, deps.owner, deps.now(), slotMs);
    if (!lease) return null;
    const renew = setInterval(() => void lease.renew(deps.now()).catch(() => undefined), slotMs / 3);
    try {
      const a = await Announcement.findById(id);
      if (!a || !(a.state === "scheduled" || a.state === "sending") || (a.sendAt?.getTime() ?? 0) > deps.now().getTime()) return null;
      return await deliver(a, lease);
    } finally {
      clearInterval(renew);
      await lease.release().catch(() => undefined);
    }
  }

  /** The quota check before the first request: the audience is counted only when the plan has a monthly limit. */
  async function quotaRefusal(a: AnnouncementDoc): Promise<AnnouncementDoc | null> {
    const q = await deps.quota.messageQuota();
    if (q.limit === null) return null;
    try {
      await checkQuota({ messageQuota: async () => q }, await countAudience(a.audience as AudienceSpec));
      return null;
    } catch (err) {
      if (!(err instanceof QuotaError)) throw err;
      await Announcement.updateOne({ _id: a._id }, { $set: { state: "failed", reason: `quota: needs ${err.needed}, ${Math.max(0, err.limit - err.used)} of ${err.limit} left`, finishedAt: deps.now() } });
      await auditAnnouncement(a, undefined, "announcement.failed", deps.now(), { reason: "quota", needed: err.needed, limit: err.limit, used: err.used });
      return Announcement.findById(a._id);
    }
  }

  async function deliver(a: AnnouncementDoc, _lease: Lease): Promise<AnnouncementDoc> {
    const startedAt = deps.now();
    const refId = `announcement:${String(a._id)}:r${a.revision}`;
    const existing = await OutboxMessage.find({ purpose: ANNOUNCEMENT_PURPOSE, refId });
    const audience = a.audience as AudienceSpec;
    if (a.state === "scheduled") {
      await Announcement.updateOne({ _id: a._id, state: "scheduled" }, { $set: { state: "sending", startedAt } });
      if (existing.length === 0) {
        const refused = await quotaRefusal(a);
        if (refused) return refused;
      }
    }
    const sender = new RowSender(deps.outbox, deps.now, deps.concurrency ?? SEND_CONCURRENCY, deps.retryBudgetMs ?? 20_000, abort.signal);
    const messages = messagesOf(a, deps.baseUrl);
    const outcomes: RowOutcome[] = [];
    const sends: Promise<void>[] = [];
    const go = (row: (typeof existing)[number]) => sends.push(sender.send(row).then((o) => void outcomes.push(o)));
    let planned = 0;
    const broadcast = existing.length > 0 ? existing[0]!.kind === "broadcast" : await canBroadcast(audience);
    if (broadcast) {
      planned = await countAudience(audience);
      const [row] = await deps.outbox.enqueue({ kind: "broadcast", messages, dedupeKey: `${refId}#b`, purpose: ANNOUNCEMENT_PURPOSE, refId }, { sendNow: true });
      go(row!);
    } else {
      const taken = new Set<string>();
      for (const row of existing) {
        for (const u of recipientsOf(row)) taken.add(u);
        go(row);
      }
      planned = taken.size;
      let n = existing.length;
      let pending: string[] = [];
      let back: string[] = [];
      const making = new Set<Promise<void>>();
      // Chunk n's row is made (inserted, or adopted if another sender made it) while the
      // audience is still being read; at most MAKING rows at once.
      const make = async (proposal: string[], key: string) => {
        const [row] = await deps.outbox.enqueue({ kind: "multicast", to: proposal, messages, dedupeKey: key, purpose: ANNOUNCEMENT_PURPOSE, refId }, { sendNow: true });
        const got = recipientsOf(row!);
        for (const u of got) if (!taken.has(u)) (taken.add(u), (planned += 1));
        // Another sender made this chunk with other people: ours go round again.
        const gotSet = new Set(got);
        back.push(...proposal.filter((u) => !gotSet.has(u) && !taken.has(u)));
        go(row!);
      };
      const flush = async (all: boolean) => {
        while (pending.length >= MAX_MULTICAST_RECIPIENTS || (all && pending.length > 0)) {
          if (sender.stopped) return;
          const proposal = pending.slice(0, MAX_MULTICAST_RECIPIENTS);
          pending = pending.slice(proposal.length);
          const p: Promise<void> = make(proposal, `${refId}#${n++}`).finally(() => making.delete(p));
          making.add(p);
          if (making.size >= MAKING) await Promise.race(making);
        }
      };
      for await (const batch of streamAudience(audience, MAX_MULTICAST_RECIPIENTS)) {
        for (const u of batch) if (!taken.has(u)) pending.push(u);
        await flush(false);
        if (sender.stopped) break;
      }
      for (;;) {
        await flush(true);
        await Promise.all(making);
        if (back.length === 0 || sender.stopped) break;
        pending = back.filter((u) => !taken.has(u));
        back = [];
      }
    }
    await Promise.all(sends);
    if (sender.quotaExhausted) await sender.closeUntried(outcomes.map((o) => o.row));
    return recordOutcome(a, { outcomes, planned, mode: broadcast ? "broadcast" : "multicast", owner: deps.owner, now: deps.now(), quotaStopped: sender.quotaExhausted, aborted: abort.signal.aborted });
  }

  const start = (id: string): Promise<AnnouncementDoc | null> => {
    const have = running.get(id);
    if (have) return have;
    const p = send(id)
      .catch((err: Error) => {
        deps.logger.error("announcement send failed", { id, err });
        return null;
      })
      .finally(() => running.delete(id));
    running.set(id, p);
    return p;
  };

  return {
    async tick(now = deps.now()) {
      if (abort.signal.aborted) return 0;
      const due = await Announcement.find({ $or: [{ state: "scheduled", sendAt: { $lte: now } }, { state: "sending" }] }, { _id: 1 }).lean();
      let started = 0;
      for (const d of due) {
        if (running.has(String(d._id))) continue;
        void start(String(d._id));
        started += 1;
      }
      return started;
    },
    sendNow: (id) => start(id),
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
    async stop() {
      abort.abort();
      await Promise.all([...running.values()]);
    },
  };
}
