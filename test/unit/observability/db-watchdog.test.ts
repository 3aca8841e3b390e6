import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { createLogger } from "../../../src/logger";
import { startDbWatchdog } from "../../../src/observability/db-watchdog";

// The watchdog reconnects only when our client is wedged: it keeps failing while
// a fresh client reaches the same server. A plain outage (both fail) is left to
// the driver, and one bad probe is not enough.
const logger = createLogger("silent");

async function run(script: { ours: boolean; fresh: boolean }[]): Promise<number> {
  let i = 0;
  let reconnects = 0;
  const step = () => script[Math.min(i, script.length - 1)]!;
  const dog = startDbWatchdog({
    uri: "mongodb://unused",
    logger,
    intervalMs: 5,
    reconnect: async () => void (reconnects += 1),
    probes: {
      ours: async () => step().ours,
      fresh: async () => step().fresh,
    },
  });
  const advance = setInterval(() => (i += 1), 12);
  await delay(12 * (script.length + 2));
  clearInterval(advance);
  await dog.stop();
  return reconnects;
}

test("a healthy client is never reconnected", async () => {
  assert.equal(await run([{ ours: true, fresh: true }]), 0);
});

test("an outage where nobody reaches MongoDB does not reconnect", async () => {
  assert.equal(await run([{ ours: false, fresh: false }]), 0);
});

test("our client failing while a fresh one answers triggers a reconnect", async () => {
  assert.ok((await run([{ ours: false, fresh: true }])) >= 1);
});

test("stop() ends the probing", async () => {
  let probes = 0;
  const dog = startDbWatchdog({ uri: "x", logger, intervalMs: 5, reconnect: async () => undefined, probes: { ours: async () => (probes++, true), fresh: async () => true } });
  await delay(30);
  await dog.stop();
  const seen = probes;
  await delay(30);
  assert.equal(probes, seen);
  assert.ok(seen >= 1);
});
