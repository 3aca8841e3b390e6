import type { AppDeps } from "../app-deps";
import { InboxEvent } from "../models/inbox-event.model";
import { countEventProcessed } from "../observability/metrics";
import { acquireChatLock, releaseChatLock, renewChatLock } from "./chat-lock";
import { processInboxEvent } from "./process-event";
import type { Route } from "./router";

// Drains the inbox: in order within a chat, in parallel across chats (bounded).
// The webhook route kicks it; a poller also picks up what a crashed or other
// replica left behind, and what was stored while this process was down.
export interface InboxWorkerOptions {
  owner: string;
  concurrency: number;
  pollMs?: number;
  leaseMs?: number;
}

export interface InboxWorker {
  kick(chatKeys: string[]): void;
  start(): void;
  stop(): Promise<void>;
  /** Resolves when nothing is running or queued in this process (tests, shutdown). */
  idle(): Promise<void>;
  pollOnce(): Promise<void>;
}

const OPEN_STATES = ["pending", "processing", "committed"];

export function createInboxWorker(deps: AppDeps, routes: readonly Route[], opts: InboxWorkerOptions): InboxWorker {
  const leaseMs = opts.leaseMs ?? 15_000;
  const active = new Set<string>();
  const again = new Set<string>();
  const queue: string[] = [];
  const idleWaiters: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let polling: Promise<void> | undefined;

  const settleIdle = () => {
    if (active.size === 0 && queue.length === 0) idleWaiters.splice(0).forEach((r) => r());
  };

  async function drain(chatKey: string): Promise<void> {
    if (!(await acquireChatLock(chatKey, opts.owner, deps.now(), leaseMs))) return; // another worker has it
    try {
      for (;;) {
        const row = await InboxEvent.findOne({ chatKey, state: { $in: OPEN_STATES } }).sort({ timestamp: 1, receivedAt: 1, _id: 1 });
        if (!row) break;
        if (row.state === "pending" && row.nextAttemptAt.getTime() > deps.now().getTime()) break; // backing off; the poller returns
        const outcome = await processInboxEvent(row, deps, routes).catch((err: unknown) => {
          countEventProcessed("error");
          throw err;
        });
        countEventProcessed(outcome);
        if (outcome === "retry-later") break; // keep the chat's order: later events wait
        if (!(await renewChatLock(chatKey, opts.owner, deps.now(), leaseMs))) break;
      }
    } finally {
      await releaseChatLock(chatKey, opts.owner, deps.now(), leaseMs).catch(() => undefined);
    }
  }

  function schedule(chatKey: string): void {
    if (stopped) return;
    if (active.has(chatKey)) {
      again.add(chatKey);
      return;
    }
    if (active.size >= opts.concurrency) {
      if (!queue.includes(chatKey)) queue.push(chatKey);
      return;
    }
    active.add(chatKey);
    drain(chatKey)
      .catch((err: Error) => deps.logger.error("inbox drain failed", { err }))
      .finally(() => {
        active.delete(chatKey);
        if (again.delete(chatKey)) schedule(chatKey);
        const next = queue.shift();
        if (next) schedule(next);
        settleIdle();
      });
  }

  async function pollOnce(): Promise<void> {
    const due = await InboxEvent.aggregate<{ _id: string }>([
      { $match: { state: { $in: OPEN_STATES }, nextAttemptAt: { $lte: deps.now() } } },
      { $group: { _id: "$chatKey" } },
      { $limit: 500 },
    ]);
    for (const d of due) schedule(d._id);
  }

  return {
    kick: (keys) => keys.forEach(schedule),
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
      if (active.size > 0) await new Promise<void>((r) => idleWaiters.push(r));
    },
    idle: () => (active.size === 0 && queue.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
  };
}
