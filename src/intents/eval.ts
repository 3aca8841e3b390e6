import { existsSync } from "node:fs";
import { INTENT_FIXTURE, INTENT_HOLDOUT, evaluateIntents, formatEvalReport, loadIntentCases, type EvalReport } from "./intent-eval";

// `npm run eval:intents`: the benchmark of topic understanding. It prints numbers and does not
// fail; test/unit/intents/intent-eval.test.ts asserts the floor so later changes cannot regress.
// The target: at least 90% overall and no topic below 80%.
const TARGET_OVERALL = 0.9;
const TARGET_PER_TOPIC = 0.8;

function verdict(report: EvalReport): string {
  const weakest = [...report.byLabel].sort(([, a], [, b]) => a.accuracy - b.accuracy)[0];
  const ok = report.overall.accuracy >= TARGET_OVERALL && (!weakest || weakest[1].accuracy >= TARGET_PER_TOPIC);
  const low = weakest ? `lowest topic ${weakest[0]} ${(weakest[1].accuracy * 100).toFixed(1)}%` : "no topics";
  return `target (≥ ${TARGET_OVERALL * 100}% overall, no topic < ${TARGET_PER_TOPIC * 100}%): ${ok ? "met" : "NOT met"}; ${low}`;
}

const main = (): void => {
  const labelled = evaluateIntents(loadIntentCases(INTENT_FIXTURE));
  console.log(formatEvalReport("labelled set (test/fixtures/intents.jsonl; the synonyms were tuned on it)", labelled));
  console.log(verdict(labelled));
  if (existsSync(INTENT_HOLDOUT)) {
    // Written before the rules and never tuned against: how well the rules generalise.
    const holdout = evaluateIntents(loadIntentCases(INTENT_HOLDOUT));
    console.log("");
    console.log(formatEvalReport("held-out set (test/fixtures/intents-holdout.jsonl; never tuned on)", holdout));
    console.log(verdict(holdout));
  }
};

main();
