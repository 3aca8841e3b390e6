// A partial run (`npm run bench -- dashboard`) replaces only its own sections of
// BENCHMARKS.md and keeps the others, each section still saying when and how it
// was measured; the header lists which sections came from which run.
export interface Section {
  title: string;
  text: string;
}

/** Splits a BENCHMARKS.md into its header (before the first "## ") and its sections. */
export function splitSections(md: string): { header: string; sections: Section[] } {
  const parts = md.split(/^(?=## )/m);
  const header = parts[0]!.startsWith("## ") ? "" : parts.shift()!;
  return { header, sections: parts.map((text) => ({ title: text.split("\n")[0]!.slice(3).trim(), text: text.endsWith("\n") ? text : text + "\n" })) };
}

/**
 * The sections of `fresh` replace those of `old` with the same title, in the old
 * order; new titles go before "How it scales", which is kept from the old file
 * unless `fresh` has one.
 */
export function mergeSections(old: Section[], fresh: Section[]): Section[] {
  const byTitle = new Map(fresh.map((s) => [s.title, s]));
  const out = old.map((s) => byTitle.get(s.title) ?? s);
  const known = new Set(old.map((s) => s.title));
  const added = fresh.filter((s) => !known.has(s.title));
  const tail = out.findIndex((s) => s.title === "How it scales");
  out.splice(tail === -1 ? out.length : tail, 0, ...added);
  return out;
}
