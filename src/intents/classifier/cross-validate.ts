import type { CorpusRow } from "../corpus";
import { messageFeatures } from "./features";
import { fromModelJson, toModelJson } from "./model-json";
import { DEFAULT_TRAIN, logits, softmax, train, type SoftmaxModel, type TrainOptions } from "./softmax";

// Leave-one-writer-out: for each writer, a model trained on the others predicts that
// writer's messages. The predictions go to the temperature fit (train) and the eval.

export interface FoldPrediction {
  row: CorpusRow;
  classes: string[];
  /** Uncalibrated scores; divide by a temperature and softmax for probabilities. */
  logits: number[];
}

/** A model as it ships: trained, then pruned and rounded through the JSON form. */
export function trainShipped(rows: readonly CorpusRow[], opts: TrainOptions = DEFAULT_TRAIN): SoftmaxModel {
  const model = train(rows.map((r) => ({ features: messageFeatures(r.text), label: r.label })), opts);
  return fromModelJson(toModelJson(model));
}

/** Folds over the writers of `rows`; `alwaysTrain` rows are in every training set, never tested. */
export function leaveOneWriterOut(rows: readonly CorpusRow[], alwaysTrain: readonly CorpusRow[] = [], opts: TrainOptions = DEFAULT_TRAIN): FoldPrediction[] {
  const writers = [...new Set(rows.map((r) => r.writer))].sort();
  const out: FoldPrediction[] = [];
  for (const w of writers) {
    const model = trainShipped([...rows.filter((r) => r.writer !== w), ...alwaysTrain], opts);
    for (const row of rows.filter((r) => r.writer === w)) out.push({ row, classes: model.classes, logits: logits(model, messageFeatures(row.text)) });
  }
  return out;
}

/** The temperature (0.3–5) that minimises the negative log-likelihood of the true labels. */
export function fitTemperature(preds: readonly FoldPrediction[]): number {
  let best = { t: 1, nll: Infinity };
  for (let t = 0.3; t <= 5.0001; t += 0.05) {
    let nll = 0;
    for (const p of preds) {
      const probs = softmax(p.logits, t);
      nll -= Math.log(Math.max(probs[p.classes.indexOf(p.row.label)] ?? 0, 1e-12));
    }
    if (nll < best.nll) best = { t: Math.round(t * 100) / 100, nll };
  }
  return best.t;
}
