import { randomBytes } from "node:crypto";
import { loadConfig } from "../../src/config";
import { disconnectDb } from "../../src/db";
import { startEmbeddedDb, type EmbeddedDb } from "../../src/dev/embedded-db";
import { startLineEmulator } from "../../src/dev/line-emulator";
import { startRuntime } from "../../src/runtime";
import { createOfficer, issueApiToken } from "../../src/services/officer.service";

// A throwaway officer API for schemathesis (tools/schemathesis/run.sh): a fresh
// database (the embedded mongo-java-server, in memory, unless MONGODB_URI is set), the LINE emulator,
// the real app, and a service account with an admin API token. Prints
//   SCHEMATHESIS_READY <base url> <token>
// and serves until SIGTERM.
async function main(): Promise<void> {
  let db: EmbeddedDb | undefined;
  if (!process.env.MONGODB_URI) db = await startEmbeddedDb({ backend: "memory" });
  const secret = randomBytes(16).toString("hex");
  const line = await startLineEmulator({ channelSecret: secret, channelAccessToken: "schemathesis-token" });
  const config = loadConfig({
    MONGODB_URI: process.env.MONGODB_URI ?? db!.uri,
    MONGODB_DB: `schemathesis_${randomBytes(3).toString("hex")}`,
    LINE_CHANNEL_SECRET: secret,
    LINE_CHANNEL_ACCESS_TOKEN: "schemathesis-token",
    LINE_API_BASE_URL: line.url,
    LINE_DATA_API_BASE_URL: line.url,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SESSION_SECRET: randomBytes(24).toString("hex"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    SCHEDULER_ENABLED: "false",
  });
  const rt = await startRuntime(config);
  const server = await rt.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  const admin = await createOfficer({ username: "schemathesis", role: "admin", kind: "service" });
  const { token } = await issueApiToken(String(admin._id), "schemathesis", new Date(), { scope: "case" });
  console.log(`SCHEMATHESIS_READY http://127.0.0.1:${port} ${token}`);
  const stop = async () => {
    await rt.stop();
    await disconnectDb();
    await line.close();
    await db?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(1);
});
