import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import mongoose from "mongoose";
import { disconnectDb } from "../../../src/db";
import { freePort, startEmbeddedDb, type EmbeddedDb } from "../../../src/dev/embedded-db";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { startRuntime, type Runtime } from "../../../src/runtime";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET, makeTestConfig } from "../../helpers/test-config";
import { deliveryMismatches, streamAtRate, waitUntil } from "./fault-helpers";

// The database goes away in the middle of a stream of webhooks. The bot must say
// 503 within LINE's 2 s webhook deadline (so that LINE redelivers, as the emulator
// does here), /readyz must report the outage, and once the database is back every
// event must be answered exactly once. FerretDB here is this test's own, so it
// can be killed without disturbing the other test files.
let db: EmbeddedDb;
let dbPort: number;
let dataDir: string;
let line: LineEmulator;
let bot: Runtime;
let botUrl: string;

before(async () => {
  if (process.env.DEBUG_FAULTS) process.on("unhandledRejection", (e: Error) => console.error("UNHANDLED", e.stack));
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-outage-db-"));
  dbPort = await freePort();
  db = await startEmbeddedDb({ port: dbPort, dataDir });
  // LINE's redelivery interval is undisclosed; 400 ms keeps the test short.
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN, redeliver: { attempts: 60, delayMs: 400 } });
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

async function missingEvents(answers: { at: number; status: number; ms: number; id: string }[], from: number) {
  const stored = new Set((await InboxEvent.find({}, { webhookEventId: 1 }).lean()).map((r) => r.webhookEventId));
  return answers
    .filter((a) => !stored.has(a.id))
    .map((a) => ({ ...a, at: a.at - from, redeliveries: line.webhookDeliveries.filter((d) => d.body.includes(a.id) || d.isRedelivery).length }));
}

