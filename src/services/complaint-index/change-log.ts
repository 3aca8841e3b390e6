import { randomUUID } from "node:crypto";
import type { Types, mongo } from "mongoose";
import { isDuplicateKeyError } from "../../errors";
import { ComplaintChange, type ComplaintChangeHead, type ComplaintChangeRow } from "../../models/complaint-change.model";

// Reading and probing the complaint change log (models/complaint-change.model.ts).
// Every call is a keyed read or an insert by _id: about 1 ms on FerretDB at any
// size, where a filter on any other field reads the whole collection.
type Document = mongo.Document;
const rows = (): mongo.Collection<Document> => ComplaintChange.collection as unknown as mongo.Collection<Document>;

/** The log's head, made with a fresh epoch if the log is new (or the database was reset). */
export async function readHead(): Promise<ComplaintChangeHead> {
  const found = await rows().findOne({ _id: "head" } as Document);
  if (found) return found as unknown as ComplaintChangeHead;
  try {
    await rows().insertOne({ _id: "head", epoch: randomUUID(), n: 0 } as Document);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  return (await rows().findOne({ _id: "head" } as Document)) as unknown as ComplaintChangeHead;
}

export async function readRow(n: number): Promise<ComplaintChangeRow | null> {
  return (await rows().findOne({ _id: n } as Document)) as unknown as ComplaintChangeRow | null;
}

const exists = async (n: number): Promise<boolean> => (await rows().findOne({ _id: n } as Document, { projection: { _id: 1 } })) !== null;

/**
 * The first position after `from` that has no row, where every row up to `from`
 * exists. Rows are dense, so "row n exists" is true up to the end and false
 * after it: gallop (from+1, +2, +4, …) to a missing row, then bisect.
 */
export async function findEnd(from: number): Promise<number> {
  let lo = from;
  let hi = from + 1;
  for (let step = 1; await exists(hi); step *= 2) {
    lo = hi;
    hi = from + step * 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await exists(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Raises the head's lower bound; concurrent raises may leave a smaller one, still a lower bound. */
export async function raiseHead(n: number): Promise<void> {
  await rows().updateOne({ _id: "head" } as Document, { $max: { n } });
}

/** Inserts row `n`; false if another writer holds that position. */
export async function insertRow(n: number, ids: readonly Types.ObjectId[], at: Date): Promise<boolean> {
  try {
    await rows().insertOne({ _id: n, ids: [...ids], at } as Document);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
