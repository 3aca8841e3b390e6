import assert from "node:assert/strict";
import { test } from "node:test";
import { BUSY_HOLD_MS, BUSY_IN_FLIGHT, BUSY_REQUESTS, BUSY_WINDOW_MS, IngestLoad, SURGE_REQUESTS, SURGE_WINDOW_MS } from "../../../src/webhook/ingest-load";

function clocked() {
  let now = 1_000_000;
  return { load: new IngestLoad(() => now), advance: (ms: number) => (now += ms) };
}

test("a few webhooks a second are not load", () => {
  const { load, advance } = clocked();
  for (let i = 0; i < 20; i++) {
    load.begin()();
    advance(100);
  }
  assert.equal(load.busy(), false);
});

test("many requests within the window make it busy, and busy holds for a second after", () => {
  const { load, advance } = clocked();
  for (let i = 0; i < BUSY_REQUESTS; i++) load.begin()();
  assert.equal(load.busy(), true);
  advance(BUSY_WINDOW_MS + 1);
  assert.equal(load.busy(), true, "still within the hold");
  advance(BUSY_HOLD_MS);
  assert.equal(load.busy(), false);
});

test("inserts waiting at once make it busy even when few requests arrive (a stalled database)", () => {
  const { load, advance } = clocked();
  const ends = Array.from({ length: BUSY_IN_FLIGHT }, () => {
    advance(200);
    return load.begin();
  });
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

test("a flood sustained for the surge window makes it a surge, which falls back to busy and then calm", () => {
  const { load, advance } = clocked();
  const step = SURGE_WINDOW_MS / SURGE_REQUESTS; // exactly the surge rate
  for (let i = 0; i < SURGE_REQUESTS - 1; i++) {
    load.begin()();
    advance(step / 2);
  }
  assert.equal(load.level(), "busy", "one request short of a surge");
  load.begin()();
  assert.equal(load.level(), "surge");
  advance(BUSY_WINDOW_MS + 1);
  assert.equal(load.level(), "surge", "still within the hold");
  advance(BUSY_HOLD_MS);
  assert.equal(load.level(), "calm");
  // 100 requests/s (busy) for a second never reaches a surge.
  for (let i = 0; i < 100; i++) {
    load.begin()();
    advance(10);
  }
  assert.equal(load.level(), "busy");
});

test("a burst of requests at once, even with their inserts all waiting, is busy, not a surge", () => {
  const { load, advance } = clocked();
  const ends = Array.from({ length: 300 }, () => load.begin());
  assert.equal(load.level(), "busy");
  ends.forEach((end) => end());
  advance(BUSY_HOLD_MS + 1);
  assert.equal(load.level(), "calm");
});

test("a long flood stays a surge throughout, and calm returns a hold after it ends", () => {
  const { load, advance } = clocked();
  for (let i = 0; i < 20_000; i++) {
    load.begin()();
    advance(1); // 1,000 requests/s for 20 s
    if (i > SURGE_REQUESTS) assert.equal(load.level(), "surge");
  }
  advance(BUSY_HOLD_MS + SURGE_WINDOW_MS + 1);
  assert.equal(load.level(), "calm");
});
