import assert from "node:assert/strict";
import { describe, test } from "node:test";
import modelJson from "../../../src/intents/intent-model.json";
import { loadIssue3Rows, loadTrainingCorpus } from "../../../src/intents/corpus";
import { INTENT_MODEL } from "../../../src/intents/intent";
import { trainingFingerprint } from "../../../src/intents/train";

// Protects the checked-in model: it was trained on today's corpus with today's features (run
// `npm run train:intents` after changing either), and it knows every label of the corpus.
describe("src/intents/intent-model.json", () => {
  test("matches the corpus and the feature code (else: npm run train:intents)", () => {
    assert.equal((modelJson as { fingerprint?: string }).fingerprint, trainingFingerprint([...loadTrainingCorpus(), ...loadIssue3Rows()]));
  });

  test("has a class for every corpus label, greeting and complaint.report included", () => {
    const labels = new Set(loadTrainingCorpus().map((r) => r.label));
    assert.deepEqual([...INTENT_MODEL.classes].sort(), [...labels].sort());
    assert.ok(INTENT_MODEL.classes.includes("greeting") && INTENT_MODEL.classes.includes("complaint.report"));
  });
});
