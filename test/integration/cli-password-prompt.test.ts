import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { verifyPassword } from "../../src/dashboard/auth/password";

// Issue 17: in a terminal, `officer:create` asks for the password twice without echo
// (pipes and --password-env keep working: dashboard-cli.test.ts). The terminal is a real
// pseudo-terminal from util-linux `script`, so raw mode and echo are the kernel's.
const root = path.resolve(__dirname, "..", "..");
const dbName = `t_clitty_${randomBytes(3).toString("hex")}`;
const hasScript = spawnSync("script", ["--version"]).status === 0;
let conn: mongoose.Connection;

/** Runs the CLI on a pty; answers each prompt matching `answers[i][0]` with `answers[i][1]`. */
function onTerminal(args: string[], answers: Array<[RegExp, string]>): Promise<{ code: number; screen: string }> {
  return new Promise((resolve) => {
    const command = ["node", "--import", "tsx", "src/cli/cli.ts", ...args].join(" ");
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", MONGODB_URI: process.env.MONGODB_URI ?? "", MONGODB_DB: dbName, TERM: "dumb" },
    });
    let screen = "";
    let next = 0;
    let from = 0; // answered prompts are before this index
    child.stdout.on("data", (d: Buffer) => {
      screen += d.toString();
      const a = answers[next];
      if (!a || !a[0].test(screen.slice(from))) return;
      next++;
      from = screen.length;
      child.stdin.write(a[1]);
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, screen }));
  });
}

before(async () => {
  conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName }).asPromise();
});
after(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

describe("officer:create in a terminal", { skip: !hasScript && "util-linux `script` (a pseudo-terminal) is not installed" }, () => {
  test("asks twice, echoes nothing, and creates the account; two different answers create nothing", async () => {
    const pw = "typed-on-a-terminal-42";
    const ok = await onTerminal(["officer:create", "--username", "tty-admin", "--role", "admin"], [
      [/new password\): /, `${pw}\r`],
      [/again\): /, `${pw}\r`],
    ]);
    assert.equal(ok.code, 0, ok.screen);
    assert.match(ok.screen, /รหัสผ่านใหม่ \(new password\)/);
    assert.match(ok.screen, /พิมพ์อีกครั้ง \(again\)/);
    assert.ok(!ok.screen.includes(pw), `the password was echoed:\n${ok.screen}`);
    assert.match(ok.screen, new RegExp(`database: ${dbName} at `), "it says which database");
    const doc = await conn.collection("officers").findOne({ username: "tty-admin" });
    assert.equal(await verifyPassword(pw, doc!.passwordHash as string), true);

    const differ = await onTerminal(["officer:create", "--username", "tty-two", "--role", "admin"], [
      [/new password\): /, "first-password-typed-1\r"],
      [/again\): /, "second-password-typed-2\r"],
    ]);
    assert.equal(differ.code, 1);
    assert.match(differ.screen, /differ/);
    assert.equal(await conn.collection("officers").countDocuments({ username: "tty-two" }), 0);
  });
});
