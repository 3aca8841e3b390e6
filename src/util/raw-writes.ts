import type { mongo } from "mongoose";

// Single-document writes by a string _id, straight to the driver's collection:
// no casting, no defaults, no automatic timestamps (the caller writes what it
// means). A duplicate key rejects with the driver's error (code 11000).
type Doc = { _id: string; [field: string]: unknown };

export interface RawWrites {
  insert(doc: Doc): Promise<void>;
  update(id: string, update: Record<string, unknown>, opts?: { upsert?: boolean }): Promise<void>;
  delete(id: string): Promise<void>;
}

/** The raw writes of a mongoose model's collection. */
export function rawWritesOf(model: { collection: unknown }): RawWrites {
  const collection = () => model.collection as mongo.Collection<Doc>;
  return {
    insert: async (doc) => void (await collection().insertOne(doc)),
    update: async (id, update, opts) => void (await collection().updateOne({ _id: id }, update, { upsert: opts?.upsert ?? false })),
    delete: async (id) => void (await collection().deleteOne({ _id: id })),
  };
}
