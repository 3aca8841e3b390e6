import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedDb } from "../src/dev/embedded-db";
import type { BenchSection, Figure } from "./lib/report";

// What one lookup, update, delete and insert by _id costs on the bench's own
// database as the collection grows, and a filter with a sort on its index (which the
// embedded server walks with the launcher's own planner, tools/mongo-dev). On MongoDB the keyed
// operations are index operations and cost about the same at any size. When the
// bench's database is the embedded server (memory backend, as the tests use), the
// baseline is the same server on its H2 backend (as `npm run dev` uses), started
// beside it in the same run.
export interface DatabaseBenchOptions {
  uri: string;
  sizes: number[];
  samples?: number;
  log?: (line: string) => void;
}

type Op = "findOne" | "updateOne" | "deleteOne" | "insertOne" | "filterSort" | "readAll";
const OPS: Op[] = ["findOne", "updateOne", "deleteOne", "insertOne", "filterSort", "readAll"];

export async function measureKeyedAccess(o: DatabaseBenchOptions): Promise<Map<number, Record<Op, number>>> {
  const conn = await mongoose.createConnection(o.uri, { dbName: `bench_keyed_${Date.now().toString(36)}` }).asPromise();
  const samples = o.samples ?? 30;
  const out = new Map<number, Record<Op, number>>();
  try {
    const col = conn.db!.collection<{ _id: string } & Record<string, unknown>>("rows");
    await col.createIndex({ g: 1, at: -1 }); // the filter with a sort has its index, as the code's queries do
    let have = 0;
    for (const size of [...o.sizes].sort((a, b) => a - b)) {
      for (; have < size; have += Math.min(5000, size - have)) {
        const n = Math.min(5000, size - have);
        await col.insertMany(Array.from({ length: n }, (_, j) => ({ _id: `k${have + j}`, g: (have + j) % 10, at: have + j, body: "x".repeat(500) })));
      }
      // The rows asked for are the newest: a scan meets them last, as it meets
      // most rows of a large collection.
      const key = (i: number) => `k${size - 1 - (i % Math.min(size, 1000))}`;
      const time = async (fn: (i: number) => Promise<unknown>) => {
        const t = performance.now();
        for (let i = 0; i < samples; i++) await fn(i);
        return (performance.now() - t) / samples;
      };
      const row: Record<Op, number> = {
        findOne: await time((i) => col.findOne({ _id: key(i) })),
        updateOne: await time((i) => col.updateOne({ _id: key(i) }, { $set: { touched: i } })),
        insertOne: await time((i) => col.insertOne({ _id: `extra${size}:${i}`, body: "y" })),
        deleteOne: await time((i) => col.deleteOne({ _id: `extra${size}:${i}` })),
        filterSort: await time((i) => col.find({ g: i % 10 }).sort({ at: -1 }).limit(20).toArray()),
        readAll: 0,
      };
      // Reading every row once (as an audience or an export does), per 1,000 rows.
      const t = performance.now();
      const all = await col.find({}).toArray();
      row.readAll = ((performance.now() - t) / all.length) * 1000;
      out.set(size, row);
      o.log?.(`keyed access at ${size} rows: ${JSON.stringify(row)}`);
    }
    return out;
  } finally {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
}

export async function runDatabaseBench(o: DatabaseBenchOptions & { embedded: boolean }): Promise<BenchSection> {
  const rows = await measureKeyedAccess(o);
  // The baseline: the same operations on the embedded server's H2 backend (dev's),
  // started here beside the bench's database (only when that one is embedded too).
  let shipped: Map<number, Record<Op, number>> | undefined;
  if (o.embedded) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-bench-shipped-"));
    const db = await startEmbeddedDb({ backend: "h2", file: path.join(dir, "db.mv") });
    try {
      shipped = await measureKeyedAccess({ ...o, uri: db.uri, log: (l) => o.log?.(`H2 backend: ${l}`) });
    } finally {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const sizes = [...rows.keys()];
  const smallest = sizes[0]!;
  const figures: Figure[] = [];
  const r2 = (n: number) => Math.round(n * 100) / 100;
  for (const op of OPS) {
    for (const size of sizes) {
      const value = rows.get(size)![op];
      figures.push({
        name:
          op === "readAll"
            ? `reading all ${size.toLocaleString("en-US")} rows, per 1,000 rows`
            : op === "filterSort"
              ? `filter + sort + limit 20 on an index, ${size.toLocaleString("en-US")} rows`
              : `${op} by _id, ${size.toLocaleString("en-US")} rows of 0.5 KB`,
        value: r2(value),
        unit: "ms",
        baseline: shipped ? r2(shipped.get(size)![op]) : null,
        better: "lower",
        target: op === "readAll" ? "linear: per 1,000 rows flat" : op === "filterSort" ? "none (an index walk, as on MongoDB)" : `flat: < 2 × at ${smallest.toLocaleString("en-US")} rows`,
        met: op === "filterSort" ? true : value < 2 * rows.get(smallest)![op],
      });
    }
  }
  return {
    title: "The test database: keyed access by collection size",
    intro:
      `One operation at a time, ${o.samples ?? 30} of each, on collections of ${sizes.map((s) => s.toLocaleString("en-US")).join(", ")} rows. ` +
      "Keyed operations use the `_id` index; the filter with a sort walks the declared index on the embedded server (tools/mongo-dev's planner), as it does on MongoDB. " +
      (shipped
        ? "The bench's database is the embedded mongo-java-server on its memory backend (as the tests use it); the baseline is the same server on its H2 backend (as `npm run dev` uses it), started beside it in the same run. The target for keyed operations is MongoDB's behaviour: about the same cost at any size."
        : "The database is MONGODB_URI, as given; no baseline was started."),
    figures,
  };
}
