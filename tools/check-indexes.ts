import mongoose from "mongoose";
import { connectDb } from "../src/db";
import { coveringIndex, fieldsOf } from "../src/models/index-coverage";
import { QUERY_SHAPES, declaredIndexes, type QueryShape } from "../src/models/query-shapes";

// `npm run check:indexes`: every hot query shape (src/models/query-shapes.ts)
// 1. against the declared indexes, by the prefix rule (no database needed), then
// 2. with explain() against MONGODB_URI (database MONGODB_DB, default "sujarit"),
//    after building the declared indexes there as the bot does at start-up. Any
//    COLLSCAN in a winning plan fails the check.
// The embedded test server (mongo-java-server) has no explain and ignores
// secondary indexes: there step 2 is skipped with a message. Run it against your
// real MongoDB (a staging copy or an empty database on the same version).
type Plan = { stage?: string; inputStage?: Plan; inputStages?: Plan[]; queryPlan?: Plan; [k: string]: unknown };

function stagesOf(plan: Plan | undefined, out: string[] = []): string[] {
  if (!plan) return out;
  if (plan.stage) out.push(plan.stage);
  stagesOf(plan.queryPlan, out);
  stagesOf(plan.inputStage, out);
  for (const p of plan.inputStages ?? []) stagesOf(p, out);
  return out;
}

function staticCheck(): number {
  let bad = 0;
  for (const s of QUERY_SHAPES) {
    const ix = coveringIndex(declaredIndexes.get(s.collection) ?? [], fieldsOf(s.filter, s.sort, s.residual));
    if (!ix) {
      bad += 1;
      console.log(`NO INDEX  ${s.name}: ${s.collection} ${JSON.stringify(s.filter)} sort ${JSON.stringify(s.sort ?? {})}`);
    }
  }
  console.log(`declared indexes: ${QUERY_SHAPES.length - bad} of ${QUERY_SHAPES.length} query shapes served by the prefix rule`);
  return bad;
}

async function explainShape(s: QueryShape): Promise<string[]> {
  const db = mongoose.connection.db!;
  const cursor = db.collection(s.collection).find(s.filter).limit(20);
  if (s.sort) cursor.sort(s.sort);
  const res = (await cursor.explain("queryPlanner")) as { queryPlanner?: { winningPlan?: Plan } };
  return stagesOf(res.queryPlanner?.winningPlan);
}

async function main(): Promise<void> {
  const bad = staticCheck();
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.log("MONGODB_URI is not set: explain() skipped. Set it to your MongoDB to check the plans there.");
    process.exit(bad > 0 ? 1 : 0);
  }
  await connectDb(uri, process.env.MONGODB_DB ?? "sujarit");
  let scans = 0;
  try {
    const first = await explainShape(QUERY_SHAPES[0]!).catch((err: Error) => err);
    if (first instanceof Error) {
      console.log(
        `explain() is not available on this server (${first.message.slice(0, 120)}). The embedded test server (mongo-java-server) ` +
          "has no explain and uses no secondary index, so only the declared-index check above ran. Run this against a real MongoDB.",
      );
      process.exit(bad > 0 ? 1 : 0);
    }
    for (const s of QUERY_SHAPES) {
      const stages = await explainShape(s);
      const scan = stages.includes("COLLSCAN");
      if (scan) scans += 1;
      console.log(`${scan ? "COLLSCAN" : "ok      "}  ${s.name}: ${stages.join(" ← ")}`);
    }
  } finally {
    await mongoose.disconnect();
  }
  console.log(`explain(): ${QUERY_SHAPES.length - scans} of ${QUERY_SHAPES.length} shapes use an index`);
  process.exit(bad > 0 || scans > 0 ? 1 : 0);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
