import type { Model, mongo } from "mongoose";

// Group commit for single-document writes by _id (a string): while one bulk write to a
// collection is on its way, the writes that callers ask for meanwhile wait, then go
// together in one bulk write. A lone write goes at once; under load one
// round trip carries many. Each caller learns only its own outcome: a duplicate key
// rejects with an error whose code is 11000, as the single write would.
//
// Measured on FerretDB 1.24 (2 cores): 16 writes in one command against one each,
// inserts 24,200 against 5,500 documents/s, deletes 8,200 against 3,400, updates by
// _id 3,600 against 2,200; and the driver's cost per command is paid once.
//
// Two writes to the same _id never share a bulk write (send() reorders a batch by
// kind): the later one waits for the next.
type Doc = { _id: string; [field: string]: unknown };

export interface GroupWriter {
  insert(doc: Doc): Promise<void>;
  update(id: string, update: Record<string, unknown>, opts?: { upsert?: boolean }): Promise<void>;
  delete(id: string): Promise<void>;
}

interface Job {
  id: string;
  op: mongo.AnyBulkWriteOperation<Doc>;
  resolve(): void;
  reject(err: unknown): void;
}

export const MAX_GROUP_WRITES = 500;

/** What a group writer writes to: a driver collection, such as a mongoose model's `.collection`. */
export interface BulkWritable {
  bulkWrite(ops: mongo.AnyBulkWriteOperation<Doc>[], options: mongo.BulkWriteOptions): Promise<unknown>;
}

interface WriteErrorLike {
  index: number;
  code?: number;
  errmsg?: string;
}

/** A failed write of one document, carrying the database's code (11000: duplicate key). */
export class DocumentWriteError extends Error {
  constructor(
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "DocumentWriteError";
  }
}

function writeErrorsOf(err: unknown): WriteErrorLike[] | undefined {
  const raw = (err as { writeErrors?: WriteErrorLike | WriteErrorLike[] }).writeErrors;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.length > 0 && (err as { writeConcernError?: unknown }).writeConcernError == null ? list : undefined;
}

const KIND_ORDER = { insertOne: 0, updateOne: 1, deleteOne: 2 } as Record<string, number>;
const kindOf = (j: Job): number => KIND_ORDER[Object.keys(j.op)[0]!] ?? 3;

/**
 * Sends one batch as an ordered bulk write, inserts first, then updates, then deletes
 * (at most three commands; no two jobs share an _id, so their order is free). Ordered
 * because FerretDB 1.24 ends an unordered update command at its first failure yet
 * reports only that one, so the rest would seem written; ordered, both databases stop
 * there. Returns the jobs after a failure, not attempted, for the next batch.
 */
async function send(collection: () => BulkWritable, batch: Job[]): Promise<Job[]> {
  const jobs = [...batch].sort((a, b) => kindOf(a) - kindOf(b));
  try {
    await collection().bulkWrite(
      jobs.map((j) => j.op),
      { ordered: true },
    );
    for (const j of jobs) j.resolve();
    return [];
  } catch (err) {
    const failed = writeErrorsOf(err)?.[0];
    if (!failed || !(failed.index >= 0 && failed.index < jobs.length)) {
      for (const j of jobs) j.reject(err); // nothing is known to be written (e.g. the connection dropped)
      return [];
    }
    jobs.slice(0, failed.index).forEach((j) => j.resolve());
    jobs[failed.index]!.reject(new DocumentWriteError(failed.code, failed.errmsg ?? "write failed"));
    return jobs.slice(failed.index + 1);
  }
}

/** A new document as mongoose's create() would store it (cast, defaults, validated, timestamps), for GroupWriter.insert. */
export async function newDocument(model: Model<any>, fields: Record<string, unknown>): Promise<Doc> {
  const doc = new model(fields);
  await doc.validate();
  doc.initializeTimestamps();
  return doc.toObject({ depopulate: true }) as Doc;
}

export function createGroupWriter(collection: () => BulkWritable): GroupWriter {
  let waiting: Job[] = [];
  let sending = false;

  async function flush(): Promise<void> {
    sending = true;
    while (waiting.length > 0) {
      const ids = new Set<string>();
      const batch: Job[] = [];
      const later: Job[] = [];
      for (const j of waiting) {
        if (batch.length < MAX_GROUP_WRITES && !ids.has(j.id)) {
          ids.add(j.id);
          batch.push(j);
        } else later.push(j);
      }
      waiting = later;
      const notAttempted = await send(collection, batch);
      waiting = [...notAttempted, ...waiting];
    }
    sending = false;
  }

  const enqueue = (id: string, op: mongo.AnyBulkWriteOperation<Doc>): Promise<void> =>
    new Promise((resolve, reject) => {
      waiting.push({ id, op, resolve, reject });
      if (!sending) void flush();
    });

  return {
    insert: (doc) => enqueue(doc._id, { insertOne: { document: doc } }),
    update: (id, update, opts) => enqueue(id, { updateOne: { filter: { _id: id }, update, upsert: opts?.upsert ?? false } } as mongo.AnyBulkWriteOperation<Doc>),
    delete: (id) => enqueue(id, { deleteOne: { filter: { _id: id } } }),
  };
}

/** The group writer of a mongoose model's collection (documents written raw: no casting, no automatic timestamps). */
export function groupWriterOf(model: { collection: unknown }): GroupWriter {
  return createGroupWriter(() => model.collection as BulkWritable);
}
