import { leaveOneWriterOut } from "./classifier/cross-validate";
import { decideClass, THRESHOLDS, type Thresholds } from "./classifier/decide";
import { softmax } from "./classifier/softmax";
import type { CorpusRow } from "./corpus";
import { scoreAnswers, type Answered, type CorpusReport } from "./corpus-eval";
import { detectIntent, INTENT_MODEL, intentFromDecision } from "./intent";
import { detectIntentByRules } from "./rule-intent";
import { FLOW_WORDS } from "./synonyms";

// The evaluations of issue 19 as functions, for `npm run eval:intents` and the floor tests:
// leave-one-writer-out over the corpus (a model trained without the writer answers the
// writer), the old rule matcher on the same folds, and the shipped model on sealed writers.

const flowWords = new Set(FLOW_WORDS);

/** Each held-out writer answered by a model trained on the other writers. */
export function answerLeaveOneWriterOut(rows: readonly CorpusRow[], extra: readonly CorpusRow[] = [], thresholds: Thresholds = THRESHOLDS): Answered[] {
  return answerFromFolds(leaveOneWriterOut(rows, extra), thresholds);
}

/** Fold predictions → answers, with the shipped model's calibration and a decision rule. */
export function answerFromFolds(folds: ReturnType<typeof leaveOneWriterOut>, thresholds: Thresholds = THRESHOLDS): Answered[] {
  return folds.map((f) => ({
    row: f.row,
    intent: flowWords.has(f.row.text.trim())
      ? { kind: "unknown" as const }
      : intentFromDecision(decideClass(f.classes, softmax(f.logits, INTENT_MODEL.temperature), thresholds)),
  }));
}

/** The old rule matcher; it learns nothing, so every fold is just the writer's own rows. */
export function answerByRules(rows: readonly CorpusRow[]): Answered[] {
  return rows.map((row) => ({ row, intent: detectIntentByRules(row.text) }));
}

/** The shipped model (trained on w1…w6) on rows it never saw, e.g. the sealed writer. */
export function answerByShippedModel(rows: readonly CorpusRow[]): Answered[] {
  return rows.map((row) => ({ row, intent: detectIntent(row.text) }));
}

export function reportOf(answered: readonly Answered[]): CorpusReport {
  return scoreAnswers(answered);
}
