import type { CorpusRow } from "./corpus";
import { intentKey, type Intent } from "./intent";

// Scores answers on corpus rows. Top-1 is correct when the bot acts on the label ("unknown":
// when it does not act and does not ask). A wrong answer is an action on anything but the
// label or the row's second wish ("also"); asking is neither correct nor wrong.

export interface Answered {
  row: CorpusRow;
  intent: Intent;
}

export interface Score {
  total: number;
  correct: number;
  wrong: number;
  asked: number;
}

export interface CorpusReport {
  overall: Score;
  byLabel: Map<string, Score>;
  byWriter: Map<string, Score>;
  /** label → predicted key ("ask", "unknown" included) → count. */
  confusion: Map<string, Map<string, number>>;
  answered: Answered[];
}

export function isCorrect(a: Answered): boolean {
  if (a.row.label === "unknown") return a.intent.kind === "unknown";
  return a.intent.kind === "action" && intentKey(a.intent) === a.row.label;
}

export function isWrong(a: Answered): boolean {
  if (a.intent.kind !== "action") return false;
  const key = intentKey(a.intent);
  return key !== a.row.label && key !== a.row.also;
}

function add(map: Map<string, Score>, key: string, a: Answered): void {
  const s = map.get(key) ?? { total: 0, correct: 0, wrong: 0, asked: 0 };
  s.total++;
  if (isCorrect(a)) s.correct++;
  if (isWrong(a)) s.wrong++;
  if (a.intent.kind === "ask") s.asked++;
  map.set(key, s);
}

const sorted = <V>(m: Map<string, V>) => new Map([...m].sort(([a], [b]) => a.localeCompare(b)));

export function scoreAnswers(answered: readonly Answered[]): CorpusReport {
  const all = new Map<string, Score>();
  const byLabel = new Map<string, Score>();
  const byWriter = new Map<string, Score>();
  const confusion = new Map<string, Map<string, number>>();
  for (const a of answered) {
    add(all, "all", a);
    add(byLabel, a.row.label, a);
    add(byWriter, a.row.writer, a);
    const row = confusion.get(a.row.label) ?? new Map<string, number>();
    const got = intentKey(a.intent);
    row.set(got, (row.get(got) ?? 0) + 1);
    confusion.set(a.row.label, row);
  }
  return {
    overall: all.get("all") ?? { total: 0, correct: 0, wrong: 0, asked: 0 },
    byLabel: sorted(byLabel),
    byWriter: sorted(byWriter),
    confusion: sorted(confusion),
    answered: [...answered],
  };
}

export const accuracy = (s: Score) => (s.total ? s.correct / s.total : 0);
export const wrongRate = (s: Score) => (s.total ? s.wrong / s.total : 0);
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
const line = (name: string, s: Score) => `  ${name.padEnd(32)} ${pct(accuracy(s))}  wrong ${pct(wrongRate(s))}  asked ${String(s.asked).padStart(3)}  n=${s.total}`;

/** Short names for the confusion matrix columns. */
function abbrev(key: string): string {
  return key.replace("topic.show:", "t:").replace("complaint.", "c.").replace("pledge.", "p.").replace("meeting.", "m.").replace("privacy.", "pv.").slice(0, 9);
}

export function formatCorpusReport(title: string, r: CorpusReport, opts: { confusion?: boolean; misses?: boolean } = {}): string {
  const out = [`== ${title}`, line("overall top-1", r.overall), "", "per topic:"];
  for (const [k, s] of r.byLabel) out.push(line(k, s));
  out.push("", "per writer:");
  for (const [k, s] of r.byWriter) out.push(line(k, s));
  if (opts.confusion) {
    const cols = [...new Set([...r.confusion.keys(), ...[...r.confusion.values()].flatMap((m) => [...m.keys()])])].sort();
    out.push("", "confusion (rows: label, columns: answer):", `${"".padEnd(10)}${cols.map((c) => abbrev(c).padStart(10)).join("")}`);
    for (const [label, row] of r.confusion) out.push(`${abbrev(label).padEnd(10)}${cols.map((c) => String(row.get(c) ?? "·").padStart(10)).join("")}`);
  }
  if (opts.misses) {
    out.push("", "wrong answers:");
    for (const a of r.answered.filter(isWrong)) out.push(`  ${a.row.writer} ${a.row.label} → ${intentKey(a.intent)}: ${JSON.stringify(a.row.text.slice(0, 100))}`);
  }
  return out.join("\n");
}
