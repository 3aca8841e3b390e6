import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { mongo } from "mongoose";
import { isDuplicateKeyError } from "../../src/errors";
import { closeScratchDb, openScratchDb, type Row } from "./conformance-helpers";

// Atomicity and uniqueness: claims, leases, pledge numbers, counters and status
// changes are single-document atomic operations and unique keys, nothing else.
let db: mongo.Db;
before(async () => {
  db = await openScratchDb("conformance_atomic");
});
after(closeScratchDb);

describe("unique keys", () => {
  test("a duplicate _id, unique field and compound unique key each answer 11000", async () => {
    const c = db.collection<Row>("uniq");
    await c.createIndex({ code: 1 }, { unique: true });
    await c.createIndex({ a: 1, b: 1 }, { unique: true });
    await c.insertOne({ _id: "k", code: "x", a: 1, b: 1 });
    for (const doc of [{ _id: "k", code: "y", a: 2, b: 2 }, { _id: "k2", code: "x", a: 3, b: 3 }, { _id: "k3", code: "z", a: 1, b: 1 }]) {
      const err = await c.insertOne(doc).then(() => undefined, (e: unknown) => e);
      assert.equal((err as { code?: number } | undefined)?.code, 11000, JSON.stringify(doc));
      assert.ok(isDuplicateKeyError(err));
    }
    await c.insertOne({ _id: "k4", code: "w", a: 1, b: 2 });
    assert.equal(await c.countDocuments(), 2);
  });

  test("an upsert racing to create one document leaves one document", async () => {
    const c = db.collection<Row>("upserts");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => c.updateOne({ _id: "one" }, { $inc: { n: 1 }, $setOnInsert: { created: true } }, { upsert: true })));
    const failed = results.filter((r) => r.status === "rejected");
    assert.ok(failed.every((r) => isDuplicateKeyError((r as PromiseRejectedResult).reason)), "a lost upsert race is an 11000, which the code retries");
    const doc = await c.findOne({ _id: "one" });
    assert.equal(doc?.n, 20 - failed.length);
    assert.equal(await c.countDocuments(), 1);
  });
});

describe("single-document atomicity", () => {
  test("30 concurrent conditional claims of one document: 1 winner, every round", async () => {
    const c = db.collection<Row>("claims");
    for (let round = 0; round < 5; round++) {
      await c.insertOne({ _id: `job${round}`, state: "pending" });
      const won = await Promise.all(
        Array.from({ length: 30 }, (_, i) => c.findOneAndUpdate({ _id: `job${round}`, state: "pending" }, { $set: { state: "taken", owner: i } }, { returnDocument: "after" })),
      );
      assert.equal(won.filter((d) => d !== null).length, 1, `round ${round}`);
    }
  });

  test("30 concurrent inserts of one claim key: 1 winner", async () => {
    const c = db.collection<Row>("claimkeys");
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => c.insertOne({ _id: "lease@1", owner: `o${i}` })));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  });

  test("50 concurrent $inc give 50", async () => {
    const c = db.collection<Row>("incs");
    await c.insertOne({ _id: "n", n: 0 });
    await Promise.all(Array.from({ length: 50 }, () => c.updateOne({ _id: "n" }, { $inc: { n: 1, "m.d4001": 1 } })));
    const doc = await c.findOne({ _id: "n" });
    assert.deepEqual([doc?.n, (doc?.m as Record<string, number>).d4001], [50, 50]);
  });

  // The pledge numbers: each caller reads the document as it was just before its own
  // $inc and adds its step. (mongo-java-server 1.47 builds returnDocument "after" by
  // reading again, so concurrent callers can see one value twice; "before" is atomic
  // on both servers.)
  test("50 concurrent findOneAndUpdate $inc with upsert, returning the document before: 50 distinct values 0..49", async () => {
    const c = db.collection<Row>("counters");
    const take = async (): Promise<number> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const before = await c.findOneAndUpdate({ _id: "2570" }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: "before" });
          return (before?.seq as number | undefined) ?? 0;
        } catch (err) {
          if (attempt > 0 || !isDuplicateKeyError(err)) throw err; // a lost upsert race is retried once
        }
      }
    };
    const seen = await Promise.all(Array.from({ length: 50 }, take));
    assert.deepEqual(seen.sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
    assert.equal((await c.findOne({ _id: "2570" }))?.seq, 50);
  });

  test("a compare-and-set on status and array length lets one of two changes through; $push appends", async () => {
    const c = db.collection<Row>("cases");
    await c.insertOne({ _id: "c1", status: "received", history: [{ s: "received" }] });
    const tries = await Promise.all(
      ["under_review", "dismissed"].map((to) => c.findOneAndUpdate({ _id: "c1", status: "received", history: { $size: 1 } }, { $set: { status: to }, $push: { history: { s: to } } } as unknown as mongo.UpdateFilter<Row>, { returnDocument: "after" })),
    );
    const winners = tries.filter((d) => d !== null);
    assert.equal(winners.length, 1);
    assert.equal((winners[0]!.history as unknown[]).length, 2, "the returned document is the new one");
    assert.equal(await c.countDocuments({ history: { $size: 2 } }), 1);
  });

  test("$max, $setOnInsert, $unset and $pull by condition", async () => {
    const c = db.collection<Row>("ops");
    await c.updateOne({ _id: "o" }, { $max: { hi: 5 }, $setOnInsert: { made: 1 } }, { upsert: true });
    await c.updateOne({ _id: "o" }, { $max: { hi: 3 }, $setOnInsert: { made: 2 }, $set: { tokens: [{ id: "a" }, { id: "b" }], gone: 1 } }, { upsert: true });
    await c.updateOne({ _id: "o" }, { $pull: { tokens: { id: "a" } }, $unset: { gone: "" } } as unknown as mongo.UpdateFilter<Row>);
    const doc = await c.findOne({ _id: "o" });
    assert.deepEqual([doc?.hi, doc?.made, doc?.tokens, "gone" in (doc ?? {})], [5, 1, [{ id: "b" }], false]);
  });
});
