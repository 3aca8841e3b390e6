import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { mongo } from "mongoose";
import { closeScratchDb, openScratchDb, type Row } from "./conformance-helpers";

// Indexes change how much a query reads, never what it answers. The same documents
// and the same writes go into two collections, one with the indexes the code declares
// (equality, $in, ranges, sorts, dotted paths) and one with none; every query must
// answer the same from both. On MongoDB this holds by definition; on the embedded
// server the indexes are its own (tools/mongo-dev SecondaryIndex, QueryPlanner), so
// this is their check: arrays, nulls, missing fields, mixed types, updates that move
// a document between keys, deletes and reused slots.
let db: mongo.Db;
before(async () => {
  db = await openScratchDb("conformance_indexes");
});
after(closeScratchDb);

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
}

const T0 = Date.UTC(2026, 11, 1);

function randomValue(r: (n: number) => number): unknown {
  switch (r(9)) {
    case 0:
      return null;
    case 1:
      return undefined; // the field is left out
    case 2:
      return [r(4), r(4)];
    case 3:
      return { nested: r(3) };
    case 4:
      return r(5) + 0.5 * r(2);
    case 5:
      return new Date(T0 + r(20) * 60_000);
    default:
      return ["a", "b", "c", "d"][r(4)];
  }
}

function randomDoc(r: (n: number) => number, i: number): Row {
  const d: Row = { _id: `d${i}`, s: ["a", "b", "c", "d"][r(4)], at: new Date(T0 + r(30) * 60_000), n: r(6), m: r(3), u: i * 7 + r(5), where: { district: ["4001", "4002", "4003"][r(3)] } };
  for (const f of ["s", "n", "at"]) if (r(12) === 0) d[f] = randomValue(r);
  if (r(4 * 4096) < 4096) d.k = randomValue(r); // mostly missing, as a sparse index's field is (high bits: see randomFilter)
  if (d.k === undefined) delete d.k;
  if (r(15) === 0) delete d.where;
  return d;
}

function randomFilter(r: (n: number) => number): Record<string, unknown> {
  const pick = (): Record<string, unknown> => {
    // The high bits of the generator: its low bits repeat with a short period, and with
    // r(12) some cases were never drawn.
    switch (Math.floor(r(12 * 4096) / 4096)) {
      case 0:
        return { s: ["a", "b", "c", "d"][r(4)] };
      case 1:
        return { s: { $in: [["a", "b"][r(2)], null] } };
      case 2:
        return { n: { $gte: r(4), $lt: 2 + r(5) } };
      case 3:
        return { at: { $lte: new Date(T0 + r(30) * 60_000) } };
      case 4:
        return { "where.district": { $in: ["4001", "4003"].slice(r(2)) } };
      case 5:
        return { s: null };
      case 6:
        return { n: r(6) };
      case 7:
        return { _id: `d${r(400)}`, s: { $ne: "a" } };
      case 8:
        return { s: { $eq: "b", $exists: true } };
      case 9:
        return { m: r(3) }; // no index: a sort with a limit walks the sort's index
      case 10:
        // A sparse index holds only documents that have k: usable for the first three, not the rest.
        return [{ k: "a" }, { k: { $in: ["b", 1] } }, { k: { $gt: 1 } }, { k: null }, { k: { $exists: false } }, { k: { $in: ["c", null] } }, { k: { $ne: "a" } }][r(7)]!;
      default:
        return { $and: [{ n: { $gt: 1 } }, { s: { $in: ["c", "d"] } }] };
    }
  };
  return r(3) === 0 ? { ...pick(), ...pick() } : pick();
}

