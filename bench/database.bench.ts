import mongoose from "mongoose";
import type { BenchSection, Figure } from "./lib/report";

// What one lookup, update, delete and insert by _id costs on the bench's own
// database as the collection grows. On MongoDB each is an index operation and
// costs about the same at any size. FerretDB 1.24 creates its _id index under an
// expression its own queries do not use (SQLite: the index is on
// `_ferretdb_sjson->"_id"`, the queries filter on `_ferretdb_sjson->'$._id'`;
// PostgreSQL: filters use `@>`, which a btree cannot serve), so every keyed read
// and write walks the table, and every figure in this file that touches the
// database grows with the size of the collections it touches. Inserts stay flat:
// the unique index is still maintained and checked.
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

export async function runDatabaseBench(o: DatabaseBenchOptions): Promise<BenchSection> {
  const rows = await measureKeyedAccess(o);
  const sizes = [...rows.keys()];
  const smallest = sizes[0]!;
  const figures: Figure[] = [];
  for (const op of OPS) {
    for (const size of sizes.slice(1)) {
      figures.push({
        name: op === "readAll" ? `reading all ${size.toLocaleString("en-US")} rows, per 1,000 rows` : `${op} by _id, ${size.toLocaleString("en-US")} rows of 0.5 KB`,
        value: Math.round(rows.get(size)![op] * 100) / 100,
        unit: "ms",
        baseline: Math.round(rows.get(smallest)![op] * 100) / 100,
        better: "lower",
        target: op === "readAll" ? "≈ 1 × (linear)" : "≈ 1 × (an index)",
        met: rows.get(size)![op] < 2 * rows.get(smallest)![op],
      });
    }
  }
  return {
    title: "The test database: keyed access by collection size",
    intro:
      `One operation by \`_id\` at a time, ${o.samples ?? 30} of each, on collections of ${sizes.map((s) => s.toLocaleString("en-US")).join(", ")} rows in the bench's database. ` +
      `The baseline is the same operation on ${smallest.toLocaleString("en-US")} rows in the same run; the ratio is how much one keyed operation slows as the collection grows. ` +
      "MongoDB answers these from the `_id` index (ratio about 1). FerretDB 1.24 does not use its `_id` index for them (bench/database.bench.ts says why), so each one scans the table, and every other figure in this file bends with the size of the collections it touches.",
    figures,
  };
}
