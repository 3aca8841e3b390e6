import { distance } from "fastest-levenshtein";
import { listDistricts, listTambons } from "../src/content/areas/areas";
import { editDistance, osaDistance } from "../src/util/edit-distance";

// Micro-benchmark for #21: our optimal-string-alignment editDistance against
// fastest-levenshtein's distance, on short Thai strings as the bot compares them
// (a typed place name against every tambon and district name; a text window against
// a concept term with limit 1). Run alone: `npx tsx bench/edit-distance.micro.ts`.
// Not part of `npm run bench`; numbers go in notes, not BENCHMARKS.md.
const names = listDistricts().flatMap((d) => [d.nameTh, ...listTambons(d.code).map((t) => t.nameTh)]);
// Typed input: each name with one typo (a dropped character, or two neighbours swapped).
const typed = names.map((n, i) => (i % 2 ? n.slice(0, -1) : n.length > 2 ? n[1]! + n[0]! + n.slice(2) : n));

function time(label: string, fn: (a: string, b: string) => number, rounds: number): number {
  let sink = 0;
  for (let r = 0; r < 2; r++) for (const a of typed.slice(0, 20)) for (const b of names) sink += fn(a, b); // warm-up
  const started = process.hrtime.bigint();
  let calls = 0;
  for (let r = 0; r < rounds; r++) {
    for (const a of typed.slice(0, 40)) {
      for (const b of names) {
        sink += fn(a, b);
        calls++;
      }
    }
  }
  const ns = Number(process.hrtime.bigint() - started) / calls;
  console.log(`${label.padEnd(44)} ${ns.toFixed(0).padStart(6)} ns/call  (${calls} calls, sink ${sink % 7})`);
  return ns;
}

const avgLen = names.reduce((n, s) => n + s.length, 0) / names.length;
console.log(`${names.length} Thai names, ${avgLen.toFixed(1)} UTF-16 units on average; node ${process.version}`);
const rounds = Number(process.argv[2] ?? 20);
for (let i = 0; i < 3; i++) {
  time("ours alone, no limit (OSA)", (a, b) => osaDistance(a, b), rounds);
  time("ours alone, limit 1 (as match-concepts)", (a, b) => osaDistance(a, b, 1), rounds);
  time("ours alone, limit 2 (as area-match)", (a, b) => osaDistance(a, b, 2), rounds);
  time("library first, ours near: limit 1", (a, b) => editDistance(a, b, 1), rounds);
  time("library first, ours near: limit 2", (a, b) => editDistance(a, b, 2), rounds);
  time("fastest-levenshtein distance (no swaps)", distance, rounds);
}
let differ = 0;
let mismatch = 0;
for (const a of typed) {
  for (const b of names) {
    if (osaDistance(a, b) !== distance(a, b)) differ++;
    // Over the limit, the table may stop at limit + 1 or finish with the true distance; both mean "too far".
    for (const limit of [1, 2, Infinity]) if (editDistance(a, b, limit) !== Math.min(osaDistance(a, b, limit), limit + 1)) mismatch++;
  }
}
console.log(`the combined editDistance differs from OSA alone on ${mismatch} of ${typed.length * names.length * 3} (pair, limit) cases`);
console.log(`pairs where the two disagree (a swap costs 1 in ours, 2 in Levenshtein): ${differ} of ${typed.length * names.length}`);
