import { randomBytes } from "node:crypto";
import { loadConfig, type Config } from "../../src/config";

export const TEST_CHANNEL_SECRET = "0123456789abcdef0123456789abcdef";
export const TEST_ACCESS_TOKEN = "test-channel-access-token";

/** A config for one test file: its own database on the test MongoDB (the embedded mongo-java-server by default). */
export function makeTestConfig(name: string, lineUrl: string, env: Record<string, string> = {}): Config {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error("MONGODB_URI is not set: run the tests with `npm test`, which starts the embedded database");
  const dbName = `t_${name.replace(/[^A-Za-z0-9]/g, "_").slice(0, 30)}_${randomBytes(3).toString("hex")}`;
  return loadConfig({
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    LINE_API_BASE_URL: lineUrl,
    LINE_DATA_API_BASE_URL: lineUrl,
    LINE_TIMEOUT_MS: "3000",
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SESSION_SECRET: randomBytes(24).toString("hex"),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    SCHEDULER_ENABLED: "false",
    ...env,
  });
}
