import { startEmbeddedDb, type EmbeddedDb } from "../../src/dev/embedded-db";
import { startHarness } from "../../test/helpers/harness";
import { runWebhookFuzz } from "./webhook-fuzz";

// The full fuzz run of issue 18: `npx tsx tools/fuzz/run-webhook-fuzz.ts [count] [seed]`.
// Uses MONGODB_URI when set, else the embedded database (memory). Prints the result
// as JSON and exits 1 when a body got a 500 or no answer, a chat is left unfinished,
// or the heap went over HEAP_BOUND_MB.
const HEAP_BOUND_MB = 768;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 18);
  let db: EmbeddedDb | undefined;
  if (!process.env.MONGODB_URI) {
    db = await startEmbeddedDb({ backend: "memory", log: (l) => console.error(l) });
    process.env.MONGODB_URI = db.uri;
  }
  const h = await startHarness("fuzz");
  const result = await runWebhookFuzz(h, { count, seed, log: (l) => console.error(l) });
  await h.close();
  await db?.stop();
  console.log(JSON.stringify({ ...result, heapBoundMb: HEAP_BOUND_MB }, null, 2));
  const failed = (result.statuses["500"] ?? 0) + (result.statuses["0"] ?? 0) > 0 || result.openInboxRows > 0 || result.peakHeapMb > HEAP_BOUND_MB;
  process.exit(failed ? 1 : 0);
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(1);
});
