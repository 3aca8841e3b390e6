import "dotenv/config";
import { createServer } from "node:net";
import path from "node:path";
import { ConfigError, loadConfig } from "../config";
import { disconnectDb } from "../db";
import { createLogger } from "../logger";
import { startRuntime, type Runtime } from "../runtime";
import { DEFAULT_EMULATOR_PORT, devChannel, devEnv, loadDevSecrets } from "./dev-env";
import { installDevRichMenu } from "./dev-richmenu";
import { devRuntimePath, removeDevRuntime, writeDevRuntime } from "./dev-runtime";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { startLineEmulator, type LineEmulator } from "./line-emulator";
import { findRepoRoot, mountSimulator, type Simulator } from "./line-emulator/simulator";

// `npm run dev`: the embedded database (or MONGODB_URI), the LINE emulator with its
// chat simulator, and the bot, all on 127.0.0.1. Ctrl-C stops them in reverse order.
const HOST = "127.0.0.1";
const FORCE_AFTER_MS = 1500;

class DevStartError extends Error {}

/** Fails early with a clear line instead of an unhandled EADDRINUSE from listen(). */
async function assertPortFree(port: number, variable: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new DevStartError(`พอร์ต ${port} ถูกใช้อยู่ (port ${port} is in use): set ${variable} to another port, or stop the other process`)));
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

function printUrls(botUrl: string, emulator: LineEmulator, pageUrl: string, mongodbUri: string, dbName: string, richMenu: string, runtimeFile: string): void {
  const lines = [
    "",
    "สุจริต (Sujarit) กำลังทำงานในโหมดพัฒนา — dev mode is up:",
    `  แชทจำลอง  chat simulator   ${pageUrl}`,
    `  บอท      bot              ${botUrl}`,
    `            webhook          ${botUrl}/webhook`,
    `            healthz          ${botUrl}/healthz`,
    `            officer dashboard ${botUrl}/officer/`,
    `  LINE emulator             ${emulator.url}   (control API: ${emulator.url}/__sim)`,
    `  MongoDB                   ${mongodbUri.replace(/\/\/[^@/]*@/, "//***@")}   (database ${dbName})`,
    `  ${richMenu}`,
    "",
    `  npm run cli -- … ในอีกเทอร์มินัลจะใช้ฐานข้อมูลนี้เอง (finds it in ${path.relative(process.cwd(), runtimeFile) || runtimeFile})`,
    "  เริ่มต้น (first steps, README): npm run cli -- officer:create --username admin --role admin",
    '  ลองส่งข้อความจากเทอร์มินัล: npm run cli -- say "ไม่รับ ไม่ให้"',
    "  กด Ctrl-C เพื่อหยุด (stops the bot, the emulator and the database)",
    "",
  ];
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const root = findRepoRoot();
  const dataDir = process.env.DEV_DATA_DIR ?? path.join(root, ".data");
  const botPort = Number(process.env.PORT ?? 3000);
  const emulatorPort = Number(process.env.EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT);
  await assertPortFree(botPort, "PORT");
  await assertPortFree(emulatorPort, "EMULATOR_PORT");

  let db: EmbeddedDb | undefined;
  let emulator: LineEmulator | undefined;
  let rt: Runtime | undefined;
  let simulator: Simulator | undefined;
  const runtimeFile = devRuntimePath({ ...process.env, DEV_DATA_DIR: dataDir });
  const stopAll = async () => {
    removeDevRuntime(runtimeFile);
    await rt?.stop().catch(() => undefined);
    simulator?.store?.stop();
    await disconnectDb().catch(() => undefined);
    await emulator?.close().catch(() => undefined);
    await db?.stop();
  };
  // Ctrl-C reaches npm, tsx and this process, and tsx relays it once more: only a
  // signal well after the first one means "stop now".
  let stoppingSince = 0;
  const shutdown = (signal: string) => {
    if (stoppingSince > 0) {
      if (Date.now() - stoppingSince < FORCE_AFTER_MS) return;
      console.error("ปิดทันที (forced exit)");
      db?.process.kill("SIGKILL");
      process.exit(130);
    }
    stoppingSince = Date.now();
    console.log(`\n${signal}: กำลังปิดบอท อีมูเลเตอร์ และฐานข้อมูล… (Ctrl-C again to force)`);
    stopAll().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`shutdown failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  // Whatever ends this process, the database child must not outlive it.
  process.on("exit", () => {
    db?.process.kill("SIGTERM");
    removeDevRuntime(runtimeFile);
  });

  try {
    let mongodbUri = process.env.MONGODB_URI;
    if (!mongodbUri) {
      db = await startEmbeddedDb({ backend: "h2", file: path.join(dataDir, "mongo-dev.mv"), log: (l) => console.error(l) });
      mongodbUri = db.uri;
    }
    const channel = devChannel(process.env);
    // EMULATOR_MONTHLY_QUOTA: try the announcement quota refusal locally (unset: no monthly limit).
    const quota = process.env.EMULATOR_MONTHLY_QUOTA ? Number(process.env.EMULATOR_MONTHLY_QUOTA) : undefined;
    emulator = await startLineEmulator({ ...channel, port: emulatorPort, monthlyQuota: quota });
    const sim = mountSimulator(emulator, { channelAccessToken: channel.channelAccessToken, dataDir: path.join(dataDir, "simulator") });
    simulator = sim;
    const richMenu = await installDevRichMenu(root, emulator.url, channel.channelAccessToken);
    const env = devEnv(process.env, { mongodbUri, emulatorUrl: emulator.url, secrets: loadDevSecrets(dataDir) });
    const config = loadConfig(env);
    if (config.line.apiBaseUrl !== emulator.url) {
      console.warn(`LINE_API_BASE_URL is ${config.line.apiBaseUrl}: the bot will not answer in the chat simulator`);
    }
    // One short line per event in this terminal, with the simulated person's name (LOG_FORMAT=json: JSON lines).
    const nameOf = (id: string) => sim.users.list().find((u) => u.userId === id)?.displayName;
    const logger = createLogger(config.logLevel, { instance: config.instanceId }, undefined, { format: config.logFormat, nameOf });
    rt = await startRuntime(config, { logger });
    const server = await rt.listen(config.port, HOST);
    const address = server.address();
    const botUrl = `http://${HOST}:${typeof address === "object" && address ? address.port : config.port}`;
    emulator.setWebhookUrl(`${botUrl}/webhook`);
    writeDevRuntime(runtimeFile, { pid: process.pid, startedAt: new Date().toISOString(), mongodbUri, dbName: config.mongodb.dbName, emulatorUrl: emulator.url, botUrl });
    printUrls(botUrl, emulator, simulator.pageUrl, mongodbUri, config.mongodb.dbName, richMenu, runtimeFile);
  } catch (err) {
    await stopAll();
    throw err;
  }
}

main().catch((err: Error) => {
  // Java or Maven missing, a port in use, a bad .env value: one clear line, exit 1.
  const known = err instanceof ConfigError || err instanceof DevStartError || /is not installed|embedded database|mvn package/.test(err.message);
  console.error(known ? err.message : `npm run dev failed: ${err.message}`);
  process.exit(1);
});
