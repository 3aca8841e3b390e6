import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { SimClient } from "../../src/dev/line-emulator/sim-client";

// `npm run dev` as a person runs it: one process starts the emulator with its chat
// simulator and the bot (here on the test database), prints the URLs, answers a
// simulated user, and stops cleanly on Ctrl-C.
const ROOT = path.resolve(__dirname, "..", "..");
const DB_NAME = `t_devmode_${process.pid}`;
let child: ChildProcess;
let out = "";
let dataDir: string;

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev mode did not print ${pattern} within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = pattern.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off("data", check);
      resolve(m);
    };
    child.stdout!.on("data", check);
    check();
  });
}

describe("npm run dev", () => {
  before(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-devmode-"));
    child = spawn(process.execPath, ["--import", "tsx", "src/dev/dev.ts"], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_DB: DB_NAME, PORT: "0", EMULATOR_PORT: "0", DEV_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  });
  after(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    const conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName: DB_NAME }).asPromise();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  test("prints the URLs, serves the simulator and the bot, answers a simulated user, and stops on SIGINT", async () => {
    const [, page] = await waitForOutput(/chat simulator\s+(http:\/\/127\.0\.0\.1:\d+\/simulator\/)/, 60_000);
    const [, bot] = await waitForOutput(/bot\s+(http:\/\/127\.0\.0\.1:\d+)\n/, 1000);
    for (const word of ["webhook", "healthz", "/officer/", "LINE emulator"]) assert.ok(out.includes(word), `the banner names ${word}`);
    assert.equal((await fetch(`${bot}/healthz`)).status, 200);
    const html = await (await fetch(page!)).text();
    assert.match(html, /แชทจำลอง/);
    assert.ok(existsSync(path.join(dataDir, "dev-secrets.json")), "dev keys are kept for the next run");
    // With or without LINE's OpenAPI spec (CI runs both), the emulator accepts the rich menu.
    assert.match(out, /rich menu: richmenu-[0-9a-f]{32} /, "the rich menu is set up");
    const runtime = path.join(dataDir, "dev-runtime.json");
    assert.equal(JSON.parse(readFileSync(runtime, "utf8")).botUrl, bot, "npm run cli finds this run");

    const sim = new SimClient(new URL(page!).origin);
    const sent = await sim.send("resident", { type: "text", text: "ไม่รับ ไม่ให้" });
    const replies = await sim.collectReplies("resident", sent.entry.seq, { timeoutMs: 15_000, quietMs: 300 });
    assert.ok(replies.some((e) => e.from === "bot" && (e.message as { type: string }).type === "flex"), JSON.stringify(replies));

    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    assert.equal(await exited, 0, out);
    assert.match(out, /SIGINT: กำลังปิด/);
    assert.ok(!existsSync(runtime), "a stopped run leaves no record behind");
  });
});
