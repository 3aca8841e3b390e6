import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, test } from "node:test";
import { loadCorpusDir, loadIssue3Rows, loadTrainingCorpus, SEALED_DIR } from "../../../src/intents/corpus";
import { accuracy, formatCorpusReport, wrongRate } from "../../../src/intents/corpus-eval";
import { answerByRules, answerByShippedModel, answerLeaveOneWriterOut, reportOf } from "../../../src/intents/corpus-folds";

// The floors of issue 19. The sealed writer (test/fixtures/intents-sealed/*.jsonl, added by the
// lead after the matcher was built, never seen while building it) must be understood: ≥ 90%
// top-1, no topic under 80%, at most 3% wrong answers. This test FAILS while the folder is
// missing. Leave-one-writer-out over w1…w6 has the floors reached when this was written
// (see docs/intents.md), so a change that makes the bot understand new writers worse fails.
const SEALED_TOP1 = 0.9;
const SEALED_TOPIC = 0.8;
const SEALED_WRONG = 0.03;

/** Leave-one-writer-out, as measured at commit time (npm run eval:intents): 89.6% / 3.8%. */
const LOWO_TOP1 = 0.88;
const LOWO_WRONG = 0.05;
/** The Thai writers (w1–w5); the English-writing w6 is the weakest fold (69%). */
const LOWO_THAI_WRITER_TOP1 = 0.86;
const LOWO_ENGLISH_WRITER_TOP1 = 0.65;
/** The old rule matcher on the same folds scored 54.7%: the classifier must stay far ahead. */
const OVER_RULES = 0.25;

describe("intent floors: the sealed writer", () => {
  test(`≥ ${SEALED_TOP1 * 100}% top-1, no topic < ${SEALED_TOPIC * 100}%, wrong ≤ ${SEALED_WRONG * 100}%`, () => {
    assert.ok(existsSync(SEALED_DIR), `${SEALED_DIR} is missing: the sealed writer has not been added yet`);
    const rows = loadCorpusDir(SEALED_DIR);
    assert.ok(rows.length >= 100, `only ${rows.length} sealed messages in ${SEALED_DIR}`);
    const report = reportOf(answerByShippedModel(rows));
    const detail = formatCorpusReport("sealed", report, { confusion: true, misses: true });
    assert.ok(accuracy(report.overall) >= SEALED_TOP1, detail);
    for (const [label, s] of report.byLabel) assert.ok(accuracy(s) >= SEALED_TOPIC, `${label} ${s.correct}/${s.total}\n${detail}`);
    assert.ok(wrongRate(report.overall) <= SEALED_WRONG, detail);
  });
});

describe("intent floors: leave-one-writer-out over w1…w6", () => {
  test("the classifier keeps the accuracy it reached on writers it never saw, far above the old rules", () => {
    const rows = loadTrainingCorpus();
    const report = reportOf(answerLeaveOneWriterOut(rows, loadIssue3Rows()));
    const detail = formatCorpusReport("leave-one-writer-out", report);
    assert.ok(accuracy(report.overall) >= LOWO_TOP1, detail);
    assert.ok(wrongRate(report.overall) <= LOWO_WRONG, detail);
    for (const [writer, s] of report.byWriter) {
      assert.ok(accuracy(s) >= (writer === "w6" ? LOWO_ENGLISH_WRITER_TOP1 : LOWO_THAI_WRITER_TOP1), `${writer}\n${detail}`);
    }
    const rules = reportOf(answerByRules(rows));
    assert.ok(accuracy(report.overall) - accuracy(rules.overall) >= OVER_RULES, `rules ${accuracy(rules.overall)}`);
  });
});
