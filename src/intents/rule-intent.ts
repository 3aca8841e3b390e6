import { matchConcepts, viewText, type ConceptMatch } from "./match-concepts";
import { decide, scoreIntents, type ScoredIntent } from "./score-intents";
import { FLOW_WORDS } from "./synonyms";
import type { Intent, IntentCandidate } from "./intent";

// The rule matcher of issue 3, kept for comparison in `npm run eval:intents` (the old
// matcher's numbers on the same folds): normalize + segment (match-concepts) → concepts
// (synonyms) → rules (intent-rules) → decide (score-intents). detectIntent (intent.ts) now
// uses the classifier; the concepts stay as classifier features.

const flowWords = new Set(FLOW_WORDS.map((w) => viewText(w).compact));

function toCandidate(s: ScoredIntent): IntentCandidate {
  const c: IntentCandidate = { label: s.def.label, action: s.def.action };
  if (s.def.params) c.params = { ...s.def.params };
  return c;
}

/** The concepts found and the intents scored, for the eval's report and for debugging. */
export function explainIntent(text: string): { compact: string; matches: ConceptMatch[]; scored: ScoredIntent[] } {
  const view = viewText(text);
  const matches = flowWords.has(view.compact) ? [] : matchConcepts(view);
  return { compact: view.compact, matches, scored: scoreIntents(new Set(matches.map((m) => m.concept))) };
}

export function detectIntentByRules(text: string): Intent {
  const decision = decide(explainIntent(text).scored);
  if (decision.kind === "act") {
    const { action, params } = decision.best.def;
    return params ? { kind: "action", action, params: { ...params } } : { kind: "action", action };
  }
  if (decision.kind === "ask") return { kind: "ask", candidates: decision.options.map(toCandidate) };
  return { kind: "unknown" };
}
