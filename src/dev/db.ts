import { startEmbeddedDb } from "./embedded-db";

// `npm run db`: only the embedded database, in the foreground.
async function main(): Promise<void> {
  const port = Number(process.env.DB_PORT ?? 27017);
  const db = await startEmbeddedDb({ port, log: (l) => console.error(l) });
  console.log(`MONGODB_URI=${db.uri}`);
  console.error("FerretDB (SQLite) is running; data in .data/ferretdb. Ctrl-C stops it.");
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
