import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { loadConfig } from "../../../src/config";
import { DEV_CHANNEL_SECRET, devChannel, devEnv, loadDevSecrets } from "../../../src/dev/dev-env";

// Protects `npm run dev` without a .env: the keys are made once and reused (so data
// sealed yesterday still opens today), and what the developer set always wins.
describe("dev environment", () => {
  test("dev secrets are created once (mode 600) and read back unchanged", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-devenv-"));
    const first = loadDevSecrets(dir);
    const file = path.join(dir, "dev-secrets.json");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadDevSecrets(dir), first);
    assert.equal(Buffer.from(first.DATA_ENCRYPTION_KEY, "base64").length, 32);
    writeFileSync(file, "{}");
    assert.throws(() => loadDevSecrets(dir), /damaged/);
    assert.equal(readFileSync(file, "utf8"), "{}", "a damaged file is never overwritten with new keys");
  });

  test("the defaults make a valid config pointing LINE at the emulator", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-devenv-"));
    const env = devEnv({}, { mongodbUri: "mongodb://127.0.0.1:1/x", emulatorUrl: "http://127.0.0.1:3001", secrets: loadDevSecrets(dir) });
    const config = loadConfig(env);
    assert.equal(config.line.apiBaseUrl, "http://127.0.0.1:3001");
    assert.equal(config.line.dataApiBaseUrl, "http://127.0.0.1:3001");
    assert.equal(config.line.channelSecret, DEV_CHANNEL_SECRET);
    assert.equal(config.port, 3000);
  });

  test("values from .env or the shell win over the dev defaults, and the emulator signs with the bot's secret", () => {
    const secrets = { DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), SESSION_SECRET: "s".repeat(40) };
    const shell = { PORT: "4000", LINE_CHANNEL_SECRET: "ffffffffffffffffffffffffffffffff", MONGODB_URI: "mongodb://db.example:27017" };
    const env = devEnv(shell, { mongodbUri: "mongodb://127.0.0.1:1/x", emulatorUrl: "http://127.0.0.1:3001", secrets });
    assert.equal(env.PORT, "4000");
    assert.equal(env.MONGODB_URI, "mongodb://db.example:27017");
    assert.equal(devChannel(env).channelSecret, "ffffffffffffffffffffffffffffffff");
    assert.equal(devChannel({}).channelSecret, DEV_CHANNEL_SECRET);
  });
});
