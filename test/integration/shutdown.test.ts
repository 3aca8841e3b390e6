import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../src/dev/line-emulator";
import { freePort } from "../../src/dev/embedded-db";
import { InboxEvent } from "../../src/models/inbox-event.model";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../helpers/test-config";

// `npm start` as a real process: boots from the environment, answers, and on
// SIGTERM stops taking webhooks, finishes in-flight events and exits 0.
const ROOT = path.resolve(__dirname, "..", "..");
let line: LineEmulator;
const dbName = `t_shutdown_${randomBytes(3).toString("hex")}`;

before(async () => {
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN });
  await mongoose.connect(process.env.MONGODB_URI!, { dbName });
});
after(async () => {
  await mongoose.connection.db?.dropDatabase();
  await mongoose.disconnect();
  await line.close();
});

function startServer(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      MONGODB_URI: process.env.MONGODB_URI!,
      MONGODB_DB: dbName,
      LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
      LINE_API_BASE_URL: line.url,
      LINE_DATA_API_BASE_URL: line.url,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      SCHEDULER_ENABLED: "false",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  return { child, exited, output: () => output };
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not become ready");
}

describe("npm start", () => {
  test("a bad config stops the boot with one line naming the variable", async () => {
    const s = startServer(await freePort(), { DATA_ENCRYPTION_KEY: "too-short" });
    assert.equal(await s.exited, 1);
    assert.match(s.output(), /Config error: DATA_ENCRYPTION_KEY must be 32 random bytes in base64/);
  });

  test("SIGTERM finishes in-flight events and exits 0", async () => {
    const port = await freePort();
    const s = startServer(port);
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base);
    line.setWebhookUrl(`${base}/webhook`);
    const users = Array.from({ length: 10 }, (_, i) => makeUserId(`term${i}`));
    line.setFaults({ latencyMs: 150, endpoints: ["reply"] }); // keep replies in flight
    const sent = await Promise.all(users.map((u) => line.sendWebhook([line.events.text(u, "no gift")])));
    assert.ok(sent.every((r) => r.status === 200));
    s.child.kill("SIGTERM");
    assert.equal(await s.exited, 0, s.output());
    line.setFaults({});
    assert.equal(await InboxEvent.countDocuments({ state: "done" }), users.length, "every stored event was finished");
    for (const u of users) assert.equal(line.messagesTo(u).length, 1);
  });
});