describe("indexes change what is read, not what is answered", () => {
  test("400 random queries after random inserts, updates and deletes answer the same with and without indexes", async () => {
    const plain = db.collection<Row>("plain");
    const indexed = db.collection<Row>("indexed");
    await indexed.createIndex({ s: 1, at: -1, _id: -1 });
    await indexed.createIndex({ n: 1 });
    await indexed.createIndex({ at: -1, _id: -1 });
    await indexed.createIndex({ "where.district": 1, at: -1 });
    await indexed.createIndex({ s: 1, u: -1 }); // unique sort values: a walk that stops one short shows
    await indexed.createIndex({ m: 1, "where.district": 1, u: 1 });
    await indexed.createIndex({ k: 1 }, { sparse: true });
    await indexed.createIndex({ k: 1, u: -1 }, { sparse: true });
    const r = rng(11);
    const docs = Array.from({ length: 400 }, (_, i) => randomDoc(r, i));
    for (const c of [plain, indexed]) await c.insertMany(docs.map((d) => structuredClone(d)));
    // Writes that move documents between keys, delete some and reuse their slots.
    for (let i = 0; i < 200; i++) {
      const id = `d${r(400)}`;
      const op = r(5);
      for (const c of [plain, indexed]) {
        if (op === 0) await c.updateOne({ _id: id }, { $set: { s: ["a", "b", "c", "d"][i % 4], n: i % 7 } });
        else if (op === 1) await c.updateOne({ _id: id }, { $unset: { at: "" } });
        else if (op === 2) await c.updateMany({ n: { $in: [i % 6] }, s: { $ne: "z" }, k: { $exists: false } }, { $set: { n: (i % 6) + 1 } });
        else if (op === 3) await c.deleteOne({ _id: id });
        else if (op === 4 && i % 3 === 0) await c.updateOne({ _id: id }, i % 2 ? { $set: { k: ["a", null, 2][(i / 3) % 3] } } : { $unset: { k: "" } });
        else await c.replaceOne({ _id: id }, { _id: id, s: "d", n: [1, 2], at: new Date(T0) }, { upsert: true });
      }
    }
    const sorts = [{ at: -1, _id: -1 }, { s: 1, at: -1, _id: -1 }, { n: 1, _id: 1 }, { _id: 1 }, { u: -1 }, { u: 1 }, { k: 1, u: -1 }] as const;
    for (let q = 0; q < 400; q++) {
      const filter = randomFilter(r);
      const sort = sorts[r(sorts.length)]!;
      const skip = r(3) === 0 ? r(30) : 0;
      const limit = [0, 1, 5, 20][r(4)]!;
      const ask = async (c: mongo.Collection<Row>) => (await c.find(filter).sort(sort).skip(skip).limit(limit).toArray()).map((d) => d._id);
      const what = `${JSON.stringify(filter)} sort ${JSON.stringify(sort)} skip ${skip} limit ${limit}`;
      assert.deepEqual(await ask(indexed), await ask(plain), what);
      if (q % 10 === 0) {
        assert.equal(await indexed.countDocuments(filter), await plain.countDocuments(filter), `count ${what}`);
        const group = async (c: mongo.Collection<Row>) =>
          (await c.aggregate([{ $match: filter }, { $group: { _id: "$s", k: { $sum: 1 } } }, { $sort: { k: -1, _id: 1 } }]).toArray()).map((g) => JSON.stringify(g));
        assert.deepEqual(await group(indexed), await group(plain), `group ${what}`);
      }
    }
    // Counts per value answered from an index (CoveredCount): never from a sparse one when missing counts.
    for (const match of [{ k: "a" }, { k: null }, { k: { $in: ["a", null] } }, { k: { $gt: 0 } }, { k: { $exists: false } }]) {
      const perK = async (c: mongo.Collection<Row>) => (await c.aggregate([{ $match: match }, { $group: { _id: "$k", n: { $sum: 1 } } }]).toArray()).map((g) => JSON.stringify(g)).sort();
      assert.deepEqual(await perK(indexed), await perK(plain), `counts per k for ${JSON.stringify(match)}`);
    }
  });

  test("a page in sort order, walked along a compound index after its equality fields, has every document it should", async () => {
    const c = db.collection<Row>("walk");
    await c.createIndex({ d: 1, s: 1, u: -1 });
    const rows = Array.from({ length: 600 }, (_, i) => ({ _id: i, d: ["4001", "4002", "4003"][i % 3], s: ["a", "b"][(i >> 1) % 2], u: (i * 37) % 600, odd: i % 5 === 0 }));
    await c.insertMany(rows);
    for (const [filter, sort, skip, limit] of [
      [{ d: "4001", s: "a" }, { u: -1 }, 0, 5],
      [{ d: { $in: ["4001", "4003"] }, s: "b" }, { u: -1 }, 0, 20],
      [{ d: "4002", s: "a", odd: false }, { u: 1 }, 3, 7],
      [{ d: { $in: ["4002"] }, s: { $in: ["a", "b"] }, u: { $lt: 300 } }, { u: -1 }, 0, 20],
    ] as const) {
      const want = rows
        .filter((r) => Object.entries(filter).every(([k, v]) => (k === "u" ? r.u < 300 : typeof v === "object" ? (v as { $in: unknown[] }).$in.includes(r[k as "d"]) : r[k as "d"] === v)))
        .sort((a, b) => (sort.u === 1 ? a.u - b.u : b.u - a.u))
        .slice(skip, skip + limit)
        .map((r) => r._id);
      const got = (await c.find(filter).sort(sort).skip(skip).limit(limit).toArray()).map((r) => r._id);
      assert.deepEqual(got, want, JSON.stringify({ filter, sort, skip, limit }));
    }
  });

  test("an index on a field that later holds arrays or documents still finds every match", async () => {
    const c = db.collection<Row>("shapes");
    await c.createIndex({ tag: 1 });
    await c.insertMany([{ _id: 1, tag: "x" }, { _id: 2, tag: ["x", "y"] }, { _id: 3, tag: { k: "x" } }, { _id: 4 }, { _id: 5, tag: null }]);
    assert.deepEqual((await c.find({ tag: "x" }).sort({ _id: 1 }).toArray()).map((d) => d._id), [1, 2]);
    assert.deepEqual((await c.find({ tag: null }).sort({ _id: 1 }).toArray()).map((d) => d._id), [4, 5]);
    assert.deepEqual((await c.find({ tag: { $in: ["y"] } }).toArray()).map((d) => d._id), [2]);
    await c.updateOne({ _id: 1 }, { $set: { tag: ["z"] } });
    assert.deepEqual((await c.find({ tag: "x" }).toArray()).map((d) => d._id), [2]);
    assert.deepEqual((await c.find({ tag: "z" }).toArray()).map((d) => d._id), [1]);
    await c.deleteOne({ _id: 2 });
    await c.insertOne({ _id: 6, tag: "x" }); // may take the deleted document's slot
    assert.deepEqual((await c.find({ tag: "x" }).toArray()).map((d) => d._id), [6]);
  });
});

