import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { disconnectDb } from "../../../src/db";
import { freePort, startEmbeddedDb, type EmbeddedDb } from "../../../src/dev/embedded-db";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { startRuntime, type Runtime } from "../../../src/runtime";
import { INBOX_DEADLINE_MS } from "../../../src/webhook/webhook.handler";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET, makeTestConfig } from "../../helpers/test-config";
import { deliveryMismatches, streamAtRate, waitUntil } from "./fault-helpers";

// The database goes away in the middle of a stream of webhooks. The bot must say
// 503 within LINE's 2 s webhook deadline (so that LINE redelivers, as the emulator
// does here), /readyz must report the outage, and once the database is back every
// event must be answered exactly once. This database server is the test's own, so it can
// be stopped without disturbing the other test files.
// This test found two bugs: a dropped connection mid-insert was taken for "all
// duplicates" (200, event lost; webhook/inbox.ts), and the driver's monitor could
// stay wedged after the restart (observability/db-watchdog.ts).
let db: EmbeddedDb;
let dbPort: number;
let dataDir: string;
let line: LineEmulator;
let bot: Runtime;
let botUrl: string;

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-outage-db-"));
  dbPort = await freePort();
  db = await startEmbeddedDb({ port: dbPort, backend: "h2", file: path.join(dataDir, "db.mv") });
  // LINE's redelivery interval is undisclosed; 400 ms keeps the test short.
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN, redeliver: { attempts: 80, delayMs: 400 } });
  const config = makeTestConfig("dbout", line.url, { MONGODB_URI: db.uri });
  bot = await startRuntime(config, { pollMs: 100, outboxBaseDelayMs: 20 });
  const server = await bot.listen(0, "127.0.0.1");
  const addr = server.address();
  botUrl = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  line.setWebhookUrl(`${botUrl}/webhook`);
});

after(async () => {
  await bot.stop();
  await disconnectDb();
  await line.close();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function readyz(): Promise<number> {
  const started = Date.now();
  const res = await fetch(`${botUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
  assert.ok(Date.now() - started < 2500, "readyz answers quickly even when MongoDB is gone");
  return res.status;
}

interface Answer {
  at: number;
  status: number;
  ms: number;
}

test("MongoDB stops mid-stream: 503 fast, readyz 503, then every event answered exactly once", { timeout: 60_000 }, async () => {
  const users = Array.from({ length: 8 }, (_, i) => makeUserId(`dbout-${i}`));
  const texts = ["no gift", "เมนู", "ไม่รับ ไม่ให้"];
  const total = 120;
  const expected = new Map<string, number>();
  const answers: Answer[] = [];
  const outage = { from: Infinity, to: Infinity };
  const readyDuringOutage: number[] = [];

  const chaos = (async () => {
    await delay(1200);
    // SIGTERM, not SIGKILL: the database process stops and its H2 file is closed
    // cleanly; what a SIGKILL loses (H2 flushes once a second) is not this test's subject.
    await db.stop();
    outage.from = Date.now();
    await delay(600);
    readyDuringOutage.push(await readyz());
    await delay(2800);
    db = await startEmbeddedDb({ port: dbPort, backend: "h2", file: path.join(dataDir, "db.mv") });
    outage.to = Date.now();
  })();
  await streamAtRate(total, 20, async (i) => {
    const user = users[i % users.length]!;
    expected.set(user, (expected.get(user) ?? 0) + 1);
    const started = Date.now();
    const r = await line.sendWebhook([line.events.text(user, texts[i % texts.length]!)]);
    answers.push({ at: started, status: r.status, ms: Date.now() - started });
  });
  await chaos;

  // Sent while the database was down and due before it came back: all fast 503s.
  const during = answers.filter((a) => a.at > outage.from + 300 && a.at < outage.to - INBOX_DEADLINE_MS - 100);
  assert.ok(during.length >= 10, `the stream ran through the outage (${during.length} webhooks)`);
  assert.deepEqual([...new Set(during.map((a) => a.status))], [503]);
  assert.deepEqual([...new Set(answers.map((a) => a.status))].sort(), [200, 503]);
  const slow = answers.filter((a) => a.ms >= 2000).map((a) => `${a.status} at +${a.at - outage.from} ms took ${a.ms} ms`);
  assert.deepEqual(slow, [], "every webhook was answered within LINE's 2 s deadline");
  assert.deepEqual(readyDuringOutage, [503], "readyz reported the outage");

  // The driver may need the watchdog (2 probes, 5 s apart) to get its connection back.
  await waitUntil(async () => (await readyz()) === 200, 25_000, "readyz to recover");
  await waitUntil(() => deliveryMismatches(line, expected).length === 0, 20_000, "every event to be answered").catch((err: Error) => {
    throw new Error(`${err.message}: ${deliveryMismatches(line, expected).join(", ")}`);
  });
  await delay(1500); // late redeliveries and retries would show up now
  assert.deepEqual(deliveryMismatches(line, expected), [], "no event was answered twice");
  assert.equal(await InboxEvent.countDocuments(), total, "each event stored once");
  assert.equal(await InboxEvent.countDocuments({ state: "done" }), total);
  assert.ok(line.webhookDeliveries.some((d) => d.isRedelivery && d.status === 200), "LINE's redeliveries were accepted after the outage");
});
