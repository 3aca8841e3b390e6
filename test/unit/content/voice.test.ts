import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

// One voice everywhere a resident or an officer reads: the polite "ท่าน" (never the
// pronoun "คุณ") and straight quotes "…" (never curly “…” or ‘…’). Scans the code of
// every message builder, handler, flow, service, content file and dashboard view.
// Deliberate exceptions, all listed here:
// - "คุณ" as a title before a person's name (`คุณ${name}`, "สวัสดีค่ะ คุณสมศรี") is not the pronoun;
// - words that only contain the letters: ขอบคุณ, คุณธรรม, คุณภาพ, คุณสมบัติ, คุณค่า, คุณประโยชน์;
// - what residents type (src/intents/synonyms.ts, the classifier's glossaries in src/intents/classifier/*-glossary.ts)
//   and how it is normalised (src/util/area-match.ts);
// - the developer's chat simulator (src/dev), which imitates LINE's own notes.
const ROOT = path.resolve(__dirname, "..", "..", "..");
const SCANNED = ["flex-messages", "src"];
const SKIPPED = ["src/dev/", "src/intents/synonyms.ts", "src/intents/classifier/english-glossary.ts", "src/intents/classifier/isan-glossary.ts", "src/util/area-match.ts"];

/** The pronoun, not the title before a name nor part of another word. */
const OTHER_PRONOUN = /(?<!บ)คุณ(?!ธรรม|ภาพ|สมบัติ|ค่า|ประโยชน์|\$\{)/;
const CURLY_QUOTES = /[“”‘’]/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|js|html)$/.test(name)) out.push(p);
  }
  return out;
}

/** Code without comments: what could reach a screen. */
export function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => (/^\s*\/\//.test(line) ? "" : line.replace(/\s\/\/ .*$/, "")))
    .join("\n");
}

function offendingLines(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const top of SCANNED) {
    for (const file of sourceFiles(path.join(ROOT, top))) {
      const rel = path.relative(ROOT, file);
      if (SKIPPED.some((s) => rel.startsWith(s))) continue;
      withoutComments(readFileSync(file, "utf8"))
        .split("\n")
        .forEach((line, i) => pattern.test(line) && found.push(`${rel}:${i + 1}: ${line.trim().slice(0, 100)}`));
    }
  }
  return found;
}

test("every user-facing string says ท่าน, never the pronoun คุณ", () => {
  assert.deepEqual(offendingLines(OTHER_PRONOUN), []);
});

test("every user-facing string uses straight quotes", () => {
  assert.deepEqual(offendingLines(CURLY_QUOTES), []);
});

test("the scan tells the pronoun from the title and from other words", () => {
  assert.ok(OTHER_PRONOUN.test("เรื่องที่คุณแจ้งไว้"));
  assert.ok(OTHER_PRONOUN.test("หากไม่ใช่คุณ"));
  for (const fine of ["ขอบคุณค่ะ", "ประเมินคุณธรรม", "สวัสดีค่ะ คุณ${name}", "เรื่องที่ท่านแจ้งไว้"]) assert.ok(!OTHER_PRONOUN.test(fine), fine);
  assert.equal(withoutComments("const a = 1; // คุณ\n// คุณ\n/* คุณ */ const b = \"x\";"), "const a = 1;\n\n const b = \"x\";");
});
