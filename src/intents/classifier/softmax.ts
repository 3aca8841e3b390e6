// Multinomial logistic regression over sparse binary features: the model, prediction and a
// deterministic trainer (AdaGrad, fixed seed and epochs, L2). Each example's features count
// 1/sqrt(n), so long and short messages weigh alike. Pure functions, no I/O.
import { seededRandom } from "../../util/seeded-random";

export interface SoftmaxModel {
  classes: string[];
  bias: number[];
  /** feature → [classIndex, weight, classIndex, weight, …] (weights under the prune level dropped). */
  weights: Map<string, number[]>;
  /** Calibration: logits are divided by this before the softmax. */
  temperature: number;
}

export interface TrainOptions {
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** L2 penalty per step, scaled by the example's share. */
  l2: number;
  seed: number;
  /** Features seen in fewer examples than this are ignored. */
  minCount: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 20, rate: 0.2, l2: 1e-4, seed: 1, minCount: 2 };

export interface Example {
  features: readonly string[];
  label: string;
}

export function softmax(logits: readonly number[], temperature = 1): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp((z - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Raw scores per class; unknown features are ignored. */
export function logits(model: SoftmaxModel, features: readonly string[]): number[] {
  const z = [...model.bias];
  const known = features.filter((f) => model.weights.has(f));
  if (known.length === 0) return z;
  const v = 1 / Math.sqrt(known.length);
  for (const f of known) {
    const w = model.weights.get(f)!;
    for (let i = 0; i < w.length; i += 2) z[w[i]!]! += w[i + 1]! * v;
  }
  return z;
}

export function predict(model: SoftmaxModel, features: readonly string[]): number[] {
  return softmax(logits(model, features), model.temperature);
}

/** Trains on the examples; classes are sorted so the model does not depend on input order. */
export function train(examples: readonly Example[], opts: TrainOptions = DEFAULT_TRAIN): SoftmaxModel {
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const k = classes.length;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (n >= opts.minCount) index.set(f, index.size);
  const data = examples.map((e) => ({ ids: [...new Set(e.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined), y: classes.indexOf(e.label) }));
  const W = new Float64Array(index.size * k);
  const G = new Float64Array(index.size * k).fill(1e-8);
  const b = new Float64Array(k);
  const Gb = new Float64Array(k).fill(1e-8);
  const random = seededRandom(opts.seed); // mulberry32: training is repeatable
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { ids, y } = data[n]!;
      const v = ids.length ? 1 / Math.sqrt(ids.length) : 0;
      const z = Array.from(b);
      for (const id of ids) for (let c = 0; c < k; c++) z[c]! += W[id * k + c]! * v;
      const p = softmax(z);
      for (let c = 0; c < k; c++) {
        const g = p[c]! - (c === y ? 1 : 0);
        Gb[c]! += g * g;
        b[c]! -= (opts.rate * g) / Math.sqrt(Gb[c]!);
        for (const id of ids) {
          const at = id * k + c;
          const gw = g * v + opts.l2 * W[at]!;
          G[at]! += gw * gw;
          W[at]! -= (opts.rate * gw) / Math.sqrt(G[at]!);
        }
      }
    }
  }
  const weights = new Map<string, number[]>();
  for (const [f, id] of index) {
    const row: number[] = [];
    for (let c = 0; c < k; c++) if (W[id * k + c] !== 0) row.push(c, W[id * k + c]!);
    if (row.length) weights.set(f, row);
  }
  return { classes, bias: Array.from(b), weights, temperature: 1 };
}
