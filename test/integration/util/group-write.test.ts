import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import mongoose from "mongoose";
import { isDuplicateKeyError } from "../../../src/errors";
import { createGroupWriter, type GroupWriter } from "../../../src/util/group-write";
import { startHarness, type Harness } from "../../helpers/harness";

// Group writes against the test database: concurrent writes share bulk writes,
// each caller gets its own outcome, and writes to one _id keep their order.
let h: Harness;
before(async () => {
  h = await startHarness("groupwrite", { processing: false });
});
after(async () => h.close());

type Row = { _id: string; [field: string]: unknown };

/** A writer on a fresh collection, counting the bulk writes it sends (each still goes to the database). */
function writerOn(name: string): { writer: GroupWriter; rows: mongoose.mongo.Collection<Row>; bulkWrites: () => number } {
  const rows = mongoose.connection.db!.collection<Row>(name);
  let bulkWrites = 0;
  const counted = new Proxy(rows, {
    get(target, prop, receiver) {
      if (prop === "bulkWrite") {
        return (...args: Parameters<typeof rows.bulkWrite>) => {
          bulkWrites++;
          return target.bulkWrite(...args);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { writer: createGroupWriter(() => counted), rows, bulkWrites: () => bulkWrites };
}

test("100 concurrent inserts: all stored, in a few bulk writes; each duplicate rejects its own caller with 11000", async () => {
  const { writer, rows, bulkWrites } = writerOn("gw_inserts");
  await rows.insertOne({ _id: "k7", taken: true });
  const ids = Array.from({ length: 100 }, (_, i) => `k${i}`);
  const outcomes = await Promise.allSettled(ids.map((_id, i) => writer.insert({ _id, n: i })));
  const failed = outcomes.flatMap((o, i) => (o.status === "rejected" ? [[ids[i], o.reason] as const] : []));
  assert.deepEqual(
    failed.map(([id]) => id),
    ["k7"],
  );
  assert.ok(isDuplicateKeyError(failed[0]![1]));
  assert.equal(await rows.countDocuments({ n: { $exists: true } }), 99);
  assert.equal((await rows.findOne({ _id: "k7" }))!.taken, true, "the existing document is untouched");
  assert.ok(bulkWrites() >= 1 && bulkWrites() <= 3, `${bulkWrites()} bulk writes for 100 inserts`);
});

test("writes to one _id in the same moment apply in the order asked", async () => {
  const { writer, rows } = writerOn("gw_order");
  await Promise.all([
    writer.insert({ _id: "a", v: 1 }),
    writer.update("a", { $set: { v: 2 } }),
    writer.update("a", { $inc: { v: 10 } }),
    writer.insert({ _id: "b", v: 1 }),
    writer.delete("b"),
    writer.update("c", { $set: { v: 5 } }, { upsert: true }),
  ]);
  assert.equal((await rows.findOne({ _id: "a" }))!.v, 12);
  assert.equal(await rows.findOne({ _id: "b" }), null);
  assert.equal((await rows.findOne({ _id: "c" }))!.v, 5);
});

test("an update the database refuses rejects only its caller; the others in the same bulk write land", async () => {
  const { writer, rows } = writerOn("gw_refused");
  await rows.insertMany([
    { _id: "text", v: "not a number" },
    { _id: "num", v: 1 },
  ]);
  // The delete first: the driver sends deletes and updates as separate commands, and the failure must still reach the right caller.
  const [gone, bad, good] = await Promise.allSettled([writer.delete("num2"), writer.update("text", { $inc: { v: 1 } }), writer.update("num", { $inc: { v: 1 } })]);
  assert.equal(bad.status, "rejected");
  assert.equal(good.status, "fulfilled");
  assert.equal(gone.status, "fulfilled", "deleting what is not there is not an error");
  assert.equal((await rows.findOne({ _id: "num" }))!.v, 2);
  assert.equal((await rows.findOne({ _id: "text" }))!.v, "not a number");
});