async function readyz(): Promise<number> {
  const started = Date.now();
  const res = await fetch(`${botUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
  assert.ok(Date.now() - started < 2500, "readyz answers quickly even when MongoDB is gone");
  return res.status;
}

test("MongoDB stops mid-stream: 503 fast, readyz 503, then every event answered exactly once", { timeout: 60_000 }, async () => {
  const users = Array.from({ length: 8 }, (_, i) => makeUserId(`dbout-${i}`));
  const texts = ["no gift", "เมนู", "ไม่รับ ไม่ให้"];
  const total = 120;
  const expected = new Map<string, number>();
  const answers: { at: number; status: number; ms: number; id: string }[] = [];
  let outage = { from: Infinity, to: Infinity };
  const readyDuringOutage: number[] = [];
  let ferretErr = "";
  const missing = () => missingEvents(answers, outage.from);

  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const evs: string[] = [];
  const client = mongoose.connection.getClient();
  for (const e of ["serverHeartbeatStarted", "serverHeartbeatFailed", "serverHeartbeatSucceeded", "connectionPoolCleared", "connectionPoolReady", "serverDescriptionChanged", "connectionClosed", "connectionCreated", "connectionCheckOutFailed"]) client.on(e as "close", (ev: any) => { evs.push(`${Date.now() % 100000} ${e} ${ev.newDescription?.type ?? ""} ${ev.failure?.message ?? ev.reason ?? ""} ${ev.connectionId ?? ""}`.slice(0, 160)); });
  const chaos = (async () => {
    await delay(1200);
    // SIGTERM: FerretDB on SQLite can lose writes it has acknowledged when it is
    // SIGKILLed (production MongoDB journals them), and that is not the bot's fault.
    await db.stop();
    outage.from = Date.now();
    await delay(600);
    readyDuringOutage.push(await readyz());
    await delay(2800);
    db = await startEmbeddedDb({ port: dbPort, dataDir });
    db.process.stderr!.on("data", (b: Buffer) => (ferretErr += b.toString()));
    outage.to = Date.now();
  })();

  await streamAtRate(total, 20, async (i) => {
    const user = users[i % users.length]!;
    expected.set(user, (expected.get(user) ?? 0) + 1);
    const started = Date.now();
    const ev = line.events.text(user, texts[i % texts.length]!);
    const r = await line.sendWebhook([ev]);
    answers.push({ at: started, status: r.status, ms: Date.now() - started, id: ev.webhookEventId });
  });
  await chaos;
  if (process.env.DEBUG_FAULTS) console.error("event loop lag max ms", lag.max / 1e6, "p99", lag.percentile(99) / 1e6);

  if (process.env.DEBUG_FAULTS) console.error(JSON.stringify({ outage, answers: answers.map((a) => [a.at - outage.from, a.status, a.ms]) }));
  // Sent while the database was down (after the open sockets noticed) and due before
  // it came back: every one was a fast 503.
  const during = answers.filter((a) => a.at > outage.from + 300 && a.at < outage.to - 1600);
  assert.ok(during.length >= 20, `the stream ran through the outage (${during.length} webhooks)`);
  assert.deepEqual([...new Set(during.map((a) => a.status))], [503]);
  assert.deepEqual([...new Set(answers.map((a) => a.status))].sort(), [200, 503]);
  const slowest = Math.max(...answers.map((a) => a.ms));
  const slow = answers.filter((a) => a.ms >= 2000).map((a) => `${a.status} sent at +${a.at - outage.from} ms took ${a.ms} ms`);
  assert.ok(slowest < 2000, `every webhook was answered within LINE's 2 s deadline (outage ${outage.to - outage.from} ms; ${slow.join("; ")})`);
  assert.deepEqual(readyDuringOutage, [503], "readyz reported the outage");

  await waitUntil(async () => (await readyz()) === 200, 20_000, "readyz to recover").catch(async (err: Error) => {
    const body = await (await fetch(`${botUrl}/readyz`)).text();
    const n = await InboxEvent.countDocuments().catch((e: Error) => e.message);
    console.error("count while not ready:", n, "readyState", mongoose.connection.readyState);
    const { MongoClient } = await import("mongodb");
    const c = new MongoClient(db.uri, { serverSelectionTimeoutMS: 2000 });
    console.error("fresh client ping:", await c.db("admin").command({ ping: 1 }).then((r) => JSON.stringify(r), (e: Error) => e.message));
    await c.close();
    console.error("ferret stderr:", ferretErr.slice(-3000));
    const topo = (client as any).topology;
    for (const [addr, srv] of topo.s.servers) {
      const m = srv.monitor;
      console.error("server", addr, srv.description.type, "monitor state", m?.s?.state, "conn", m?.connection ? { id: m.connection.id, closed: m.connection.closed, dataEvents: !!m.connection.dataEvents, destroyed: m.connection.socket?.destroyed, err: m.connection.error?.message } : null, "interval", m?.monitorId ? { running: m.monitorId.isExecutionInProgress, timer: !!m.monitorId.timerId, expeditedAt: m.monitorId.isExpeditedCallToFnScheduled } : null, "opts", m?.options);
    }
    console.error("restarted at", outage.to % 100000, "driver events:\n" + evs.filter((l) => !l.includes("connectionC")).slice(-30).join("\n") + "\n" + evs.slice(-30).join("\n"));
    throw new Error(`${err.message}: readyState ${mongoose.connection.readyState}, ${body}, db exit ${db.process.exitCode}`);
  });
  await waitUntil(() => deliveryMismatches(line, expected).length === 0, 30_000, "every event to be answered").catch(async (err: Error) => {
    const open = await InboxEvent.find({ state: { $ne: "done" } }, { state: 1, chatKey: 1, attempts: 1, error: 1, replyClaimedAt: 1, deliveredVia: 1 }).lean();
    throw new Error(`${err.message}: ${deliveryMismatches(line, expected).join(", ")}; rows not done: ${JSON.stringify(open)}; stored ${await InboxEvent.countDocuments()}; missing ${JSON.stringify(await missing())}`);
  });
  await delay(1500); // late redeliveries and retries would show up now
  assert.deepEqual(deliveryMismatches(line, expected), [], "no event was answered twice");
  assert.equal(await InboxEvent.countDocuments(), total, "each event stored once");
  assert.equal(await InboxEvent.countDocuments({ state: "done" }), total);
  const redelivered = line.webhookDeliveries.filter((d) => d.isRedelivery);
  assert.ok(redelivered.some((d) => d.status === 200), "LINE's redeliveries were accepted after the outage");
});
