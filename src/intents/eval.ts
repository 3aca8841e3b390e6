import { existsSync } from "node:fs";
import { leaveOneWriterOut } from "./classifier/cross-validate";
import { THRESHOLDS } from "./classifier/decide";
import { loadCorpusDir, loadIssue3Rows, loadTrainingCorpus, SEALED_DIR } from "./corpus";
import { accuracy, formatCorpusReport, wrongRate, type CorpusReport } from "./corpus-eval";
import { answerByRules, answerByShippedModel, answerFromFolds, reportOf } from "./corpus-folds";
import { INTENT_HOLDOUT, evaluateIntents, loadIntentCases } from "./intent-eval";

// `npm run eval:intents [-- --sealed <dir>] [--misses] [--sweep]`: topic understanding on the
// corpus of issue 19. Prints leave-one-writer-out for the classifier and the old rule matcher
// on the same folds (overall, per topic, per writer, confusion matrix, wrong-answer rate), and
// the shipped model on the sealed writer(s) when test/fixtures/intents-sealed/ (or --sealed)
// holds any. It prints and does not fail: the floors are in test/unit/intents/intent-floors.test.ts.

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const sealedDir = args.includes("--sealed") ? args[args.indexOf("--sealed") + 1]! : SEALED_DIR;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const summary = (r: CorpusReport) =>
  `top-1 ${pct(accuracy(r.overall))}, wrong ${pct(wrongRate(r.overall))}, asked ${pct(r.overall.asked / r.overall.total)}, ` +
  `lowest topic ${[...r.byLabel].map(([k, s]) => `${k} ${pct(accuracy(s))}`).sort((a, b) => parseFloat(a.split(" ").pop()!) - parseFloat(b.split(" ").pop()!))[0]}`;

function sweep(folds: ReturnType<typeof leaveOneWriterOut>): void {
  console.log("\n== threshold sweep (leave-one-writer-out): act, margin, askSecond, askTogether → top-1, wrong, asked");
  for (const act of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    for (const margin of [0.05, 0.1, 0.15, 0.2, 0.3]) {
      const r = reportOf(answerFromFolds(folds, { ...THRESHOLDS, act, margin }));
      console.log(`  ${act} ${margin} ${THRESHOLDS.askSecond} ${THRESHOLDS.askTogether} → ${pct(accuracy(r.overall))} ${pct(wrongRate(r.overall))} ${pct(r.overall.asked / r.overall.total)}`);
    }
  }
}

const main = (): void => {
  const rows = loadTrainingCorpus();
  const started = Date.now();
  const folds = leaveOneWriterOut(rows, loadIssue3Rows());
  const lowo = reportOf(answerFromFolds(folds));
  console.log(formatCorpusReport(`classifier (issue 3's labelled set always in training), leave-one-writer-out over ${[...lowo.byWriter.keys()].join(" ")} (${((Date.now() - started) / 1000).toFixed(0)} s)`, lowo, { confusion: true, misses: flag("--misses") }));
  const rules = reportOf(answerByRules(rows));
  console.log("\n" + formatCorpusReport("old rule matcher, same folds", rules, { confusion: flag("--confusion-rules") }));
  console.log("\n== comparison per writer (top-1 / wrong): classifier vs old rule matcher");
  for (const [w, s] of lowo.byWriter) {
    const o = rules.byWriter.get(w)!;
    console.log(`  ${w}  ${pct(accuracy(s)).padStart(6)} / ${pct(wrongRate(s)).padStart(5)}   vs   ${pct(accuracy(o)).padStart(6)} / ${pct(wrongRate(o)).padStart(5)}`);
  }
  console.log(`  all ${pct(accuracy(lowo.overall)).padStart(6)} / ${pct(wrongRate(lowo.overall)).padStart(5)}   vs   ${pct(accuracy(rules.overall)).padStart(6)} / ${pct(wrongRate(rules.overall)).padStart(5)}`);
  console.log(`\nclassifier: ${summary(lowo)}\nold rules:  ${summary(rules)}`);
  const holdout = evaluateIntents(loadIntentCases(INTENT_HOLDOUT));
  console.log(`issue 3's held-out set (never trained on), shipped model: ${pct(holdout.overall.accuracy)} (${holdout.overall.correct}/${holdout.overall.total})`);
  if (flag("--sweep")) sweep(folds);
  const sealed = existsSync(sealedDir) ? loadCorpusDir(sealedDir) : [];
  if (sealed.length === 0) {
    console.log(`\nsealed: no *.jsonl in ${sealedDir} (the lead adds the sealed writer there)`);
    return;
  }
  const report = reportOf(answerByShippedModel(sealed));
  console.log("\n" + formatCorpusReport(`shipped model on the sealed set (${sealedDir})`, report, { confusion: true, misses: flag("--misses") }));
  console.log(`\nsealed: ${summary(report)} (floors: ≥ 90% top-1, no topic < 80%, wrong ≤ 3%)`);
  const oldSealed = reportOf(answerByRules(sealed));
  console.log(`sealed, old rules: ${summary(oldSealed)}`);
};

main();
