import type { SoftmaxModel } from "./softmax";

// The trained model as the small JSON file checked into the repo (intent-model.json).
// Each feature's weights are shifted by their median (which changes no probability), then
// weights below PRUNE_BELOW are dropped and the rest rounded to 2 decimals; features left
// with no weight are dropped. Features are sorted, so the same model gives the same bytes.

export const PRUNE_BELOW = 0.3;
const DECIMALS = 100;

export interface ModelJson {
  version: 1;
  classes: string[];
  bias: number[];
  temperature: number;
  features: string[];
  /** One row per feature: [classIndex, weight × 100, …]. */
  weights: number[][];
  /** trainingFingerprint() of what it was trained on: a test notices a stale model. */
  fingerprint?: string;
}

const round = (x: number) => Math.round(x * DECIMALS);

export function toModelJson(model: SoftmaxModel, pruneBelow = PRUNE_BELOW): ModelJson {
  const features: string[] = [];
  const weights: number[][] = [];
  for (const f of [...model.weights.keys()].sort()) {
    // A feature adds the same amount to every class's score without changing any probability,
    // so each row is shifted by its median first: most weights then sit near 0 and are dropped.
    const dense = new Array<number>(model.classes.length).fill(0);
    const w = model.weights.get(f)!;
    for (let i = 0; i < w.length; i += 2) dense[w[i]!] = w[i + 1]!;
    const median = [...dense].sort((a, b) => a - b)[Math.floor(dense.length / 2)]!;
    const row: number[] = [];
    dense.forEach((x, c) => {
      if (Math.abs(x - median) >= pruneBelow) row.push(c, round(x - median));
    });
    if (row.length) {
      features.push(f);
      weights.push(row);
    }
  }
  return { version: 1, classes: [...model.classes], bias: model.bias.map((b) => round(b) / DECIMALS), temperature: Math.round(model.temperature * 100) / 100, features, weights };
}

export function fromModelJson(json: ModelJson): SoftmaxModel {
  if (json.version !== 1 || json.features.length !== json.weights.length) throw new Error("intent model: unexpected format");
  const weights = new Map<string, number[]>();
  json.features.forEach((f, i) => weights.set(f, json.weights[i]!.map((x, j) => (j % 2 === 0 ? x : x / DECIMALS))));
  return { classes: [...json.classes], bias: [...json.bias], weights, temperature: json.temperature };
}
