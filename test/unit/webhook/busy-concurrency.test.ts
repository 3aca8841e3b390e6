import assert from "node:assert/strict";
import { test } from "node:test";
import { busyConcurrency } from "../../../src/webhook/inbox-worker";

test("while the webhook is busy the worker keeps a quarter of its chats going, never none", () => {
  assert.deepEqual([1, 3, 4, 16, 64].map(busyConcurrency), [1, 1, 1, 4, 16]);
});
