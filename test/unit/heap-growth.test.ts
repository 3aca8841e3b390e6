import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { HEAP_GROWING_PERCENT } from "../../src/heap-growth";

// Protects issue #16's memory target: the production entry sets V8's heap growing
// factor at run time (src/heap-growth.ts). If a Node/V8 upgrade stopped reading the
// flag after start-up, the bot's peak RSS would double again without any error.
// Each case runs in its own node, so the test runner's heap is left alone.
const MODULE = path.resolve(__dirname, "../../src/heap-growth.ts");

function runChild(nodeArgs: string[]): { out: string; applied: string } {
  const script = [
    `const { limitHeapGrowth } = require(${JSON.stringify(MODULE)});`,
    `const applied = limitHeapGrowth();`,
    `require("node:v8").setFlagsFromString("--trace-gc-verbose");`,
    `const keep = Array.from({ length: 200000 }, (_, i) => ({ i }));`,
    `globalThis.gc();`,
    `console.log("applied=" + applied + " kept=" + keep.length);`,
  ].join("\n");
  const r = spawnSync(process.execPath, [...nodeArgs, "--expose-gc", "--import", "tsx", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return { out: r.stdout, applied: /applied=(\w+)/.exec(r.stdout)?.[1] ?? "" };
}

test("after limitHeapGrowth, a full collection sets the next limit at 1 + percent/100 of the live heap", () => {
  const { out, applied } = runChild([]);
  assert.equal(applied, "true");
  const factors = [...out.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)/g)].map((m) => Number(m[1]));
  assert.ok(factors.length > 0, `V8 printed no heap limit:\n${out.slice(0, 2000)}`);
  assert.deepEqual([...new Set(factors)], [1 + HEAP_GROWING_PERCENT / 100]);
});

test("an operator's own --heap-growing-percent is kept", () => {
  const { out, applied } = runChild(["--heap-growing-percent=80"]);
  assert.equal(applied, "false");
  assert.match(out, /\[HeapController\] Limit: .*\(1\.8\)/);
});
