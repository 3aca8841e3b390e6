import mongoose from "mongoose";
import type { Config } from "../../src/config";
import { disconnectDb } from "../../src/db";
import { startLineEmulator, type LineEmulator, type EmulatorOptions } from "../../src/dev/line-emulator";
import { userChatKey } from "../../src/webhook/inbox";
import { startRuntime, type Runtime, type RuntimeOptions } from "../../src/runtime";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET, makeTestConfig } from "./test-config";

// The real parts, wired for one test file: the LINE emulator, the bot (express
// app on a loopback port, inbox worker, outbox) and a fresh database on the test server.
export interface Harness {
  line: LineEmulator;
  bot: Runtime;
  config: Config;
  webhookUrl: string;
  /** Starts another bot process-equivalent on the same database (restart, replicas). */
  restart(opts?: RuntimeOptions): Promise<Runtime>;
  /** How the bot keys a 1:1 chat with this LINE user in its collections (a keyed hash). */
  chatKey(userId: string): string;
  /** Waits until the bot has nothing left to do (inbox and outbox). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(name: string, opts: RuntimeOptions & { emulator?: Partial<EmulatorOptions>; env?: Record<string, string> } = {}): Promise<Harness> {
  const line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN, ...opts.emulator });
  const config = makeTestConfig(name, line.url, opts.env);
  let bot = await startRuntime(config, { pollMs: 100, outboxBaseDelayMs: 20, ...opts });
  const server = await bot.listen(0, "127.0.0.1");
  const addr = server.address();
  let webhookUrl = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/webhook`;
  line.setWebhookUrl(webhookUrl);
  const h: Harness = {
    line,
    config,
    get bot() {
      return bot;
    },
    get webhookUrl() {
      return webhookUrl;
    },
    async restart(ropts = {}) {
      await bot.stop();
      bot = await startRuntime(config, { pollMs: 100, outboxBaseDelayMs: 20, ...ropts });
      const s = await bot.listen(0, "127.0.0.1");
      const a = s.address();
      webhookUrl = `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}/webhook`;
      line.setWebhookUrl(webhookUrl);
      return bot;
    },
    chatKey: (userId) => userChatKey(userId, bot.deps.sealer),
    async settle() {
      for (let i = 0; i < 200; i++) {
        await bot.journal.expandOnce();
        await bot.worker.pollOnce();
        await bot.worker.idle();
        await bot.deps.outbox.drainDue();
        const open = await mongoose.connection.collection("inboxevents").countDocuments({ state: { $in: ["pending", "processing", "committed"] } });
        const out = await mongoose.connection.collection("outboxmessages").countDocuments({ state: { $in: ["pending", "sending"] } });
        const journaled = await mongoose.connection.collection("inboxjournals").countDocuments({ deadLetter: { $ne: true } });
        if (open === 0 && out === 0 && journaled === 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error("the bot did not settle within 5 s");
    },
    async close() {
      await bot.stop();
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await disconnectDb();
      await line.close();
    },
  };
  return h;
}
