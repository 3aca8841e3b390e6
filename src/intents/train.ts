import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fitTemperature, leaveOneWriterOut } from "./classifier/cross-validate";
import { messageFeatures } from "./classifier/features";
import { toModelJson, type ModelJson } from "./classifier/model-json";
import { DEFAULT_TRAIN, train } from "./classifier/softmax";
import { loadIssue3Rows, loadTrainingCorpus, type CorpusRow } from "./corpus";

// `npm run train:intents`: trains the intent classifier on the corpus (w1…w6, never the
// sealed writers) plus issue 3's labelled set (not its held-out set), and writes src/intents/intent-model.json. Deterministic: the same corpus
// gives the same bytes. The temperature is fitted on leave-one-writer-out predictions, so
// the probabilities are calibrated on writers the model had not seen.
export const MODEL_FILE = path.join(__dirname, "intent-model.json");

/** A hash of the labels and features of the training rows: changes with the corpus or the feature code. */
export function trainingFingerprint(rows: readonly CorpusRow[]): string {
  const hash = createHash("sha256");
  for (const r of rows) hash.update(`${r.label}\t${messageFeatures(r.text).sort().join(" ")}\n`);
  return hash.digest("hex").slice(0, 16);
}

export function buildModel(rows: readonly CorpusRow[], extra: readonly CorpusRow[] = []): ModelJson {
  const temperature = fitTemperature(leaveOneWriterOut(rows, extra));
  const model = train([...rows, ...extra].map((r) => ({ features: messageFeatures(r.text), label: r.label })), DEFAULT_TRAIN);
  return { ...toModelJson({ ...model, temperature }), fingerprint: trainingFingerprint([...rows, ...extra]) };
}

/** One feature per line: small diffs when the corpus changes. */
export function serialiseModel(json: ModelJson): string {
  const head = JSON.stringify({ version: json.version, fingerprint: json.fingerprint, classes: json.classes, bias: json.bias, temperature: json.temperature });
  const features = json.features.map((f) => `    ${JSON.stringify(f)}`).join(",\n");
  const weights = json.weights.map((w) => `    ${JSON.stringify(w)}`).join(",\n");
  return `${head.slice(0, -1)},\n  "features": [\n${features}\n  ],\n  "weights": [\n${weights}\n  ]\n}\n`;
}

if (require.main === module) {
  const started = Date.now();
  const rows = loadTrainingCorpus();
  const extra = loadIssue3Rows();
  const json = buildModel(rows, extra);
  const text = serialiseModel(json);
  writeFileSync(MODEL_FILE, text);
  const weights = json.weights.reduce((n, w) => n + w.length / 2, 0);
  console.log(
    `trained on ${rows.length} corpus + ${extra.length} issue-3 messages: ${json.features.length} features, ${weights} weights, temperature ${json.temperature}, ` +
      `${(text.length / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), MODEL_FILE)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
