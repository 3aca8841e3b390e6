import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fromModelJson, toModelJson } from "../../../../src/intents/classifier/model-json";
import { DEFAULT_TRAIN, logits, predict, softmax, train, type Example } from "../../../../src/intents/classifier/softmax";

// Protects the classifier's maths: it learns, it is repeatable, its probabilities are
// probabilities, the temperature flattens them, and the JSON form predicts the same.
const examples: Example[] = [
  ...["a1", "a2", "a3"].map((x) => ({ features: ["w:apple", x], label: "fruit" })),
  ...["b1", "b2", "b3"].map((x) => ({ features: ["w:car", x], label: "vehicle" })),
  ...["c1", "c2", "c3"].map((x) => ({ features: ["w:rain", x], label: "weather" })),
];
const opts = { ...DEFAULT_TRAIN, minCount: 1 };

describe("softmax classifier", () => {
  test("learns which features point to which class, and ignores features it never saw", () => {
    const m = train(examples, opts);
    for (const [feature, label] of [["w:apple", "fruit"], ["w:car", "vehicle"], ["w:rain", "weather"]] as const) {
      const p = predict(m, [feature, "w:never-seen"]);
      assert.equal(m.classes[p.indexOf(Math.max(...p))], label, feature);
    }
  });

  test("training twice gives the same model, whatever the order of the examples", () => {
    const a = toModelJson(train(examples, opts));
    const b = toModelJson(train([...examples], opts));
    assert.deepEqual(a, b);
    assert.deepEqual(train([...examples].reverse(), opts).classes, ["fruit", "vehicle", "weather"]);
  });

  test("probabilities sum to 1, and a higher temperature makes them flatter", () => {
    const p = softmax([2, 1, 0]);
    assert.ok(Math.abs(p.reduce((x, y) => x + y, 0) - 1) < 1e-12);
    assert.ok(softmax([2, 1, 0], 3)[0]! < p[0]!);
  });

  test("the pruned JSON form predicts like the trained model (shifting a feature's weights changes no probability)", () => {
    const m = train(examples, opts);
    const back = fromModelJson(toModelJson(m, 0));
    for (const f of [["w:apple"], ["w:car", "b2"], ["c3"]]) {
      const [p, q] = [predict(m, f), predict(back, f)];
      p.forEach((x, i) => assert.ok(Math.abs(x - q[i]!) < 0.01, `${f}: ${p} vs ${q}`));
    }
    assert.equal(logits(back, []).length, 3);
  });

  test("pruning drops small weights and features left with none", () => {
    const m = train(examples, opts);
    const all = toModelJson(m, 0);
    const pruned = toModelJson(m, 10);
    assert.ok(all.features.length > 0);
    assert.equal(pruned.features.length, 0);
  });
});
