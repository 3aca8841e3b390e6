// From calibrated class probabilities to what the bot does: act on a clear winner, ask
// "คุณหมายถึง…" only when two topics are genuinely close and together likely, otherwise say it
// did not understand. The thresholds were chosen on leave-one-writer-out predictions of the
// corpus (npm run eval:intents prints the trade-off): the issue allows at most 3% wrong answers.

/** The best class acts from this probability up… */
export const ACT_PROBABILITY = 0.45;
/** …when it leads the second by at least this much. */
export const ACT_MARGIN = 0.15;
/** Two topics are "close" when the second has at least this… */
export const ASK_SECOND = 0.15;
/** …and the two together at least this. */
export const ASK_TOGETHER = 0.6;
export const MAX_ASK = 3;

/** Classes the bot never offers as a choice. */
const NOT_OFFERED = new Set(["unknown", "greeting"]);

export type ClassDecision =
  | { kind: "act"; label: string; probability: number }
  | { kind: "ask"; labels: string[] }
  | { kind: "none" };

export interface Thresholds {
  act: number;
  margin: number;
  askSecond: number;
  askTogether: number;
}

export const THRESHOLDS: Thresholds = { act: ACT_PROBABILITY, margin: ACT_MARGIN, askSecond: ASK_SECOND, askTogether: ASK_TOGETHER };

export function decideClass(classes: readonly string[], probs: readonly number[], t: Thresholds = THRESHOLDS): ClassDecision {
  const ranked = classes.map((label, i) => ({ label, p: probs[i]! })).sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
  const [first, second] = ranked;
  if (!first || first.label === "unknown") return { kind: "none" };
  const gap = first.p - (second?.p ?? 0);
  if (first.p >= t.act && gap >= t.margin) return { kind: "act", label: first.label, probability: first.p };
  const offered = ranked.filter((r) => !NOT_OFFERED.has(r.label));
  const [a, b] = offered;
  if (a && b && a === first && b.p >= t.askSecond && a.p + b.p >= t.askTogether) {
    return { kind: "ask", labels: offered.filter((r) => r.p >= t.askSecond).slice(0, MAX_ASK).map((r) => r.label) };
  }
  return { kind: "none" };
}
