import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Readable } from "node:stream";
import mongoose, { type mongo } from "mongoose";
import { closeScratchDb, openScratchDb, type Row } from "./conformance-helpers";

// Queries, aggregation and bulk writes as the code issues them.
let db: mongo.Db;
before(async () => {
  db = await openScratchDb("conformance_queries");
});
after(closeScratchDb);

describe("aggregation", () => {
  test("a $group with several accumulators ($sum of a field, $sum 1, $max, $avg) on a compound key", async () => {
    const c = db.collection<Row>("reports");
    await c.insertMany([
      { _id: 1, d: "4001", t: "400101", attended: 10, pledged: 4 },
      { _id: 2, d: "4001", t: "400101", attended: 20, pledged: 6 },
      { _id: 3, d: "4001", t: "400102", attended: 5, pledged: 5 },
      { _id: 4, d: "4002", t: "400201", attended: 7, pledged: 0 },
    ]);
    const rows = await c
      .aggregate([
        { $match: { d: "4001" } },
        { $group: { _id: { d: "$d", t: "$t" }, attended: { $sum: "$attended" }, pledged: { $sum: "$pledged" }, reports: { $sum: 1 }, most: { $max: "$attended" }, mean: { $avg: "$pledged" } } },
        { $sort: { "_id.t": 1 } },
      ])
      .toArray();
    assert.deepEqual(rows, [
      { _id: { d: "4001", t: "400101" }, attended: 30, pledged: 10, reports: 2, most: 20, mean: 5 },
      { _id: { d: "4001", t: "400102" }, attended: 5, pledged: 5, reports: 1, most: 5, mean: 5 },
    ]);
  });

  test("countDocuments with $and, $in and a date range", async () => {
    const c = db.collection<Row>("complaints");
    const t0 = new Date("2026-12-01T00:00:00Z");
    await c.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: `c${i}`, status: i % 3 === 0 ? "received" : "resolved", at: new Date(t0.getTime() + i * 3_600_000) })));
    assert.equal(await c.countDocuments({ $and: [{ status: { $in: ["received"] } }, { at: { $gte: new Date(t0.getTime() + 3 * 3_600_000) } }] }), 9);
  });
});

describe("queries", () => {
  test("filter, sort on two keys, skip and limit: the officers' list page", async () => {
    const c = db.collection<Row>("list");
    const t = new Date("2026-12-01T00:00:00Z");
    await c.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `k${String(i).padStart(2, "0")}`, s: i % 2 ? "a" : "b", at: new Date(t.getTime() + Math.floor(i / 2) * 1000) })));
    const page = await c.find({ s: { $in: ["a", "b"] } }).sort({ at: -1, _id: -1 }).skip(2).limit(3).toArray();
    assert.deepEqual(page.map((d) => d._id), ["k47", "k46", "k45"]);
  });

  test("a sort with skip and limit gives the same documents as the full sort, page by page (many equal keys, a missing field, mixed types)", async () => {
    // The embedded server keeps only the top skip+limit while it scans
    // (tools/mongo-dev TopK); every page must match a full sort of the same query.
    const c = db.collection<Row>("topk");
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const t = Date.UTC(2026, 11, 1);
    await c.insertMany(
      Array.from({ length: 3000 }, (_, i) => {
        const row: Row = { _id: `r${String(i).padStart(4, "0")}`, s: ["a", "b", "c"][rnd(3)], at: new Date(t + rnd(40) * 60_000), n: rnd(5) };
        if (i % 97 === 0) delete row.at; // sorts first ascending, last descending
        if (i % 89 === 0) row.n = `text${rnd(3)}`; // strings sort after numbers
        return row;
      }),
    );
    for (const [filter, sort] of [
      [{ s: { $in: ["a", "b"] } }, { at: -1, _id: -1 }],
      [{}, { n: 1, at: -1, _id: 1 }],
      [{ s: "c" }, { at: 1, _id: -1 }],
    ] as const) {
      const all = (await c.find(filter, { projection: { _id: 1 } }).sort(sort).toArray()).map((d) => d._id);
      assert.equal(new Set(all).size, all.length);
      for (const [skip, limit] of [[0, 1], [0, 20], [20, 20], [137, 50], [all.length - 5, 20], [0, all.length + 10]]) {
        const page = (await c.find(filter, { projection: { _id: 1 } }).sort(sort).skip(skip).limit(limit).toArray()).map((d) => d._id);
        assert.deepEqual(page, all.slice(skip, skip + limit), `${JSON.stringify(filter)} ${JSON.stringify(sort)} skip ${skip} limit ${limit}`);
      }
    }
  });

  test("$regex as a string with $options; $exists: false; $size; dotted paths", async () => {
    const c = db.collection<Row>("misc");
    await c.insertMany([
      { _id: 1, name: "บ้านโนนสวรรค์", meta: { draft: "d1" }, tags: [1, 2] },
      { _id: 2, name: "Ban Non", meta: { complaint: "c1" }, tags: [] },
    ]);
    assert.deepEqual((await c.find({ name: { $regex: "^ban", $options: "i" } }).toArray()).map((d) => d._id), [2]);
    assert.deepEqual((await c.find({ name: { $regex: "โนน" } }).toArray()).map((d) => d._id), [1]);
    assert.deepEqual((await c.find({ "meta.complaint": { $exists: false } }).toArray()).map((d) => d._id), [1]);
    assert.deepEqual((await c.find({ tags: { $size: 0 } }).toArray()).map((d) => d._id), [2]);
  });

  test("the oldest ObjectIds first (sort on _id, a residual filter, a limit), through inserts and deletes: the inbox journal's read", async () => {
    const c = db.collection<{ _id: mongo.ObjectId; n: number; deadLetter?: boolean }>("journal");
    const t0 = Math.floor(Date.UTC(2026, 11, 1) / 1000);
    const ids = Array.from({ length: 300 }, (_, i) => new mongoose.Types.ObjectId(t0 + i));
    const shuffled = ids.map((id, i) => ({ _id: id, n: i, ...(i % 7 === 3 ? { deadLetter: true } : {}) })).sort((a, b) => ((a.n * 7919) % 300) - ((b.n * 7919) % 300));
    await c.insertMany(shuffled);
    const oldest = async (k: number) => (await c.find({ deadLetter: { $ne: true } }).sort({ _id: 1 }).limit(k).toArray()).map((d) => d.n);
    const live = (from: number) => Array.from({ length: 300 - from }, (_, i) => from + i).filter((n) => n % 7 !== 3);
    assert.deepEqual(await oldest(5), live(0).slice(0, 5));
    await c.deleteMany({ _id: { $in: ids.slice(0, 100) } });
    await c.insertOne({ _id: new mongoose.Types.ObjectId(t0 - 1), n: -1 });
    assert.deepEqual(await oldest(4), [-1, ...live(100).slice(0, 3)]);
    assert.equal((await c.find({}).sort({ _id: -1 }).limit(1).toArray())[0]!.n, 299);
    assert.deepEqual((await c.indexes()).map((i) => i.name), ["_id_"], "no index appears that was not created");
  });

  test("secondary indexes declared with _id in the key, descending, and on dotted paths are accepted", async () => {
    const c = db.collection<Row>("indexed");
    await c.createIndex({ "routedTo.level": 1, "routedTo.districtCode": 1, status: 1, submittedAt: -1, _id: -1 });
    await c.createIndex({ timestamp: 1, receivedAt: 1, _id: 1 });
    const names = (await c.indexes()).map((i) => i.name);
    assert.ok(names.length >= 3, names.join(","));
  });
});

