import { setTimeout as delay } from "node:timers/promises";
import type { mongo } from "mongoose";
import type { Logger } from "../logger";
import { InboxEvent } from "../models/inbox-event.model";
import { InboxJournal, MAX_JOURNAL_REFUSALS, type InboxJournalDoc } from "../models/inbox-journal.model";
import type { IngestLoad } from "./ingest-load";
import { failuresByIndex, type JournalGate } from "./inbox-writer";

// Moves journaled requests (models/inbox-journal.model.ts) into the inbox: the
// oldest rows first, their events inserted as prepared (a duplicate webhookEventId,
// a redelivery, is skipped by the inbox's unique _id), then the journal rows
// deleted and the worker told of the chats. Inserts and deletes are idempotent, so
// two replicas expanding the same row at once only repeat work.
// Requests go to the journal in a surge (ingest-load.ts) and for as long as it still
// holds rows, so that a chat's later events never enter the inbox before its
// earlier ones. In a surge it moves one row per pause, as the worker handles one
// chat at a trickle; the rest waits, safely stored, until the flood passes.
export const JOURNAL_READ_ROWS = 50;
export const JOURNAL_SURGE_PACE_MS = 50;

export interface JournalExpander extends JournalGate {
  start(): void;
  stop(): Promise<void>;
  /** One read and expansion of up to `limit` rows, oldest first; how many it moved into the inbox or set aside. */
  expandOnce(limit?: number): Promise<number>;
}

export interface JournalExpanderOptions {
  logger: Logger;
  kick(chatKeys: string[]): void;
  load?: IngestLoad;
  /** How often an idle expander looks for rows another process left (default 1 s). */
  pollMs?: number;
}

/**
 * Inserts the rows' events. moved: the journal rows whose events are all in the inbox
 * now (a duplicate is); refused: those with an event the database refused. A failure of
 * the whole call (the database unreachable) throws: nothing is counted against the rows.
 */
async function insertEvents(rows: InboxJournalDoc[]): Promise<{ moved: InboxJournalDoc[]; refused: InboxJournalDoc[] }> {
  const events = rows.flatMap((r) => r.rows) as unknown as mongo.Document[];
  let failed = new Set<number>();
  if (events.length > 0) {
    await InboxEvent.collection.insertMany(events, { ordered: false }).catch((err: unknown) => {
      // A duplicate is in the inbox already; a failure of the whole call (the database unreachable) throws.
      failed = new Set([...failuresByIndex(err)].filter(([, kind]) => kind === "err").map(([i]) => i));
    });
  }
  const moved: InboxJournalDoc[] = [];
  const refused: InboxJournalDoc[] = [];
  let offset = 0;
  for (const r of rows) {
    const first = offset;
    offset += r.rows.length;
    (r.rows.some((_, i) => failed.has(first + i)) ? refused : moved).push(r);
  }
  return { moved, refused };
}

export function createJournalExpander(opts: JournalExpanderOptions): JournalExpander {
  let pending = false; // the journal may hold rows: requests keep going there
  let writes = 0;
  let stopped = true;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const surge = () => opts.load?.level() === "surge";

  /** One read and expansion: how many rows it read, and how many it moved or set aside. */
  async function step(limit: number): Promise<{ read: number; progress: number }> {
    const writesBefore = writes;
    const rows = await InboxJournal.find({ deadLetter: { $ne: true } }).sort({ _id: 1 }).limit(limit).lean<InboxJournalDoc[]>();
    if (rows.length === 0) {
      if (writes === writesBefore) pending = false; // else a journal insert began during the read
      return { read: 0, progress: 0 };
    }
    pending = true;
    const { moved, refused } = await insertEvents(rows);
    if (moved.length > 0) await InboxJournal.collection.deleteMany({ _id: { $in: moved.map((r) => r._id) } });
    const chats = [...new Set(moved.flatMap((r) => r.rows.map((e) => e.chatKey)))];
    if (chats.length > 0) opts.kick(chats);
    const dead = await countRefusals(refused);
    return { read: rows.length, progress: moved.length + dead };
  }

  /** Rows the database refused an event of stay for another try; after MAX_JOURNAL_REFUSALS refusals they are set aside. */
  async function countRefusals(refused: InboxJournalDoc[]): Promise<number> {
    if (refused.length === 0) return 0;
    await InboxJournal.collection.updateMany({ _id: { $in: refused.map((r) => r._id) } }, { $inc: { refusals: 1 } });
    const dead = refused.filter((r) => (r.refusals ?? 0) + 1 >= MAX_JOURNAL_REFUSALS);
    if (dead.length > 0) {
      await InboxJournal.collection.updateMany({ _id: { $in: dead.map((r) => r._id) } }, { $set: { deadLetter: true } });
      opts.logger.error("inbox journal rows set aside: the database refused their events", { rows: dead.map((r) => String(r._id)), events: dead.reduce((n, r) => n + r.rows.length, 0) });
    }
    if (dead.length < refused.length) opts.logger.warn("inbox journal rows refused; tried again later", { rows: refused.length - dead.length });
    return dead.length;
  }

  const rest = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      wake = done;
    });

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        const { read, progress } = await step(surge() ? 1 : JOURNAL_READ_ROWS);
        if (progress > 0) {
          if (surge()) await delay(JOURNAL_SURGE_PACE_MS);
          continue;
        }
        if (read === 0 && pending) continue; // a journal insert began during the read
        await rest(opts.pollMs ?? 1000); // empty, or rows that failed: their next attempt after a pause
      } catch (err) {
        opts.logger.warn("inbox journal expansion failed", { err: (err as Error).message });
        await rest(opts.pollMs ?? 1000);
      }
    }
  }

  return {
    journaling: () => pending || surge(),
    wrote() {
      writes += 1;
      pending = true;
      wake?.();
    },
    expandOnce: async (limit = JOURNAL_READ_ROWS) => (await step(limit)).progress,
    start() {
      if (!stopped) return;
      stopped = false;
      pending = true; // until the first read: rows a crashed process left go first
      loop = run();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