describe("counts per value of an indexed field", () => {
  test("the tab counts' shape ($match on one field, $group by it with $sum 1) agrees with counting the documents", async () => {
    const c = db.collection<Row>("tabs");
    await c.createIndex({ status: 1, at: -1 });
    const statuses = ["received", "under_review", "resolved", "dismissed"];
    const t = Date.UTC(2026, 11, 1);
    await c.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, status: i % 50 === 0 ? null : statuses[i % 7 % 4], at: new Date(t + i * 1000), n: i % 9 })));
    await c.updateMany({ n: 3 }, { $set: { status: "resolved" } });
    await c.deleteMany({ n: 4 });
    const byCounting = async (filter: Record<string, unknown>) => {
      const out: Record<string, number> = {};
      for (const d of await c.find(filter).toArray()) out[String(d.status)] = (out[String(d.status)] ?? 0) + 1;
      return out;
    };
    for (const match of [
      { status: { $in: [...statuses, null] } },
      { status: { $in: ["resolved", "nope"] } },
      { status: "dismissed" },
      { status: null },
      { n: { $gte: 2, $lt: 6 } },
      { n: { $gt: 5 } },
    ]) {
      const field = Object.keys(match)[0]!;
      const groups = await c.aggregate<{ _id: unknown; k: number; k2: number }>([{ $match: match }, { $group: { _id: `$${field}`, k: { $sum: 1 }, k2: { $sum: 1 } } }]).toArray();
      const got: Record<string, number> = {};
      for (const g of groups) {
        assert.equal(g.k, g.k2);
        got[String(g._id)] = g.k;
      }
      const want = field === "status" ? await byCounting(match) : Object.fromEntries(Object.entries(await countBy(c, match, "n")));
      assert.deepEqual(got, want, JSON.stringify(match));
    }
    await c.createIndex({ n: 1 });
    await c.insertOne({ _id: "s", n: "text", status: "received" }); // a string between number bounds must not count
    const [g] = await c.aggregate([{ $match: { n: { $gte: 0 } } }, { $group: { _id: "$n", k: { $sum: 1 } } }, { $match: { _id: "text" } }]).toArray();
    assert.equal(g, undefined);
    const numeric = await c.aggregate([{ $match: { n: { $gte: 0 } } }, { $group: { _id: "$n", k: { $sum: 1 } } }]).toArray();
    assert.ok(numeric.every((x) => typeof x._id === "number"), JSON.stringify(numeric));
  });

  test("a sparse index does not answer counts that include documents without its field", async () => {
    const c = db.collection<Row>("sparse_tabs");
    await c.createIndex({ flag: 1 }, { sparse: true });
    await c.insertMany(Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? { _id: i, flag: true } : i % 10 === 1 ? { _id: i, flag: null } : { _id: i })));
    for (const match of [{ flag: true }, { flag: null }, { flag: { $in: [true, null] } }]) {
      const groups = await c.aggregate<{ _id: unknown; k: number }>([{ $match: match }, { $group: { _id: "$flag", k: { $sum: 1 } } }]).toArray();
      const got = Object.fromEntries(groups.map((g) => [String(g._id), g.k]));
      const want: Record<string, number> = {};
      for (const d of await c.find(match).toArray()) want[String(d.flag ?? null)] = (want[String(d.flag ?? null)] ?? 0) + 1; // $group puts missing with null
      assert.deepEqual(got, want, JSON.stringify(match));
    }
    assert.equal(await c.countDocuments({ flag: null }), 270, "explicit nulls and missing fields both match null");
  });
});

async function countBy(c: mongo.Collection<Row>, filter: Record<string, unknown>, field: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const d of await c.find(filter).toArray()) out[String(d[field])] = (out[String(d[field])] ?? 0) + 1;
  return out;
}