describe("bulk writes and GridFS", () => {
  test("a bulk write of 1,000 mixed operations completes in one call", async () => {
    const c = db.collection<Row>("bulk");
    await c.insertMany(Array.from({ length: 400 }, (_, i) => ({ _id: `b${i}`, n: 0 })));
    const ops: mongo.AnyBulkWriteOperation<Row>[] = [
      ...Array.from({ length: 400 }, (_, i) => ({ insertOne: { document: { _id: `new${i}`, n: 1 } } })),
      ...Array.from({ length: 400 }, (_, i) => ({ updateOne: { filter: { _id: `b${i}` }, update: { $inc: { n: 2 } } } })),
      ...Array.from({ length: 200 }, (_, i) => ({ deleteOne: { filter: { _id: `b${i}` } } })),
    ];
    const started = Date.now();
    const res = await c.bulkWrite(ops, { ordered: false });
    assert.deepEqual([res.insertedCount, res.modifiedCount, res.deletedCount], [400, 400, 200]);
    assert.equal(await c.countDocuments(), 600);
    console.log(`bulk write of 1,000 operations: ${Date.now() - started} ms`);
  });

  test("an ordered bulk write stops at a duplicate and names its index", async () => {
    const c = db.collection<Row>("bulk2");
    await c.insertOne({ _id: "dup" });
    const err = (await c.bulkWrite([{ insertOne: { document: { _id: "x1" } } }, { insertOne: { document: { _id: "dup" } } }, { insertOne: { document: { _id: "x2" } } }], { ordered: true }).catch((e: unknown) => e)) as {
      code?: number;
      writeErrors?: { index: number }[] | { index: number };
    };
    const first = Array.isArray(err.writeErrors) ? err.writeErrors[0] : err.writeErrors;
    assert.equal(err.code, 11000);
    assert.equal(first?.index, 1);
    assert.deepEqual((await c.find().sort({ _id: 1 }).toArray()).map((d) => d._id), ["dup", "x1"]);
  });

  test("GridFS stores and reads back a photo with metadata (evidence)", async () => {
    const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: "evidence" });
    const data = Buffer.alloc(300_000, 7);
    const upload = bucket.openUploadStream("p.jpg", { metadata: { draftId: "d1", contentType: "image/jpeg" } });
    await new Promise<void>((resolve, reject) => Readable.from([data]).pipe(upload).on("finish", () => resolve()).on("error", reject));
    const chunks: Buffer[] = [];
    for await (const chunk of bucket.openDownloadStream(upload.id)) chunks.push(chunk as Buffer);
    assert.ok(Buffer.concat(chunks).equals(data));
    await db.collection("evidence.files").updateMany({ _id: { $in: [upload.id] } }, { $set: { "metadata.complaintId": "c1" }, $unset: { "metadata.draftId": "" } });
    assert.equal(await db.collection("evidence.files").countDocuments({ "metadata.complaintId": "c1", "metadata.draftId": { $exists: false } }), 1);
  });
});
