import { INTENTS, type IntentDefinition } from "./intent-rules";
import type { ConceptId } from "./synonyms";

// Turns the concepts of a message into a decision. The rule of the issue: never guess wrong.
// Act only on a clear winner; when two or more intents are close, ask; otherwise say nothing.

/** The best intent acts only from this score up… */
export const ACT_SCORE = 2;
/** …and only when it leads the next intent by at least this much. */
export const ACT_MARGIN = 1;
/** Intents within this distance of the best one are offered when the bot asks. */
export const ASK_WINDOW = 1;
/** LINE shows quick replies well up to about four choices; the issue asks for 2–4. */
export const MAX_ASK = 4;
/** A greeting yields to any real topic at this score ("สวัสดีค่ะ อยากร้องเรียน"). */
const GREETING_YIELDS_TO = 1.5;

export interface ScoredIntent {
  def: IntentDefinition;
  score: number;
}

export type Decision =
  | { kind: "act"; best: ScoredIntent }
  | { kind: "ask"; options: ScoredIntent[] }
  | { kind: "none" };

/** Every intent with a score above 0, best first (ties keep the table's order). */
export function scoreIntents(concepts: ReadonlySet<ConceptId>, intents: readonly IntentDefinition[] = INTENTS): ScoredIntent[] {
  const scored: ScoredIntent[] = [];
  for (const def of intents) {
    let score = 0;
    for (const rule of def.rules) {
      if (rule.score <= score) continue;
      if (rule.all.every((c) => concepts.has(c)) && !(rule.none ?? []).some((c) => concepts.has(c))) score = rule.score;
    }
    if (score > 0) scored.push({ def, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const topical = scored.find((s) => s.def.action !== "menu.show");
  if (topical && topical.score >= GREETING_YIELDS_TO) return scored.filter((s) => s.def.action !== "menu.show");
  return scored;
}

export function decide(scored: readonly ScoredIntent[]): Decision {
  const [best, second] = scored;
  if (!best) return { kind: "none" };
  if (best.score >= ACT_SCORE && (!second || best.score - second.score >= ACT_MARGIN)) return { kind: "act", best };
  const floor = Math.max(1, best.score - ASK_WINDOW);
  const options = scored.filter((s) => s.score >= floor).slice(0, MAX_ASK);
  return options.length >= 2 ? { kind: "ask", options } : { kind: "none" };
}
