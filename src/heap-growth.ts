import { setFlagsFromString } from "node:v8";

// How far V8 lets the heap grow past what is live before the next full collection.
// On a machine with a few GB of memory V8 allows four times the live heap: under
// webhook load the bot promotes about 50 MB/s of short-lived objects (database
// replies, LINE requests in flight), so its old generation swung between 45 MB live
// and 200 MB, and the process peaked near 390 MB (issue #16: under 200 MB). A fixed
// 1.3 (V8's own factor when it is asked to save memory) keeps the old generation
// within about 1.3 × live + one young generation: full collections come more often
// (one or two a second at peak, 15–20 ms each, marking mostly concurrent), and
// throughput did not change in `npm run bench -- ingest` (1.5 peaked at 182–192 MB).
// It is not a cap: the heap limit stays V8's default, so a larger live set still
// fits. The flag is read at every full collection, so setting it at start-up is
// enough; an operator's own `node --heap-growing-percent=…` wins.
export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): boolean {
  if (process.execArgv.some((a) => /heap[-_]growing[-_]percent/.test(a))) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}
