import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PledgeCounter } from "../../../src/models/pledge-counter.model";
import { changeCounter, updateCounter } from "../../../src/services/counter-writer";
import { startHarness, type Harness } from "../../helpers/harness";

// Counter documents under concurrent changes (FerretDB applies $inc as read, modify,
// write): nothing lost, each caller told the count its own change left, and a
// plain update kept in order with the changes around it.
let h: Harness;
before(async () => {
  h = await startHarness("counterwriter", { processing: false });
});
after(async () => h.close());

test("200 concurrent changes of one document: none lost, each caller sees a distinct count, fewer writes than changes", async () => {
  // Counts the writes (a spy: each call still goes to the database).
  let writes = 0;
  const originals = { findOneAndUpdate: PledgeCounter.findOneAndUpdate, updateOne: PledgeCounter.updateOne };
  for (const name of ["findOneAndUpdate", "updateOne"] as const) {
    (PledgeCounter as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      writes++;
      return (originals[name] as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      changeCounter("cw:a", { inc: { total: 1, [`districts.d${i % 2 ? "4001" : "4002"}`]: 1 }, max: { seq: i + 1 }, setOnInsert: { campaignYear: 2570 } }, i % 3 === 0),
    ),
  ).finally(() => Object.assign(PledgeCounter, originals));
  const doc = await PledgeCounter.findById("cw:a").lean();
  assert.equal(doc!.total, 200);
  assert.equal(doc!.seq, 200);
  assert.equal(doc!.campaignYear, 2570);
  const totals = results.map((r) => r.valueAfter("total")).sort((a, b) => a - b);
  assert.deepEqual(totals, Array.from({ length: 200 }, (_, i) => i + 1), "as if applied one by one");
  const odd = results.filter((_, i) => i % 2).map((r) => r.valueAfter("districts.d4001")).sort((a, b) => a - b);
  assert.deepEqual(odd, Array.from({ length: 100 }, (_, i) => i + 1));
  assert.ok(writes > 0 && writes < 20, `${writes} writes for 200 changes`);
});

test("a plain update waits for the changes queued before it, and the changes after it build on it", async () => {
  const before = Array.from({ length: 20 }, () => changeCounter("cw:b", { inc: { total: 1 } }));
  const reset = updateCounter("cw:b", { $set: { total: 100 } });
  const afterReset = Array.from({ length: 5 }, () => changeCounter("cw:b", { inc: { total: 1 } }, true));
  await Promise.all([...before, reset]);
  const last = await Promise.all(afterReset);
  assert.deepEqual(last.map((r) => r.valueAfter("total")).sort((a, b) => a - b), [101, 102, 103, 104, 105]);
  assert.equal((await PledgeCounter.findById("cw:b").lean())!.total, 105);
});

test("a failed write rejects its callers and the next change still goes through", async () => {
  // $inc of a non-number field is refused by the database.
  await PledgeCounter.collection.insertOne({ _id: "cw:c" as never, total: "text" as never });
  await assert.rejects(changeCounter("cw:c", { inc: { total: 1 } }));
  await PledgeCounter.collection.updateOne({ _id: "cw:c" as never }, { $set: { total: 7 } });
  assert.equal((await changeCounter("cw:c", { inc: { total: 1 } }, true)).valueAfter("total"), 8);
});
