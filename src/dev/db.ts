import path from "node:path";
import { findRepoRoot } from "../util/repo-root";
import { startEmbeddedDb } from "./embedded-db";

// `npm run db`: only the embedded database, in the foreground (H2 file in .data/).
async function main(): Promise<void> {
  const port = Number(process.env.DB_PORT ?? 27017);
  const file = path.join(findRepoRoot(__dirname), ".data", "mongo-dev.mv");
  const db = await startEmbeddedDb({ port, backend: "h2", file, log: (l) => console.error(l) });
  console.log(`MONGODB_URI=${db.uri}`);
  console.error(`mongo-java-server (H2 file ${path.relative(process.cwd(), file)}; flushed about once a second) is running. Ctrl-C stops it.`);
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
