import { setTimeout as delay } from "node:timers/promises";
import type { AppDeps } from "../app-deps";
import { countEventProcessed } from "../observability/metrics";
import { acquireChatLock } from "./chat-lock";
import { createPointerReader, openRowOf, readOldestOpen, type Pointer } from "./inbox-queue";
import type { IngestLoad, LoadLevel } from "./ingest-load";
import { processInboxEvent } from "./process-event";
import type { Route } from "./router";

// Drains the inbox: in order within a chat, in parallel across chats (bounded).
// The webhook route kicks it; a poller also picks up what a crashed or other
// replica left behind, and what was stored while this process was down.
// While the webhook is busy, a quarter of the chats at once; in a surge, one (ingest-load.ts). Measured against one
// chat at a time with a 25 ms pause between events (2 cores, on the earlier test database):
// backlog worked off at 43 against 24 events/s, 1,623 against 1,129 of 4,000 events
// answered within 30 s at 200 events/s, ingest p99 at 500 single-event requests/s
// 78 against 274 ms (10-event requests: 189 against 138 ms), peak intake 1,018
// against 1,408 requests/s, no 503 either way. With no limit at all the backlog went
// faster still (111 events/s) but peak intake fell to 460 requests/s.
// The default concurrency is 64: against 16 (with the writes of concurrent chats
// then sent together), the backlog went at 227 against 106 events/s, 3,374
// against 2,359 of 4,000 events were answered within 30 s at 200 events/s, and
// pledges at 100/s kept up (99.7 against 86 answered/s); peak intake of 1-event
// requests fell to 982 from 1,213 requests/s (10-event requests: 298 against 246),
// still without a 503 (2026-11-27, same machine).
/** Pointers one poll reads per free drain slot, and at most in all. */
export const POLL_POINTERS_PER_SLOT = 16;
export const MAX_POLL_POINTERS = 1000;
/**
 * In a surge, a pause after each event of the one chat still handled: answers keep
 * moving (up to 20 a second) while the database and the process go to taking events
 * in. Unpaced, that one chat cost a third of peak intake (1-event requests: 7,000
 * against 10,200 requests/s with no processing at all; 2 cores, 2026-12-05).
 */
export const SURGE_PACE_MS = 50;

/** Chats handled at once at each level of webhook load (ingest-load.ts): all, a quarter, or one. */
export function concurrencyAt(level: LoadLevel, concurrency: number): number {
  if (level === "calm") return concurrency;
  return level === "busy" ? Math.max(1, Math.floor(concurrency / 4)) : 1;
}

export interface InboxWorkerOptions {
  owner: string;
  concurrency: number;
  pollMs?: number;
  leaseMs?: number;
  /** While webhooks arrive fast, fewer chats are handled at once in this process (ingest-load.ts). */
  ingestLoad?: IngestLoad;
}

export interface InboxWorker {
  kick(chatKeys: string[]): void;
  start(): void;
  stop(): Promise<void>;
  /** Resolves when nothing is running or queued in this process (tests, shutdown). */
  idle(): Promise<void>;
  pollOnce(): Promise<void>;
}

