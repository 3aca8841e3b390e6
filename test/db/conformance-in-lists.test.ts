import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { mongo, type mongo as Mongo } from "mongoose";
import { closeScratchDb, openScratchDb, type Row } from "./conformance-helpers";

// Equality and $in over many values, as the reminder audience asks them
// ({followed: true, $or: [{"village.tambonCode": {$in: 199 codes}, …}]}). The embedded
// server answers these by hash lookup (tools/mongo-dev FastMatch) where the library
// compares value by value; the answers must not change. A query wrapped in
// {$nor: [{$nor: [q]}]} means q, and the embedded server leaves $nor wholly to the
// library's matcher: that is the reference on the same documents.
let db: Mongo.Db;
before(async () => {
  db = await openScratchDb("conformance_in_lists");
});
after(closeScratchDb);

const { Double, Long, ObjectId } = mongo;
const same = (q: object) => ({ $nor: [{ $nor: [q] }] });

/** Values of many BSON kinds, including the ones only the library may decide. */
function valueOf(k: number): unknown {
  const kinds: (() => unknown)[] = [
    () => `s${k % 23}`,
    () => k % 17,
    () => new Double(k % 17),
    () => Long.fromNumber(k % 17),
    () => (k % 2 ? -0 : new Double(-0)),
    () => k % 17 + 0.5,
    () => Long.fromString("9007199254740993"), // 2^53 + 1: no double holds it
    () => new Double(9007199254740992),
    () => k % 3 === 0,
    () => null,
    () => [`s${k % 23}`, k % 17],
    () => [[`s${k % 23}`]],
    () => [],
    () => ({ x: `s${k % 23}` }),
    () => new ObjectId(`65a1b2c3d4e5f60718293a${(k % 40).toString(16).padStart(2, "0")}`),
    () => new Date(Date.UTC(2026, 0, 1 + (k % 5))),
  ];
  return kinds[k % kinds.length]!();
}

describe("equality and $in over many values", () => {
  test("answer as the library's own matcher on arrays, nulls, missing fields, nested paths and mixed numeric types", async () => {
    const c = db.collection<Row>("inlists");
    let seed = 11;
    const rnd = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const rows: Row[] = [];
    for (let i = 0; i < 1500; i++) {
      const row: Row = { _id: i, v: valueOf(rnd(1000)), w: rnd(4) };
      if (i % 7 === 0) delete row.v;
      const shape = rnd(5);
      if (shape === 0) row.a = { b: valueOf(rnd(1000)) };
      else if (shape === 1) row.a = [{ b: valueOf(rnd(1000)) }, { b: valueOf(rnd(1000)) }];
      else if (shape === 2) row.a = valueOf(rnd(1000));
      else if (shape === 3) row.a = { c: 1 };
      rows.push(row);
    }
    await c.insertMany(rows);
    const strings = Array.from({ length: 200 }, (_, i) => `s${i * 2}`);
    const numbers = [0, 1, 2.0, 3, new Double(4), Long.fromNumber(5), 6.5, Long.fromString("9007199254740993"), new Double(-0)];
    const ids = Array.from({ length: 120 }, (_, i) => new ObjectId(`65a1b2c3d4e5f60718293a${(i * 2).toString(16).padStart(2, "0")}`));
    const lists: unknown[][] = [strings, numbers, ids, [...ids, ...strings], [...strings, ...numbers, true], [...strings, null], [...strings, /^s1/], [...numbers, [`s1`, 1]], [...strings, { x: "s1" }], []];
    const queries: object[] = [];
    for (const list of lists) {
      queries.push({ v: { $in: list } }, { "a.b": { $in: list } }, { a: { $in: list } }, { w: 1, $or: [{ v: { $in: list } }, { "a.b": { $in: list } }] });
    }
    queries.push({ _id: { $in: [...Array.from({ length: 300 }, (_, i) => i * 3), "x", new ObjectId()] } }, { v: ids[3] }, { v: "s4" }, { v: 4 }, { v: new Double(4) }, { v: Long.fromNumber(4) }, { v: 0 }, { v: true }, { "a.b": "s4" }, { v: null }, { $and: [{ w: { $in: [0, 1] } }, { v: { $in: strings } }] });
    let matched = 0;
    for (const q of queries) {
      const fast = (await c.find(q, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray()).map((d) => d._id);
      const reference = (await c.find(same(q), { projection: { _id: 1 } }).sort({ _id: 1 }).toArray()).map((d) => d._id);
      assert.deepEqual(fast, reference, JSON.stringify(q).slice(0, 200));
      matched += fast.length;
    }
    assert.ok(matched > 1000, `the queries matched only ${matched} documents in all`);
  });

  test("MongoDB's semantics: any element of an array, 1 == 1.0 == 1L, null matches missing, 2^53+1 stays apart", async () => {
    const c = db.collection<Row>("insemantics");
    await c.insertMany([
      { _id: 1, v: 1 },
      { _id: 2, v: new Double(1) },
      { _id: 3, v: Long.fromNumber(1) },
      { _id: 4, v: ["x", 1] },
      { _id: 5, v: null },
      { _id: 6 },
      { _id: 7, v: "1" },
      { _id: 8, v: Long.fromString("9007199254740993") },
      { _id: 9, v: new Double(9007199254740992) },
      { _id: 10, a: [{ b: "k" }, { b: "z" }] },
      { _id: 11, a: { b: "k" } },
    ]);
    const ids = async (q: object) => (await c.find(q).sort({ _id: 1 }).toArray()).map((d) => d._id);
    const many = (x: unknown[]) => [...Array.from({ length: 150 }, (_, i) => `pad${i}`), ...x];
    assert.deepEqual(await ids({ v: { $in: many([new Double(1)]) } }), [1, 2, 3, 4]);
    assert.deepEqual(await ids({ v: { $in: many([null]) } }), [5, 6, 10, 11]);
    assert.deepEqual(await ids({ v: { $in: many([Long.fromString("9007199254740993")]) } }), [8]);
    assert.deepEqual(await ids({ v: { $in: many([new Double(9007199254740992)]) } }), [9]);
    assert.deepEqual(await ids({ "a.b": { $in: many(["k"]) } }), [10, 11]);
  });
});
