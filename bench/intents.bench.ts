import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { detectIntent } from "../src/intents/intent";
import { loadTrainingCorpus } from "../src/intents/corpus";

// `npx tsx bench/intents.bench.ts`: time to classify one message (issue 19: < 2 ms p99,
// also at LINE's 5,000-character limit). Corpus messages as written, and 5,000-character
// messages made of corpus text (Thai, Isan, English) and of one repeated character.
// Wall time and CPU time (process.cpuUsage, µs resolution) per call: on a loaded machine
// the wall-clock tail is mostly time spent waiting for a core, which CPU time leaves out.
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(label: string, texts: readonly string[], rounds: number): void {
  for (const t of texts.slice(0, 50)) detectIntent(t); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const c = process.cpuUsage();
      const start = performance.now();
      detectIntent(t);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const f = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(3)}  p99 ${percentile(xs, 99).toFixed(3)}  max ${xs[xs.length - 1]!.toFixed(2)}`;
  console.log(`${label.padEnd(40)} n=${String(wall.length).padStart(5)}  wall ms: ${f(wall)}  |  cpu ms: ${f(cpu)}`);
}

const corpus = loadTrainingCorpus().map((r) => r.text);
const long = corpus.map((_, i) => {
  let s = "";
  for (let j = i; s.length < 5000; j++) s += corpus[j % corpus.length] + " ";
  return s.slice(0, 5000);
});
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on this machine`);
time("corpus messages (as written)", corpus, 3);
time("5,000 characters of corpus text", long.slice(0, 400), 2);
time("5,000 × one Thai character", Array.from({ length: 200 }, () => "ก".repeat(5000)), 1);
time("5,000 characters of Latin and digits", Array.from({ length: 200 }, (_, i) => `kk-${i} report `.repeat(500).slice(0, 5000)), 1);
