import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { ConfigError, loadConfig } from "../../src/config";

const good = {
  MONGODB_URI: "mongodb://127.0.0.1:27017",
  LINE_CHANNEL_SECRET: "0123456789abcdef0123456789abcdef",
  LINE_CHANNEL_ACCESS_TOKEN: "token-token-token",
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SESSION_SECRET: "s".repeat(40),
};

function errorFor(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env as NodeJS.ProcessEnv);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail("config should have been rejected");
}

describe("loadConfig", () => {
  test("accepts a complete environment and applies the documented defaults", () => {
    const c = loadConfig(good);
    assert.equal(c.port, 3000);
    assert.equal(c.timezone, "Asia/Bangkok");
    assert.equal(c.line.apiBaseUrl, "https://api.line.me");
    assert.equal(c.line.dataApiBaseUrl, "https://api-data.line.me");
    assert.equal(c.crypto.key.length, 32);
    assert.equal(c.scheduler.planAheadMs, 120_000);
  });

  test("REMINDER_PLAN_AHEAD_SECONDS: 0 turns planning off; a negative or huge value says what is allowed", () => {
    assert.equal(loadConfig({ ...good, REMINDER_PLAN_AHEAD_SECONDS: "0" }).scheduler.planAheadMs, 0);
    assert.match(errorFor({ ...good, REMINDER_PLAN_AHEAD_SECONDS: "-5" }), /REMINDER_PLAN_AHEAD_SECONDS.*0/);
    assert.match(errorFor({ ...good, REMINDER_PLAN_AHEAD_SECONDS: "99999" }), /REMINDER_PLAN_AHEAD_SECONDS.*3600/);
  });

  for (const name of ["MONGODB_URI", "LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN", "DATA_ENCRYPTION_KEY", "SESSION_SECRET"]) {
    test(`a missing ${name} is named in one line`, () => {
      const msg = errorFor({ ...good, [name]: undefined });
      assert.match(msg, new RegExp(`^Config error: ${name} is required`));
      assert.equal(msg.includes("\n"), false);
    });
  }

  test("bad values say what the variable should hold", () => {
    assert.match(errorFor({ ...good, DATA_ENCRYPTION_KEY: "c2hvcnQ=" }), /DATA_ENCRYPTION_KEY must be 32 random bytes in base64/);
    assert.match(errorFor({ ...good, MONGODB_URI: "postgres://x" }), /MONGODB_URI must start with mongodb:\/\//);
    assert.match(errorFor({ ...good, APP_TIMEZONE: "Mars/Olympus" }), /APP_TIMEZONE must be an IANA time zone/);
    assert.match(errorFor({ ...good, PORT: "http" }), /^Config error: PORT /);
    assert.match(errorFor({ ...good, LINE_API_BASE_URL: "not a url" }), /LINE_API_BASE_URL must be a URL/);
  });
});
