// The shape every benchmark returns to bench/run.ts, and how it becomes Markdown.
// A figure sits next to its baseline from the same run, with the ratio and the
// target it is judged against.
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  baseline?: number | null;
  /** how the ratio is read: "higher" (throughput: bot/baseline) or "lower" (latency: bot/baseline) */
  better?: "higher" | "lower";
  target?: string;
  met?: boolean;
}

export interface BenchSection {
  title: string;
  intro: string;
  figures: Figure[];
  notes?: string[];
  raw?: Record<string, unknown>;
}

export const fmt = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || !Number.isFinite(n)
    ? "–"
    : n >= 100 || Number.isInteger(n)
      ? Math.round(n).toLocaleString("en-US")
      : n.toFixed(digits);

export function ratioOf(f: Figure): number | null {
  if (f.value === null || f.baseline === null || f.baseline === undefined || f.baseline === 0) return null;
  return f.value / f.baseline;
}

export function sectionMarkdown(s: BenchSection): string {
  const lines = [`## ${s.title}`, "", s.intro, ""];
  if (s.figures.length > 0) {
    lines.push("| Figure | Sujarit | Baseline (same run) | Ratio | Target | Met |", "|---|---|---|---|---|---|");
    for (const f of s.figures) {
      const r = ratioOf(f);
      const met = f.met === undefined ? "" : f.met ? "yes" : "**no**";
      const ratio = r === null || f.better === undefined ? "" : r.toFixed(2);
      lines.push(`| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.baseline === undefined ? "" : `${fmt(f.baseline)} ${f.unit}`} | ${ratio} | ${f.target ?? ""} | ${met} |`);
    }
    lines.push("");
  }
  for (const n of s.notes ?? []) lines.push(`- ${n}`);
  if (s.notes?.length) lines.push("");
  return lines.join("\n");
}

/** Flattens another engineer's figures record into a two-column table. */
export function recordMarkdown(title: string, record: Record<string, unknown>): string {
  const rows: string[] = [];
  const walk = (prefix: string, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(prefix ? `${prefix}.${k}` : k, x);
    } else {
      const shown = typeof v === "number" ? fmt(v, 2) : Array.isArray(v) ? JSON.stringify(v).slice(0, 200) : String(v);
      rows.push(`| ${prefix} | ${shown.replace(/\|/g, "\\|")} |`);
    }
  };
  walk("", record);
  return [`## ${title}`, "", "| Figure | Value |", "|---|---|", ...rows, ""].join("\n");
}
