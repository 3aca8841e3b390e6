import { readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../util/repo-root";
import { z } from "zod";
import { detectIntent, intentKey, type Intent } from "./intent";

// Measures topic understanding on labelled resident messages (test/fixtures/intents.jsonl).
// A label is an intent key ("topic.show:gift-law", "complaint.start"), "unknown" (the bot must
// not pick a topic: saying nothing or asking are both fine) or "ask" (the bot must ask, and
// offer at least the listed candidates). Top-1 accuracy counts a case right only when the
// bot's single answer matches the label.

export const REPO_ROOT = findRepoRoot(__dirname);
export const INTENT_FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "intents.jsonl");
export const INTENT_HOLDOUT = path.join(REPO_ROOT, "test", "fixtures", "intents-holdout.jsonl");

const caseSchema = z.object({
  text: z.string().min(1),
  label: z.string().min(1),
  style: z.string().optional(),
  candidates: z.array(z.string()).optional(),
});
export type IntentCase = z.infer<typeof caseSchema>;

export interface CaseResult {
  case: IntentCase;
  intent: Intent;
  predicted: string;
  correct: boolean;
  /** The bot acted on a topic other than the label: the failure the issue forbids. */
  wrongGuess: boolean;
}

export interface Tally {
  total: number;
  correct: number;
  accuracy: number;
}

export interface EvalReport {
  results: CaseResult[];
  overall: Tally;
  byLabel: Map<string, Tally>;
  byStyle: Map<string, Tally>;
  wrongGuesses: number;
}

export function loadIntentCases(file: string): IntentCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line && !line.startsWith("//"))
    .map(({ line, n }) => {
      const parsed = caseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path.basename(file)}:${n}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

function judge(c: IntentCase, intent: Intent): boolean {
  if (c.label === "unknown") return intent.kind !== "action";
  if (c.label === "ask") {
    if (intent.kind !== "ask") return false;
    const offered = new Set(intent.candidates.map(intentKey));
    return (c.candidates ?? []).every((k) => offered.has(k));
  }
  return intent.kind === "action" && intentKey(intent) === c.label;
}

function tally(results: readonly CaseResult[]): Tally {
  const correct = results.filter((r) => r.correct).length;
  return { total: results.length, correct, accuracy: results.length ? correct / results.length : 0 };
}

function groupBy(results: readonly CaseResult[], key: (r: CaseResult) => string): Map<string, Tally> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, tally(rs)]));
}

export function evaluateIntents(cases: readonly IntentCase[], detect: (text: string) => Intent = detectIntent): EvalReport {
  const results = cases.map((c): CaseResult => {
    const intent = detect(c.text);
    const predicted = intentKey(intent);
    const wrongGuess = intent.kind === "action" && predicted !== c.label;
    return { case: c, intent, predicted, correct: judge(c, intent), wrongGuess };
  });
  return {
    results,
    overall: tally(results),
    byLabel: groupBy(results, (r) => r.case.label),
    byStyle: groupBy(results, (r) => r.case.style ?? "-"),
    wrongGuesses: results.filter((r) => r.wrongGuess).length,
  };
}

const pct = (t: Tally) => `${(t.accuracy * 100).toFixed(1).padStart(5)}%  (${t.correct}/${t.total})`;

/** A plain-text report: overall, per topic, per writing style, then every miss. */
export function formatEvalReport(title: string, report: EvalReport): string {
  const lines = [`== ${title}`, `overall top-1 accuracy  ${pct(report.overall)}`, `wrong guesses (acted on the wrong topic): ${report.wrongGuesses}`, "", "per topic:"];
  for (const [label, t] of report.byLabel) lines.push(`  ${label.padEnd(34)} ${pct(t)}`);
  lines.push("", "per writing style:");
  for (const [style, t] of report.byStyle) lines.push(`  ${style.padEnd(34)} ${pct(t)}`);
  const misses = report.results.filter((r) => !r.correct);
  if (misses.length) lines.push("", "misses:");
  for (const m of misses) {
    const got = m.intent.kind === "ask" ? `ask[${m.intent.candidates.map((c) => intentKey(c)).join(", ")}]` : m.predicted;
    lines.push(`  ${m.wrongGuess ? "WRONG" : "miss "} ${JSON.stringify(m.case.text)}  expected ${m.case.label}, got ${got}`);
  }
  return lines.join("\n");
}