export function createInboxWorker(deps: AppDeps, routes: readonly Route[], opts: InboxWorkerOptions): InboxWorker {
  const leaseMs = opts.leaseMs ?? 15_000;
  const active = new Set<string>();
  const again = new Set<string>();
  const queue: string[] = [];
  const queued = new Set<string>();
  const hints = new Map<string, Pointer[]>(); // from the last poll
  const idleWaiters: (() => void)[] = [];
  const openPointers = createPointerReader();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let polling: Promise<void> | undefined;
  // While the webhook is busy, fewer chats at once (ingest-load.ts says why).
  const limit = () => concurrencyAt(opts.ingestLoad?.level() ?? "calm", opts.concurrency);

  const settleIdle = () => {
    if (active.size === 0 && queue.length === 0) idleWaiters.splice(0).forEach((r) => r());
  };

  async function drain(chatKey: string): Promise<void> {
    const acquiredAt = deps.now();
    const lock = await acquireChatLock(chatKey, opts.owner, acquiredAt, leaseMs);
    if (!lock) return; // another worker has it
    // The lease covers this time slot and the next; it is extended when the slot turns.
    let slot = Math.floor(acquiredAt.getTime() / leaseMs);
    try {
      // A chat the poller found starts from the poller's read of the queue; a chat
      // a webhook kicked reads its own (the poller's may predate the new event).
      const hint = hints.get(chatKey);
      hints.delete(chatKey);
      let pointers = hint ?? (await openPointers(chatKey));
      for (;;) {
        if (active.size > limit()) {
          again.add(chatKey); // step aside; the chat goes back in line
          break;
        }
        if (pointers.length === 0) {
          // All this drain saw is done. Read the queue again only when this process
          // was told of new events for the chat meanwhile; the poller brings the rest
          // (another replica's webhooks, what a crash left).
          if (!again.delete(chatKey)) break;
          pointers = await openPointers(chatKey);
          if (pointers.length === 0) break;
        }
        const row = await openRowOf(pointers.shift()!);
        if (!row) continue;
        if (row.state === "pending" && row.nextAttemptAt.getTime() > deps.now().getTime()) break; // backing off; the poller returns
        const outcome = await processInboxEvent(row, deps, routes).catch((err: unknown) => {
          countEventProcessed("error");
          throw err;
        });
        countEventProcessed(outcome);
        if (outcome === "retry-later") break; // keep the chat's order: later events wait
        // In a surge, the one chat left goes at a paced trickle (ingest-load.ts).
        if (opts.ingestLoad?.level() === "surge") await delay(SURGE_PACE_MS);
        const nowSlot = Math.floor(deps.now().getTime() / leaseMs);
        if (nowSlot !== slot) {
          if (!(await lock.renew(deps.now()))) break;
          slot = nowSlot;
        }
      }
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  function schedule(chatKey: string): void {
    if (stopped) return;
    if (active.has(chatKey)) {
      again.add(chatKey);
      return;
    }
    if (active.size >= limit()) {
      if (!queued.has(chatKey)) {
        queued.add(chatKey);
        queue.push(chatKey);
      }
      return;
    }
    active.add(chatKey);
    drain(chatKey)
      .catch((err: Error) => deps.logger.error("inbox drain failed", { err }))
      .finally(() => {
        active.delete(chatKey);
        if (again.delete(chatKey)) schedule(chatKey);
        while (queue.length > 0 && active.size < limit()) {
          const next = queue.shift()!;
          queued.delete(next);
          schedule(next);
        }
        settleIdle();
      });
  }

  async function pollOnce(): Promise<void> {
    // One read of the open inbox rows (only the backlog) gives every waiting chat its events
    // in order, so a large backlog costs one scan a poll, not one per chat. Chats
    // being drained are left alone: their drain has its own list.
    // The read is sized to the free drain slots: a backlog larger than the worker
    // takes in a second stays in MongoDB, not in this process's hints and queue
    // (each poll used to hold up to 5,000 pointers, most of them read again a second
    // later). With every slot taken and chats waiting, there is nothing to add.
    const room = opts.concurrency - active.size - queue.length;
    if (room <= 0) return;
    const limit = Math.min(MAX_POLL_POINTERS, room * POLL_POINTERS_PER_SLOT);
    const byChat = await readOldestOpen(limit);
    hints.clear();
    for (const [chatKey, pointers] of byChat) {
      if (active.has(chatKey)) continue;
      hints.set(chatKey, pointers);
      schedule(chatKey);
    }
  }

  return {
    kick: (keys) =>
      keys.forEach((k) => {
        hints.delete(k);
        schedule(k);
      }),
    pollOnce,
    start() {
      const loop = () => {
        if (stopped) return;
        polling = pollOnce()
          .catch((err: Error) => deps.logger.warn("inbox poll failed", { err: err.message }))
          .finally(() => {
            if (!stopped) timer = setTimeout(loop, opts.pollMs ?? 1000);
          });
      };
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await polling;
      queue.length = 0;
      queued.clear();
      if (active.size > 0) await new Promise<void>((r) => idleWaiters.push(r));
    },
    idle: () => (active.size === 0 && queue.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
  };
}
