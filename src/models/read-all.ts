import type { mongo } from "mongoose";

/**
 * Every document a query finds, through a cursor: next() once per batch, then the
 * batch's buffered rest, so there is no promise per document. Not the driver's
 * toArray(): the embedded test server answers in one batch, and toArray() spreads a
 * batch into an array (a stack overflow past about 120,000 documents). Used for large
 * reads of members (reminder and announcement audiences).
 */
export async function readAll<T>(collection: mongo.Collection, filter: mongo.Filter<mongo.Document>, options: mongo.FindOptions): Promise<T[]> {
  const cursor = collection.find(filter, options);
  const rows: T[] = [];
  try {
    for (let doc = await cursor.next(); doc; doc = await cursor.next()) {
      rows.push(doc as T);
      for (const d of cursor.readBufferedDocuments()) rows.push(d as T);
    }
  } finally {
    await cursor.close();
  }
  return rows;
}
