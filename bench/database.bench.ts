import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedDb } from "../src/dev/embedded-db";
import type { BenchSection, Figure } from "./lib/report";

// What one lookup, update, delete and insert by _id costs on the bench's own
// database as the collection grows. On MongoDB each is an index operation and
// costs about the same at any size. FerretDB 1.24 as shipped creates its _id index
// under an expression its own queries do not use (SQLite: the index is on
// `_ferretdb_sjson->"_id"`, the queries filter on `_ferretdb_sjson->'$._id'`;
// PostgreSQL: filters use `@>`, which a btree cannot serve), so every keyed read
// and write walks the table; inserts stay flat, as the unique index is still
// checked. The launcher adds the missing index (tools/ferretdb/idindex.go); this
// bench measures both.
export interface DatabaseBenchOptions {
  uri: string;
  sizes: number[];
  samples?: number;
  log?: (line: string) => void;
}

type Op = "findOne" | "updateOne" | "deleteOne" | "insertOne" | "readAll";
const OPS: Op[] = ["findOne", "updateOne", "deleteOne", "insertOne", "readAll"];

export async function measureKeyedAccess(o: DatabaseBenchOptions): Promise<Map<number, Record<Op, number>>> {
  const conn = await mongoose.createConnection(o.uri, { dbName: `bench_keyed_${Date.now().toString(36)}` }).asPromise();
  const samples = o.samples ?? 30;
  const out = new Map<number, Record<Op, number>>();
  try {
    const col = conn.db!.collection<{ _id: string } & Record<string, unknown>>("rows");
    let have = 0;
    for (const size of [...o.sizes].sort((a, b) => a - b)) {
      for (; have < size; have += Math.min(5000, size - have)) {
        const n = Math.min(5000, size - have);
        await col.insertMany(Array.from({ length: n }, (_, j) => ({ _id: `k${have + j}`, body: "x".repeat(500) })));
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
  // The baseline: the same operations on FerretDB as shipped, started here beside
  // the bench's database (only when that one is the embedded FerretDB too).
  let shipped: Map<number, Record<Op, number>> | undefined;
  if (o.embedded) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-bench-shipped-"));
    const db = await startEmbeddedDb({ backend: "h2", file: path.join(dir, "db.mv") });
    try {
      shipped = await measureKeyedAccess({ ...o, uri: db.uri, log: (l) => o.log?.(`FerretDB as shipped: ${l}`) });
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
        name: op === "readAll" ? `reading all ${size.toLocaleString("en-US")} rows, per 1,000 rows` : `${op} by _id, ${size.toLocaleString("en-US")} rows of 0.5 KB`,
        value: r2(value),
        unit: "ms",
        baseline: shipped ? r2(shipped.get(size)![op]) : null,
        better: "lower",
        target: op === "readAll" ? "linear: per 1,000 rows flat" : `flat: < 2 × at ${smallest.toLocaleString("en-US")} rows`,
        met: value < 2 * rows.get(smallest)![op],
      });
    }
  }
  return {
    title: "The test database: keyed access by collection size",
    intro:
      `One operation by \`_id\` at a time, ${o.samples ?? 30} of each, on collections of ${sizes.map((s) => s.toLocaleString("en-US")).join(", ")} rows. ` +
      "FerretDB 1.24 creates its `_id` index on one expression and filters on another, so as shipped it walks the table for every keyed read and write; the project's launcher adds an index on the expression FerretDB filters on (tools/ferretdb/idindex.go), as MongoDB's `_id` index would serve it. " +
      (shipped
        ? "Sujarit is the bench's database (the launcher with that index); the baseline is FerretDB as shipped (`-id-index=false`), started beside it in the same run. The target is MongoDB's behaviour: about the same cost at any size."
        : "The database is MONGODB_URI, as given; no baseline was started."),
    figures,
  };
}
