import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decideClass } from "../../../../src/intents/classifier/decide";

// Protects the decision rule: act on a clear winner, ask only when two offered topics are
// close and together likely, never act on "unknown", never offer "greeting" or "unknown".
const classes = ["a", "b", "c", "greeting", "unknown"];

describe("decideClass", () => {
  test("a clear winner is acted on", () => {
    assert.deepEqual(decideClass(classes, [0.8, 0.1, 0.05, 0.03, 0.02]), { kind: "act", label: "a", probability: 0.8 });
  });

  test("two close, likely topics are asked about; a weak third is not offered", () => {
    assert.deepEqual(decideClass(classes, [0.4, 0.35, 0.1, 0.1, 0.05]), { kind: "ask", labels: ["a", "b"] });
  });

  test("nothing likely, or 'unknown' on top, says nothing", () => {
    assert.deepEqual(decideClass(classes, [0.3, 0.1, 0.1, 0.2, 0.3].map((x, i) => (i === 4 ? 0.31 : x))), { kind: "none" });
    assert.deepEqual(decideClass(classes, [0.25, 0.2, 0.2, 0.2, 0.15]), { kind: "none" });
  });

  test("greeting is acted on but never offered as a choice", () => {
    assert.equal(decideClass(classes, [0.05, 0.05, 0.05, 0.8, 0.05]).kind, "act");
    assert.deepEqual(decideClass(classes, [0.05, 0.05, 0.35, 0.4, 0.15]), { kind: "none" });
  });
});
