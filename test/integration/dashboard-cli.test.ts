import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { verifyPassword } from "../../src/dashboard/auth/password";
import { hashApiToken } from "../../src/services/officer.service";
import { runCaptured, type Captured } from "../helpers/run-captured";

// `npm run cli -- officer:create` creates the first admin (issue 7), reading the
// password from stdin or an environment variable, and stores only its scrypt hash.
const root = path.resolve(__dirname, "..", "..");
const dbName = `t_cli_${randomBytes(3).toString("hex")}`;
let conn: mongoose.Connection;

function cli(args: string[], stdin: string, env: Record<string, string> = {}): Promise<Captured> {
  const cliEnv = { PATH: process.env.PATH ?? "", MONGODB_URI: process.env.MONGODB_URI ?? "", MONGODB_DB: dbName, ...env };
  return runCaptured(process.execPath, ["--import", "tsx", "src/cli/cli.ts", ...args], { cwd: root, env: cliEnv, stdin });
}

before(async () => {
  conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName }).asPromise();
});
after(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

describe("officer:create and officer:token", () => {
  test("creates an admin from a password on stdin; the hash verifies and the password is not stored", async () => {
    const r = await cli(["officer:create", "--username", "Admin.One", "--role", "admin"], "a-very-long-admin-password\n");
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /created human account "admin.one" \(admin\)/);
    const doc = await conn.collection("officers").findOne({ username: "admin.one" });
    assert.ok(doc);
    assert.equal(doc.role, "admin");
    assert.ok(!JSON.stringify(doc).includes("a-very-long-admin-password"));
    assert.equal(await verifyPassword("a-very-long-admin-password", doc.passwordHash as string), true);
  });

  test("a district officer from --password-env, with districts checked against the DOPA list", async () => {
    const ok = await cli(["officer:create", "--username", "kk-officer", "--role", "officer", "--districts", "4001,4005", "--password-env", "NEW_PW"], "", { NEW_PW: "district-officer-pass" });
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual((await conn.collection("officers").findOne({ username: "kk-officer" }))!.districts, ["4001", "4005"]);
    const bad = await cli(["officer:create", "--username", "kk-two", "--role", "officer", "--districts", "9999", "--password-env", "NEW_PW"], "", { NEW_PW: "district-officer-pass" });
    assert.equal(bad.code, 1);
    assert.match(bad.err, /unknown district 9999/);
  });

  test("refuses a short password, a taken username and a missing password", async () => {
    assert.match((await cli(["officer:create", "--username", "shorty", "--role", "viewer"], "short\n")).err, /weak password/);
    assert.match((await cli(["officer:create", "--username", "admin.one", "--role", "viewer"], "another-long-password\n")).err, /username taken/);
    assert.match((await cli(["officer:create", "--username", "nopw", "--role", "viewer"], "")).err, /standard input/);
  });

  test("a service account gets an API token; only its hash is stored", async () => {
    assert.equal((await cli(["officer:create", "--username", "svc-bi", "--role", "viewer", "--kind", "service"], "")).code, 0);
    const r = await cli(["officer:token", "--username", "svc-bi", "--label", "BI"], "");
    assert.equal(r.code, 0, r.err);
    const token = r.out.trim();
    assert.match(token, /^sjt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const doc = (await conn.collection("officers").findOne({ username: "svc-bi" }))!;
    assert.equal(doc.apiTokens[0].hash, hashApiToken(token));
    assert.ok(!JSON.stringify(doc).includes(token));
  });
});
