import { matchConcepts, viewText, type ConceptMatch } from "./match-concepts";
import { decide, scoreIntents, type ScoredIntent } from "./score-intents";
import { FLOW_WORDS } from "./synonyms";

// Free text → an action, a question back ("คุณหมายถึง…"), or nothing. Runs after the active
// flow step and the exact commands in the routing table, so it only sees text nobody owns.
// The pipeline: normalize + segment (match-concepts) → concepts (synonyms) → rules
// (intent-rules) → decide (score-intents). `npm run eval:intents` measures it.

export interface IntentCandidate {
  /** Thai quick-reply label (≤ 20 characters). */
  label: string;
  action: string;
  params?: Record<string, string>;
}

export type Intent =
  | { kind: "action"; action: string; params?: Record<string, string> }
  | { kind: "ask"; candidates: IntentCandidate[] }
  | { kind: "unknown" };

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

export function detectIntent(text: string): Intent {
  const decision = decide(explainIntent(text).scored);
  if (decision.kind === "act") {
    const { action, params } = decision.best.def;
    return params ? { kind: "action", action, params: { ...params } } : { kind: "action", action };
  }
  if (decision.kind === "ask") return { kind: "ask", candidates: decision.options.map(toCandidate) };
  return { kind: "unknown" };
}

/** "topic.show:<t>" for an explainer, the action name otherwise, or the kind ("ask", "unknown"). */
export function intentKey(intent: Intent | IntentCandidate): string {
  if ("kind" in intent && intent.kind !== "action") return intent.kind;
  const { action, params } = intent as { action: string; params?: Record<string, string> };
  return action === "topic.show" && params?.t ? `topic.show:${params.t}` : action;
}
