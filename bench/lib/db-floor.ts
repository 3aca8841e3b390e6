import mongoose from "mongoose";
import { percentile } from "./load";

// The least database work one pledge confirmation needs, run straight against
// the bench's own database with the driver: no bot, no HTTP, no LINE, no
// Flex. Six operations, each of which the product cannot drop:
//   1. the inbox row, stored before the webhook's 200 (a crash loses no event);
//   2. the flow state read (where the person is in the flow);
//   3. the pledge number, an atomic $inc on the year's counter (dense, unique);
//   4. the pledge itself;
//   5. the flow state removed;
//   6. the inbox row marked done.
// (No reply-token claim: LINE's token is single use, which settles a replay.)
// Whatever the bot does on this database, it cannot confirm pledges faster than
// this loop does; the pledge bench reports its own rate against it.
export const FLOOR_WRITES_PER_PLEDGE = 6;
const MAX_FLOOR_RATE = 600; // pledges/s the set-up provides flow states for

export interface FloorRun {
  concurrency: number;
  pledgesPerS: number;
  p50Ms: number;
  p99Ms: number;
}

export async function measurePledgeFloor(uri: string, seconds: number, concurrencies: number[]): Promise<FloorRun[]> {
  const conn = await mongoose.createConnection(uri, { dbName: `bench_floor_${Date.now().toString(36)}`, maxPoolSize: 64 }).asPromise();
  try {
    const db = conn.db!;
    const col = (name: string) => db.collection<{ _id: string } & Record<string, unknown>>(name);
    for (const name of ["inbox", "flows", "numbers", "pledges"]) await db.createCollection(name);
    const runs: FloorRun[] = [];
    let seq = 0;
    for (const concurrency of concurrencies) {
      // The flow states the earlier steps left, stored before the clock starts.
      const room = Math.ceil(MAX_FLOOR_RATE * seconds);
      for (let i = 0; i < room; i += 1000) {
        await col("flows").insertMany(
          Array.from({ length: Math.min(1000, room - i) }, (_, j) => ({ _id: `p${seq + i + j}`, step: "confirm", data: { districtCode: "4001", tambonCode: "400101", villageNo: 3 } })),
        );
      }
      const latencies: number[] = [];
      const stopAt = Date.now() + seconds * 1000;
      const started = Date.now();
      const worker = async () => {
        while (Date.now() < stopAt && latencies.length + concurrency < room) {
          const id = `p${seq++}`;
          const t = performance.now();
          await col("inbox").insertOne({ _id: id, state: "pending", payload: "x".repeat(600), receivedAt: new Date() });
          const flow = await col("flows").findOne({ _id: id });
          const before = await db.collection<{ _id: string; seq: number }>("numbers").findOneAndUpdate({ _id: "year" }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: "before" });
          await col("pledges").insertOne({ _id: id, number: (before?.seq ?? 0) + 1, area: flow?.data, pledgedAt: new Date() });
          await col("flows").deleteOne({ _id: id });
          await col("inbox").updateOne({ _id: id }, { $set: { state: "done", doneAt: new Date() } });
          latencies.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      seq += room; // the next run's flow states start past this run's
      const elapsedS = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      runs.push({ concurrency, pledgesPerS: Math.round((latencies.length / elapsedS) * 10) / 10, p50Ms: Math.round(percentile(latencies, 50) * 10) / 10, p99Ms: Math.round(percentile(latencies, 99) * 10) / 10 });
    }
    return runs;
  } finally {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
}
