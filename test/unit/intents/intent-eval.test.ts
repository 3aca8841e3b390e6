import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  INTENT_FIXTURE, INTENT_HOLDOUT, evaluateIntents, formatEvalReport, loadIntentCases,
} from "../../../src/intents/intent-eval";
import { intentKey, type Intent } from "../../../src/intents/intent";
import type { CaseResult } from "../../../src/intents/intent-eval";

/** An "ask" row is fine when the bot asks, acts on one of the listed candidates, or does not act. */
const askRowFine = (r: CaseResult) => r.intent.kind !== "action" || (r.case.candidates ?? []).includes(intentKey(r.intent));

// Issue 3's sets. Since issue 19 the labelled set is part of the classifier's training (its
// near-misses teach what is not a topic), so it checks the fit: ≥ 90% overall, no topic below
// 80%. "ask" rows (one bare word such as "ของขวัญ") may now be answered with one of their
// candidates or with the fallback, but never a topic outside them: issue 19 asks only when
// two topics are close. The held-out set was never trained
// on. The corpus floors of issue 19 are in intent-floors.test.ts.
const OVERALL_FLOOR = 0.9;
const TOPIC_FLOOR = 0.8;
/** Acting on the wrong topic is the failure the issue forbids: at most 1 case in 100. */
const WRONG_GUESS_RATE = 0.01;
/** The held-out set is small (3–8 per topic), so only its overall score has a floor. */
const HOLDOUT_FLOOR = 0.85;

describe("intent eval: labelled set", () => {
  const cases = loadIntentCases(INTENT_FIXTURE);
  const report = evaluateIntents(cases);

  test("has at least 200 resident messages covering every topic, Isan, typos and English", () => {
    assert.ok(cases.length >= 200, `only ${cases.length} cases`);
    for (const label of [
      "topic.show:no-gift", "topic.show:gift-law", "topic.show:what-is-corruption", "topic.show:how-to-report", "topic.show:ita",
      "topic.show:anti-corruption-day", "topic.show:pledge", "topic.show:privacy", "pledge.start", "pledge.stats", "complaint.start",
      "complaint.track", "meeting.next", "meeting.subscribe", "menu.show", "privacy.delete", "unknown", "greeting",
    ]) {
      assert.ok((report.byLabel.get(label)?.total ?? 0) >= 5, `few cases for ${label}`);
    }
    for (const style of ["isan", "typo", "english", "mixed"]) assert.ok((report.byStyle.get(style)?.total ?? 0) >= 10, `few ${style} cases`);
  });

  test(`top-1 accuracy is at least ${OVERALL_FLOOR * 100}% overall and ${TOPIC_FLOOR * 100}% per topic`, () => {
    const detail = formatEvalReport("labelled", report);
    assert.ok(report.overall.accuracy >= OVERALL_FLOOR, detail);
    for (const [label, t] of report.byLabel) {
      if (label !== "ask") assert.ok(t.accuracy >= TOPIC_FLOOR, `${label} ${t.correct}/${t.total}\n${detail}`);
    }
    const asks = report.results.filter((r) => r.case.label === "ask");
    assert.deepEqual(asks.filter((r) => !askRowFine(r)).map((r) => r.case.text), []);
  });

  test("the bot almost never acts on the wrong topic", () => {
    const wrong = report.results.filter((r) => r.wrongGuess && !(r.case.label === "ask" && askRowFine(r)));
    assert.ok(wrong.length <= Math.floor(cases.length * WRONG_GUESS_RATE), formatEvalReport("labelled", report));
  });
});

describe("intent eval: held-out set", () => {
  test(`scores at least ${HOLDOUT_FLOOR * 100}% overall`, () => {
    const report = evaluateIntents(loadIntentCases(INTENT_HOLDOUT));
    assert.ok(report.overall.accuracy >= HOLDOUT_FLOOR, formatEvalReport("held-out", report));
  });
});

describe("intent eval: judging", () => {
  const cases = [
    { text: "a", label: "complaint.start" },
    { text: "b", label: "unknown" },
    { text: "c", label: "unknown" },
    { text: "d", label: "ask", candidates: ["pledge.start"] },
  ];
  const answers: Record<string, Intent> = {
    a: { kind: "action", action: "complaint.start" },
    b: { kind: "ask", candidates: [{ label: "x", action: "pledge.start" }, { label: "y", action: "menu.show" }] },
    c: { kind: "action", action: "topic.show", params: { t: "ita" } },
    d: { kind: "ask", candidates: [{ label: "x", action: "pledge.stats" }, { label: "y", action: "menu.show" }] },
  };

  test("an unknown case may be asked about but not acted on; an ask case must offer the listed candidates", () => {
    const report = evaluateIntents(cases, (t) => answers[t]!);
    assert.deepEqual(report.results.map((r) => r.correct), [true, true, false, false]);
    assert.equal(report.wrongGuesses, 1);
    assert.equal(report.results[2]!.predicted, "topic.show:ita");
    assert.equal(report.overall.accuracy, 0.5);
    assert.equal(report.byLabel.get("unknown")!.accuracy, 0.5);
  });
});
