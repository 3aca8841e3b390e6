import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { readDevRuntime, type DevRuntime } from "../../src/dev/dev-runtime";
import { SimClient } from "../../src/dev/line-emulator/sim-client";
import { DashboardClient } from "./dashboard-client";
import { runCaptured, type Captured } from "../helpers/run-captured";

// Issue 17: README's "First steps" work as written. This starts `npm run dev` (free ports, a
// temporary data folder, a database of its own on the test server) and runs every command of
// that section exactly as the README writes it, in a shell, without MONGODB_URI: the CLI must
// find the dev database itself. Only the example headman code is replaced by the issued one,
// and the admin's password is piped in.
const ROOT = path.resolve(__dirname, "..", "..");
const DB_NAME = `t_firststeps_${process.pid}`;
const PASSWORD = "kaen-koon-first-steps-2569";
const EXAMPLE_CODE = "6MT7-C7P4";
let dev: ChildProcess;
let devOut = "";
let dataDir: string;
let rt: DevRuntime;

/** The `npm run …` lines of README's "First steps", in order, and the dashboard URL it names. */
function firstSteps(): { commands: string[]; dashboardUrl: string } {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## First steps");
  assert.ok(start >= 0, "README has a First steps section");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 5));
  const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("npm run")));
  return { commands, dashboardUrl: /(http:\/\/127\.0\.0\.1:3000\/officer\/)/.exec(section)![1]! };
}

/** A shell in the repo, as a person's second terminal: no MONGODB_URI, no EMULATOR_URL. */
function shell(command: string, stdin = ""): Promise<Captured> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DEV_DATA_DIR: dataDir, npm_config_update_notifier: "false" };
  return runCaptured("sh", ["-c", command], { cwd: ROOT, env, stdin });
}

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-firststeps-"));
  dev = spawn("npm", ["run", "dev"], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_DB: DB_NAME, PORT: "0", EMULATOR_PORT: "0", DEV_DATA_DIR: dataDir, LOG_LEVEL: "warn", SCHEDULER_CRON: "*/5 * * * * *" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: npm, tsx and the bot stop together
  });
  dev.stdout!.on("data", (c: Buffer) => (devOut += c.toString()));
  dev.stderr!.on("data", (c: Buffer) => (devOut += c.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const found = readDevRuntime(path.join(dataDir, "dev-runtime.json"));
    if (found) {
      rt = found;
      break;
    }
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`npm run dev did not start:\n${devOut}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

after(async () => {
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-dev.pid!, signal);
    } catch {
      // The group has already gone.
    }
  };
  if (dev.pid && dev.exitCode === null) {
    const exited = new Promise((r) => dev.once("exit", r));
    group("SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    group("SIGKILL");
  }
  rmSync(dataDir, { recursive: true, force: true });
  const conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName: DB_NAME }).asPromise();
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

describe("README: First steps", () => {
  test("every command works as written against npm run dev, and the reminder arrives", async () => {
    const { commands, dashboardUrl } = firstSteps();
    assert.ok(commands.length >= 15, `found ${commands.length} commands`);
    assert.equal(rt.dbName, DB_NAME);
    const sim = new SimClient(rt.emulatorUrl);
    let code: string | undefined;
    for (const written of commands) {
      const command = code ? written.replace(EXAMPLE_CODE, code) : written;
      const r = await shell(command, written.includes("officer:create") ? `${PASSWORD}\n` : "");
      assert.equal(r.code, 0, `${command}\n${r.out}\n${r.err}`);
      if (!written.includes(" say ")) assert.match(r.err, new RegExp(`database: ${DB_NAME} at mongodb://.* — from npm run dev`), "the CLI says which database");
      if (written.includes("headman:code")) code = /: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(r.out)?.[1];
      if (written.includes("ลงทะเบียนผู้ใหญ่บ้าน")) assert.match(r.out, /เรียบร้อยแล้ว/, r.out);
      if (written.includes("ยืนยันส่งเรื่อง")) assert.match(r.out, /รหัสติดตามเรื่อง KK-/, r.out);
      if (written.includes("ติดตามเรื่องนี้")) assert.match(r.out, /สถานะ: ได้รับเรื่องแล้ว/, r.out);
    }
    assert.ok(code, "headman:code printed a code");

    // Step 2: the dashboard at the URL the README names (its port is free-chosen here).
    const dashboard = new DashboardClient(rt.botUrl);
    await dashboard.login("admin", PASSWORD);
    const page = await dashboard.get(new URL(dashboardUrl).pathname + "complaints");
    assert.equal(page.status, 200);
    assert.match(page.text, /ถนนในหมู่บ้านสร้างเสร็จไม่ถึงครึ่ง|KK-/, "the complaint filed in step 5 is listed");

    // Step 4: the reminder reaches the headman's chat in the simulator.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const { entries } = await sim.messages("headman", 0);
      const reminder = entries.find((e) => e.from === "bot" && /ศาลาประชาคมหมู่ 5/.test(JSON.stringify(e.message)));
      if (reminder) break;
      assert.ok(Date.now() < deadline, "the meeting reminder did not arrive within 3 minutes");
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
});
