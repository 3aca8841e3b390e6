import type { mongo } from "mongoose";
import { InboxEvent } from "../models/inbox-event.model";
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
export interface StoredBatch {
  chatKeys: string[];
  inserted: number;
  duplicates: number;
  ignored: number;
}

export interface InboxWriter {
  store(events: unknown[], receivedAt: Date): Promise<StoredBatch>;
}

interface Waiting {
  prepared: PreparedEvent[];
  resolve(duplicates: number): void;
  reject(err: unknown): void;
}

export const MAX_GROUP_EVENTS = 1000;

interface BulkError {
  code?: number;
  writeErrors?: { index: number; code?: number; err?: { code?: number } } | { index: number; code?: number; err?: { code?: number } }[];
}

/** Per document index: "dup" for a duplicate key, "err" for another failure. Throws when the failure is not per document. */
function failuresByIndex(err: unknown): Map<number, "dup" | "err"> {
  const raw = (err as BulkError).writeErrors;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw err; // e.g. the connection dropped: nothing is known to be stored
  return new Map(list.map((w) => [w.index, (w.code ?? w.err?.code) === 11000 ? "dup" : "err"]));
}

async function insertGroup(group: Waiting[]): Promise<void> {
  const all = group.flatMap((w) => w.prepared);
  let failures = new Map<number, "dup" | "err">();
  try {
    await InboxEvent.collection.insertMany(all.map((p) => p.row as unknown as mongo.Document), { ordered: false }).catch((err: unknown) => {
      failures = failuresByIndex(err);
    });
    let offset = 0;
    for (const w of group) {
      const mine = w.prepared.map((_, i) => failures.get(offset + i));
      offset += w.prepared.length;
      if (mine.includes("err")) w.reject(new Error("some inbox rows were not stored"));
      else w.resolve(mine.filter((f) => f === "dup").length);
    }
  } catch (err) {
    for (const w of group) w.reject(err);
  }
}

export function createInboxWriter(sealer: Sealer, load?: IngestLoad): InboxWriter {
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
      await insertGroup(group);
    }
    flushing = false;
  }

  return {
    async store(events, receivedAt) {
      const { prepared, ignored } = prepareEvents(events, receivedAt, sealer);
      const chatKeys = [...new Set(prepared.map((p) => p.row.chatKey))];
      if (prepared.length === 0) return { chatKeys, inserted: 0, duplicates: 0, ignored };
      const end = load?.begin();
      try {
        const duplicates = await new Promise<number>((resolve, reject) => {
          waiting.push({ prepared, resolve, reject });
          if (!flushing) void flush();
        });
        return { chatKeys, inserted: prepared.length - duplicates, duplicates, ignored };
      } finally {
        end?.();
      }
    },
  };
}
