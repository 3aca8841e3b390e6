import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runWebhookFuzz } from "../../../tools/fuzz/webhook-fuzz";
import { startHarness, type Harness } from "../../helpers/harness";

// Issue 18: signed bodies, valid and broken, texts up to 1 MB. The short run of the
// suite (300 bodies); `npx tsx tools/fuzz/run-webhook-fuzz.ts` sends 10,000
// (docs/security.md has the measured result).
let h: Harness;
before(async () => {
  h = await startHarness("sec-fuzz");
});
after(async () => h.close());

test("300 fuzzed signed webhooks: no 500, no stuck chat, bounded heap", async () => {
  const r = await runWebhookFuzz(h, { count: 300, seed: 7, users: 40 });
  assert.equal(r.statuses["500"] ?? 0, 0, JSON.stringify(r.statuses));
  assert.equal(r.statuses["0"] ?? 0, 0, "every request was answered");
  assert.ok(r.maxTextChars > 100_000, `a long text was sent (${r.maxTextChars} characters)`);
  assert.equal(r.openInboxRows, 0, "no event left unfinished");
  assert.ok(r.peakHeapMb < 768, `heap peaked at ${r.peakHeapMb} MB`);
});
