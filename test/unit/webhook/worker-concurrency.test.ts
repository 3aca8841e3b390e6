import assert from "node:assert/strict";
import { test } from "node:test";
import { concurrencyAt } from "../../../src/webhook/inbox-worker";

test("the worker keeps all its chats going when calm, a quarter when the webhook is busy, one in a surge, never none", () => {
  const sizes = [1, 3, 4, 16, 64];
  assert.deepEqual(sizes.map((n) => concurrencyAt("calm", n)), sizes);
  assert.deepEqual(sizes.map((n) => concurrencyAt("busy", n)), [1, 1, 1, 4, 16]);
  assert.deepEqual(sizes.map((n) => concurrencyAt("surge", n)), [1, 1, 1, 1, 1]);
});
