import assert from "node:assert/strict";
import { test } from "node:test";
import { BUSY_HOLD_MS, BUSY_IN_FLIGHT, IngestLoad, SLOW_INSERT_MS } from "../../../src/webhook/ingest-load";

function clocked() {
  let now = 1_000_000;
  return { load: new IngestLoad(() => now), advance: (ms: number) => (now += ms) };
}

test("many fast inserts are not load: a database that keeps up is left to the worker", () => {
  const { load, advance } = clocked();
  for (let i = 0; i < 500; i++) {
    const end = load.begin();
    advance(2);
    end();
  }
  assert.equal(load.busy(), false);
});

test("one slow insert makes it busy, and busy holds for a second after it", () => {
  const { load, advance } = clocked();
  const end = load.begin();
  advance(SLOW_INSERT_MS + 1);
  assert.equal(load.busy(), false, "not known to be slow while it runs with few others");
  end();
  assert.equal(load.busy(), true);
  advance(BUSY_HOLD_MS - 1);
  assert.equal(load.busy(), true, "still within the hold");
  advance(2);
  assert.equal(load.busy(), false);
});

test("an insert of exactly the limit is not slow", () => {
  const { load, advance } = clocked();
  const end = load.begin();
  advance(SLOW_INSERT_MS);
  end();
  assert.equal(load.busy(), false);
});

test("inserts waiting at once make it busy even before any finishes (a stalled database)", () => {
  const { load, advance } = clocked();
  const ends = Array.from({ length: BUSY_IN_FLIGHT }, () => load.begin());
  assert.equal(load.busy(), true);
  ends.forEach((end) => {
    end();
    end(); // ending twice counts once
  });
  advance(BUSY_HOLD_MS + 1);
  assert.equal(load.busy(), false);
  load.begin(); // one in flight is not load
  assert.equal(load.busy(), false);
});
