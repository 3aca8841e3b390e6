import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { coveringIndex, fieldsOf, indexServes } from "../../../src/models/index-coverage";
import { QUERY_SHAPES, declaredIndexes } from "../../../src/models/query-shapes";

// The test server never uses a secondary index, so a query without one would pass
// every test here and scan on MongoDB. Each hot query shape must be served by an
// index its model declares (the prefix rule in index-coverage.ts).
describe("every hot query shape has a declared index", () => {
  test("each shape is served by a declared index of its collection", () => {
    const uncovered: string[] = [];
    for (const s of QUERY_SHAPES) {
      const declared = declaredIndexes.get(s.collection);
      assert.ok(declared, `${s.name}: no declared indexes for ${s.collection}`);
      if (!coveringIndex(declared, fieldsOf(s.filter, s.sort, s.residual))) uncovered.push(`${s.name} (${s.collection} ${JSON.stringify(s.filter)} sort ${JSON.stringify(s.sort ?? {})})`);
    }
    assert.deepEqual(uncovered, []);
  });

  test("the list names the complaint list's shapes, the inbox's and the reminders'", () => {
    const names = QUERY_SHAPES.map((s) => s.name).join("\n");
    for (const part of ["list: every case", "list: by status", "list: a district officer's cases", "my reports", "complaint by tracking code", "inbox: a chat's unfinished events", "outbox: due rows", "reminders: due ones", "audience:"]) {
      assert.ok(names.includes(part), part);
    }
  });
});

describe("the prefix rule", () => {
  const shape = (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>, residual?: string[]) => fieldsOf(filter, sort, residual);

  test("equality fields lead, in any order, then the sort follows at once", () => {
    const ix = { key: { a: 1, b: 1, t: -1, _id: -1 } } as const;
    assert.equal(indexServes(ix, shape({ b: 1, a: { $in: [1, 2] } }, { t: -1, _id: -1 })), true);
    assert.equal(indexServes(ix, shape({ b: 1, a: 2 }, { t: 1, _id: 1 })), true, "the whole sort reversed");
    assert.equal(indexServes(ix, shape({ b: 1, a: 2 }, { t: -1, _id: 1 })), false, "mixed directions need their own index");
    assert.equal(indexServes(ix, shape({ a: 2 }, { t: -1 })), false, "a gap (b) between equality and sort");
    assert.equal(indexServes(ix, shape({ a: 1, b: 1, c: 1 })), false, "an equality field the index lacks");
    assert.equal(indexServes(ix, shape({ a: 1, b: 1, c: 1 }, undefined, ["c"])), true, "unless it is declared residual");
    assert.equal(indexServes(ix, shape({ a: 1, b: 1 }, { x: 1 })), false);
  });

  test("range fields do not lead; a filter of ranges only needs an index that starts with one", () => {
    assert.equal(indexServes({ key: { state: 1, dueAt: 1 } }, shape({ state: "pending", dueAt: { $lte: 1 } })), true);
    assert.equal(indexServes({ key: { dueAt: 1 } }, shape({ state: "pending", dueAt: { $lte: 1 } })), false);
    assert.equal(indexServes({ key: { expiresAt: 1 } }, shape({ expiresAt: { $lt: 1 } })), true);
    assert.equal(indexServes({ key: { other: 1 } }, shape({ expiresAt: { $lt: 1 } })), false);
  });

  test("a unique index made of equality fields is a point lookup; _id is always indexed", () => {
    assert.equal(indexServes({ key: { code: 1 }, unique: true }, shape({ code: "x", status: "open" })), true);
    assert.equal(indexServes({ key: { code: 1 } }, shape({ code: "x", status: "open" })), false);
    assert.ok(coveringIndex([], shape({ _id: "k" })));
    assert.equal(coveringIndex([], shape({ chatKey: "k" })), undefined);
  });

  test("$and is flattened and $or must be listed branch by branch", () => {
    assert.deepEqual(shape({ $and: [{ a: 1 }, { t: { $gte: 2 } }] }).equality, ["a"]);
    assert.throws(() => shape({ $or: [{ a: 1 }, { b: 1 }] }), /each branch/);
  });
});
