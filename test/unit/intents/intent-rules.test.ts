import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { postbackData } from "../../../flex-messages";
import { isTopicId } from "../../../src/content/explainers";
import { INTENTS, getIntentDefinition } from "../../../src/intents/intent-rules";

// Protects the rule table: every intent can become a quick reply LINE accepts and every
// explainer intent names a real topic.
describe("INTENTS", () => {
  test("keys are unique and found by getIntentDefinition", () => {
    const keys = INTENTS.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const k of keys) assert.equal(getIntentDefinition(k)?.key, k);
  });

  test("labels fit a LINE quick reply (≤ 20 characters) and actions make valid postback data", () => {
    for (const d of INTENTS) {
      assert.ok(d.label.length > 0 && d.label.length <= 20, `${d.key}: "${d.label}" is ${d.label.length} chars`);
      assert.doesNotThrow(() => postbackData(d.action, d.params ?? {}), d.key);
    }
  });

  test("explainer intents point to existing topics", () => {
    for (const d of INTENTS.filter((x) => x.action === "topic.show")) assert.ok(isTopicId(d.params?.t ?? ""), d.key);
    assert.equal(INTENTS.filter((x) => x.action === "topic.show").length, 8);
  });
});
