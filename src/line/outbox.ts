import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { isDuplicateKeyError } from "../errors";
import type { Logger } from "../logger";
import { OutboxMessage, packRecipients, recipientsOf, type OutboxMessageDoc } from "../models/outbox-message.model";
import type { Sealer } from "../security/sealer";
import type { LineClient } from "./line-client";
import { LineApiError } from "./line-errors";
import { claimDueAttempt, failedAttempt, followedOnly } from "./outbox-attempt";
import { SlidingWindowPacer } from "./pacer";
import { createBroadcastPacer, type BroadcastPacer } from "./broadcast-pacer";
import { openRecipients, sealedRecipients } from "./outbox-recipients";
import { MAX_MESSAGES_PER_REQUEST, MAX_MULTICAST_RECIPIENTS, chunk } from "./limits";

export interface OutboxInput {
  kind: "push" | "multicast" | "broadcast";
  to?: string[];
  /** Rows written before sealTo: a complaint's reporterSealed, opened with the complaint's place (refId = complaint id). */
  toSealed?: string;
  /** Keep the recipients sealed in the row, never in clear (outbox-recipients.ts says why). */
  sealTo?: boolean;
  messages: messagingApi.Message[];
  dedupeKey: string;
  purpose: string;
  refId?: string;
}

export interface OutboxOptions {
  line: LineClient;
  logger: Logger;
  owner: string;
  sealer?: Sealer;
  baseDelayMs?: number;
  maxAttempts?: number;
  leaseMs?: number;
  onQuotaExhausted?: (row: OutboxMessageDoc) => void;
  now?: () => Date;
  /** LINE allows 200 multicast requests/s per channel (line.md "Rate limits"); 0 = unpaced. */
  multicastPerSecond?: number;
  /** Broadcasts: 60 requests an hour across replicas (broadcast-pacer.ts). */
  broadcastPacer?: BroadcastPacer;
}

export interface TrySendOptions {
  /** The caller filtered unfollowed members when it enqueued the row: its first attempt skips the look-up (later attempts, and rows this process did not just create, look again). */
  recipientsChecked?: boolean;
}

export interface EnqueueOptions {
  /**
   * The caller tries the rows at once (trySend with the returned row): they are
   * inserted holding their first attempt, which saves a claim, a read and a write
   * per row. Without it rows wait, due, for whoever drains the outbox.
   */
  sendNow?: boolean;
}

export interface Outbox {
  enqueue(input: OutboxInput, opts?: EnqueueOptions): Promise<OutboxMessageDoc[]>;
  /** Enqueue, then try each row once now; failures are left for the poller. */
  send(input: OutboxInput): Promise<OutboxMessageDoc[]>;
  drainDue(limit?: number): Promise<number>;
  /** Takes the row's next attempt if it is due and nobody holds it; null otherwise. Pass a row just enqueued to skip reading it back. */
  trySend(idOrRow: unknown, opts?: TrySendOptions): Promise<OutboxMessageDoc | null>;
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const base = opts.baseDelayMs ?? 1000;
  const maxAttempts = opts.maxAttempts ?? 10;
  const leaseMs = opts.leaseMs ?? 30_000;
  const now = opts.now ?? (() => new Date());
  const perSecond = opts.multicastPerSecond ?? 200;
  const multicastPacer = perSecond > 0 ? new SlidingWindowPacer(perSecond) : undefined;
  const broadcastPacer = opts.broadcastPacer ?? createBroadcastPacer();

  async function enqueue(input: OutboxInput, eo: EnqueueOptions = {}): Promise<OutboxMessageDoc[]> {
    // LINE caps: 5 messages per request, 500 multicast recipients; split into rows.
    const msgChunks = chunk(input.messages, MAX_MESSAGES_PER_REQUEST);
    const toChunks = input.kind === "multicast" ? chunk(input.to ?? [], MAX_MULTICAST_RECIPIENTS) : [input.to ?? []];
    const rows: OutboxMessageDoc[] = [];
    let n = 0;
    for (const to of toChunks) {
      for (const messages of msgChunks) {
        const dedupeKey = toChunks.length * msgChunks.length === 1 ? input.dedupeKey : `${input.dedupeKey}#${n}`;
        n += 1;
        try {
          const t = now();
          // With sendNow, born holding its first attempt (see claim below).
          const held = eo.sendNow ? { state: "sending", attempts: 1, leaseOwner: opts.owner, leaseUntil: new Date(t.getTime() + leaseMs) } : { state: "pending", attempts: 0 };
          const created = new OutboxMessage({
            dedupeKey,
            kind: input.kind,
            ...(input.sealTo && opts.sealer ? sealedRecipients(opts.sealer, packRecipients(to), dedupeKey) : { to: packRecipients(to), toSealed: input.toSealed }),
            messages: JSON.stringify(messages),
            retryKey: randomUUID(),
            ...held,
            nextAttemptAt: t,
            purpose: input.purpose,
            refId: input.refId,
            createdAt: t,
            updatedAt: t,
          });
          // Straight to the driver: the row is built and cast above, and this path runs
          // hundreds of times a second in a reminder fan-out, where mongoose's save
          // machinery was a fifth of the CPU (measured with the profiler).
          const invalid = created.validateSync();
          if (invalid) throw invalid;
          await OutboxMessage.collection.insertOne(created.toObject({ depopulate: true }));
          if (eo.sendNow) fresh.add(created);
          rows.push(created);
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          const existing = await OutboxMessage.findOne({ dedupeKey });
          if (existing) rows.push(existing);
        }
      }
    }
    return rows;
  }

