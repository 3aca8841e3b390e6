import "dotenv/config";
import { ConfigError, loadConfig } from "./config";
import { disconnectDb } from "./db";
import { limitHeapGrowth } from "./heap-growth";
import { startRuntime } from "./runtime";

// `npm start`: the production server, and nothing else.
async function main(): Promise<void> {
  limitHeapGrowth();
  const config = loadConfig();
  const rt = await startRuntime(config);
  await rt.listen(config.port);
  rt.deps.logger.info("sujarit listening", { port: config.port });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    rt.deps.logger.info("shutting down", { signal });
    await rt.stop();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : `Startup failed: ${err.message}`);
  process.exit(1);
});
