import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import mongoose from "mongoose";
import { botEnv, startBotProcess, type BotProcess } from "../../../bench/lib/bot-process";
import { connectDb, disconnectDb } from "../../../src/db";
import { freePort } from "../../../src/dev/embedded-db";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../../helpers/test-config";
import { deliveryMismatches, streamAtRate, waitUntil } from "./fault-helpers";

// The bot process is SIGKILLed in the middle of a stream of webhooks and started
// again (the real server, `src/index.ts`, configured by the environment). LINE
// redelivers what got no answer. No event may be lost and none answered twice:
// checked at the emulator, one reply or push per event. Chats whose lease the
// dead process held wait for it to expire (30 s), so this test takes ~40 s.
const uri = process.env.MONGODB_URI!;
const dbName = `t_botkill_${randomBytes(3).toString("hex")}`;
let line: LineEmulator;
let port: number;
let env: Record<string, string>;
let bot: BotProcess;

before(async () => {
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN, redeliver: { attempts: 100, delayMs: 300 } });
  port = await freePort();
  // One environment for both processes: the same keys open the sealed inbox payloads.
  env = botEnv({ mongoUri: uri, dbName, lineUrl: line.url, channelSecret: TEST_CHANNEL_SECRET, accessToken: TEST_ACCESS_TOKEN });
  bot = await startBotProcess({ env, port });
  line.setWebhookUrl(`${bot.url}/webhook`);
  await connectDb(uri, dbName);
});

after(async () => {
  await bot.kill("SIGTERM");
  await line.close();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDb();
});

test("SIGKILL mid-stream and restart: every event answered exactly once", { timeout: 75_000 }, async () => {
  const users = Array.from({ length: 12 }, (_, i) => makeUserId(`kill-${i}`));
  const texts = ["no gift", "เมนู", "ไม่รับ ไม่ให้", "help"];
  const total = 150;
  const expected = new Map<string, number>();
  const statuses: number[] = [];
  let killedAt = 0;

  const chaos = (async () => {
    await delay(1500);
    killedAt = Date.now();
    await bot.kill("SIGKILL");
    await delay(300);
    bot = await startBotProcess({ env, port });
  })();
  await streamAtRate(total, 40, async (i) => {
    const user = users[i % users.length]!;
    expected.set(user, (expected.get(user) ?? 0) + 1);
    statuses.push((await line.sendWebhook([line.events.text(user, texts[i % texts.length]!)])).status);
  });
  await chaos;

  assert.ok(killedAt > 0);
  assert.ok(statuses.includes(0), "some webhooks found no bot (it was dead)");
  assert.ok(statuses.filter((s) => s === 200).length > 20, "the stream ran before and after the kill");
  await waitUntil(() => deliveryMismatches(line, expected).length === 0, 50_000, "every event to be answered").catch((err: Error) => {
    throw new Error(`${err.message}: ${deliveryMismatches(line, expected).join(", ")}\n${bot.tail()}`);
  });
  await delay(1500); // a duplicate would arrive now
  assert.deepEqual(deliveryMismatches(line, expected), [], "none answered twice");
  assert.equal(await InboxEvent.countDocuments(), total, "each event stored once");
  assert.equal(await InboxEvent.countDocuments({ state: "done" }), total);
});