  // Claiming an attempt is an insert (locks/claim.ts). The key names the row and its attempt number, so
  // one attempt has one owner; a holder that dies before recording the attempt
  // leaves a claim that expires and is swept, and the attempt is taken again.
  // Should anything still send twice, the stored retry key makes LINE answer the
  // second with 409: one delivery.
  //
  // A row enqueued with sendNow is inserted already holding its first attempt ("sending", attempts 1, a
  // lease): the unique dedupe key lets only one caller create it, so the creator
  // needs no claim, read or write before that attempt, and records its outcome with
  // one update. Should the creator die first, the lease runs out and the attempt
  // after is claimed as below; the retry key turns any repeat into LINE's 409.
  const fresh = new WeakSet<OutboxMessageDoc>();
  async function claim(idOrRow: unknown): Promise<OutboxMessageDoc | null> {
    const t = now();
    if (idOrRow instanceof OutboxMessage && fresh.has(idOrRow)) {
      fresh.delete(idOrRow);
      if ((idOrRow.leaseUntil?.getTime() ?? 0) > t.getTime()) return idOrRow;
    }
    return claimDueAttempt(idOrRow instanceof OutboxMessage ? idOrRow._id : idOrRow, { owner: opts.owner, leaseMs, now: t });
  }

  /** Makes one attempt and records it with one update, which is also applied to `row`. */
  async function deliver(row: OutboxMessageDoc, firstTry: boolean, tryOpts: TrySendOptions = {}): Promise<void> {
    const record = async (set: Record<string, unknown>, requestId?: string): Promise<void> => {
      const update = { $set: { ...set, updatedAt: now() }, ...(requestId !== undefined ? { $push: { requestIds: requestId } } : {}) };
      await OutboxMessage.collection.updateOne({ _id: row._id }, update as Parameters<typeof OutboxMessage.collection.updateOne>[1]);
      row.set(set);
      if (requestId !== undefined) row.requestIds.push(requestId);
    };
    const messages = JSON.parse(row.messages) as messagingApi.Message[];
    const recipients = row.toSealed && opts.sealer ? openRecipients(opts.sealer, row) : recipientsOf(row);
    const to = row.kind === "broadcast" || (tryOpts.recipientsChecked && firstTry) ? recipients : await followedOnly(recipients);
    if (to.length === 0 && row.kind !== "broadcast") return record({ state: "failed", lastError: "no followed recipients" });
    try {
      let r: Awaited<ReturnType<typeof opts.line.push>>;
      if (row.kind === "push") r = await opts.line.push(to[0]!, messages, row.retryKey);
      else if (row.kind === "broadcast") {
        await broadcastPacer.acquire(opts.owner);
        r = await opts.line.broadcast(messages, row.retryKey);
      }
      else {
        const answered = await multicastPacer?.acquire();
        try {
          r = await opts.line.multicast(to, messages, row.retryKey);
        } finally {
          answered?.();
        }
      }
      await record({ state: "sent", sentAt: now(), lastStatus: 200 }, r.requestId ?? "");
    } catch (err) {
      const e = err instanceof LineApiError ? err : new LineApiError("retryable", 0, String(err));
      const set = failedAttempt(e, row.attempts, { maxAttempts, baseDelayMs: base, now: now() });
      if (e.kind === "quota") opts.onQuotaExhausted?.(row);
      await record(set, e.requestId ?? "");
      opts.logger.warn("outbox send failed", { purpose: row.purpose, kind: e.kind, status: e.status, attempts: row.attempts, state: set.state });
    }
  }

  /** The row after this process's attempt, or null if the attempt was not ours to make now. */
  async function trySend(idOrRow: unknown, tryOpts?: TrySendOptions): Promise<OutboxMessageDoc | null> {
    const firstTry = idOrRow instanceof OutboxMessage && fresh.has(idOrRow);
    const row = await claim(idOrRow);
    if (!row) return null;
    await deliver(row, firstTry && row === idOrRow, tryOpts);
    return row;
  }

  return {
    enqueue,
    trySend,
    async send(input) {
      const rows = await enqueue(input, { sendNow: true });
      for (const r of rows) if (fresh.has(r) || r.state === "pending") await trySend(r);
      return rows;
    },
    async drainDue(limit = 100) {
      const t = now();
      const due = await OutboxMessage.find(
        { $or: [{ state: "pending", nextAttemptAt: { $lte: t } }, { state: "sending", leaseUntil: { $lt: t } }] },
        { _id: 1 },
      )
        .sort({ nextAttemptAt: 1 })
        .limit(limit)
        .lean();
      let sent = 0;
      for (const d of due) if (await trySend(d._id)) sent += 1;
      return sent;
    },
  };
}

