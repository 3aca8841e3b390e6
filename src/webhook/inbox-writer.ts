import { mongo } from "mongoose";
import { InboxEvent } from "../models/inbox-event.model";
import { InboxJournal } from "../models/inbox-journal.model";
import type { Sealer } from "../security/sealer";
import type { IngestLoad } from "./ingest-load";
import { prepareEvents, type PreparedEvent } from "./inbox";

// Group commit for the webhook: while one insert is on its way to MongoDB, the
// events of every request that arrives meanwhile wait and then go together in
// one unordered insert. A lone request goes at once (no timer, no added delay);
// under load, one round trip carries many requests, which is what lets ingest
// keep up with a busy province on a database that takes one write at a time.
// Each request learns only its own outcome: its duplicates (a redelivery) are
// fine; any other failure of its rows answers 503 so that LINE sends it again.
// In a flood the group goes to the journal instead, one row per request
// (models/inbox-journal.model.ts); the journal expander moves the events on.
export interface StoredBatch {
  /** The chats with new inbox rows, for the worker; none when the events went to the journal. */
  chatKeys: string[];
  inserted: number;
  duplicates: number;
  /** Events stored in the journal (their duplicates are found when they are expanded). */
  journaled: number;
  ignored: number;
}

/** When a group goes to the journal (webhook/inbox-journal.ts). */
export interface JournalGate {
  journaling(): boolean;
  /** Called before a journal insert starts, so that later groups follow it there. */
  wrote(): void;
}

export interface InboxWriter {
  store(events: unknown[], receivedAt: Date): Promise<StoredBatch>;
}

interface Waiting {
  prepared: PreparedEvent[];
  resolve(outcome: { duplicates: number; journaled: boolean }): void;
  reject(err: unknown): void;
}

export const MAX_GROUP_EVENTS = 1000;

interface BulkError {
  code?: number;
  writeErrors?: { index: number; code?: number; err?: { code?: number } } | { index: number; code?: number; err?: { code?: number } }[];
}

/** Per document index: "dup" for a duplicate key, "err" for another failure. Throws when the failure is not per document. */
export function failuresByIndex(err: unknown): Map<number, "dup" | "err"> {
  const raw = (err as BulkError).writeErrors;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw err; // e.g. the connection dropped: nothing is known to be stored
  return new Map(list.map((w) => [w.index, (w.code ?? w.err?.code) === 11000 ? "dup" : "err"]));
}

/** One journal row per request, in arrival order (their ObjectIds); received when its events were. */
function journalRows(group: Waiting[]): mongo.Document[] {
  return group.map((w) => ({ _id: new mongo.ObjectId(), receivedAt: w.prepared[0]!.row.receivedAt, rows: w.prepared.map((p) => p.row), refusals: 0 }));
}

async function insertGroup(group: Waiting[], journal: JournalGate | undefined): Promise<void> {
  const toJournal = journal?.journaling() ?? false;
  let failures = new Map<number, "dup" | "err">();
  try {
    if (toJournal) journal!.wrote();
    const [collection, docs] = toJournal
      ? [InboxJournal.collection, journalRows(group)]
      : [InboxEvent.collection, group.flatMap((w) => w.prepared.map((p) => p.row as unknown as mongo.Document))];
    await collection.insertMany(docs, { ordered: false }).catch((err: unknown) => {
      failures = failuresByIndex(err);
    });
    let offset = 0;
    for (const w of group) {
      const n = toJournal ? 1 : w.prepared.length;
      const mine = Array.from({ length: n }, (_, i) => failures.get(offset + i));
      offset += n;
      if (mine.includes("err") || (toJournal && mine.includes("dup"))) w.reject(new Error("some inbox rows were not stored"));
      else w.resolve({ duplicates: mine.filter((f) => f === "dup").length, journaled: toJournal });
    }
  } catch (err) {
    for (const w of group) w.reject(err);
  }
}

export function createInboxWriter(sealer: Sealer, load?: IngestLoad, journal?: JournalGate): InboxWriter {
  let waiting: Waiting[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (waiting.length > 0) {
      let n = 0;
      let count = 0;
      while (n < waiting.length && (n === 0 || count + waiting[n]!.prepared.length <= MAX_GROUP_EVENTS)) count += waiting[n++]!.prepared.length;
      const group = waiting.slice(0, n);
      waiting = waiting.slice(n);
      await insertGroup(group, journal);
    }
    flushing = false;
  }

  return {
    async store(events, receivedAt) {
      const { prepared, ignored } = prepareEvents(events, receivedAt, sealer);
      const chatKeys = [...new Set(prepared.map((p) => p.row.chatKey))];
      if (prepared.length === 0) return { chatKeys, inserted: 0, duplicates: 0, journaled: 0, ignored };
      const end = load?.begin();
      try {
        const { duplicates, journaled } = await new Promise<{ duplicates: number; journaled: boolean }>((resolve, reject) => {
          waiting.push({ prepared, resolve, reject });
          if (!flushing) void flush();
        });
        if (journaled) return { chatKeys: [], inserted: 0, duplicates: 0, journaled: prepared.length, ignored };
        return { chatKeys, inserted: prepared.length - duplicates, duplicates, journaled: 0, ignored };
      } finally {
        end?.();
      }
    },
  };
}
