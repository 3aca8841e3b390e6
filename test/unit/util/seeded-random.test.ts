import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../../../src/util/seeded-random";

test("the same seed replays the same numbers in [0, 1); another seed gives others", () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(Array.from({ length: 1000 }, () => b()), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.ok(new Set(xs).size > 990, "no short cycle");
  assert.notDeepEqual(Array.from({ length: 10 }, seededRandom(43)), xs.slice(0, 10));
});
