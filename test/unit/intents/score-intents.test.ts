import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { IntentDefinition } from "../../../src/intents/intent-rules";
import { decide, scoreIntents } from "../../../src/intents/score-intents";

// Protects the decision rule: act on a clear winner, ask when close, stay silent when weak.
const def = (key: string, rules: IntentDefinition["rules"]): IntentDefinition => ({ key, action: key, label: key, rules });
const table: IntentDefinition[] = [
  def("a.one", [{ all: ["gift"], score: 1 }, { all: ["gift", "amount"], score: 3 }]),
  def("b.two", [{ all: ["gift"], score: 1 }, { all: ["gift", "policy"], score: 3, none: ["amount"] }]),
  def("c.three", [{ all: ["report"], score: 2 }]),
  def("menu.show", [{ all: ["greeting"], score: 2 }]),
];
const keys = (concepts: string[]) => scoreIntents(new Set(concepts) as never, table).map((s) => `${s.def.key}=${s.score}`);

describe("scoreIntents", () => {
  test("takes each intent's best matching rule and honours 'none'", () => {
    assert.deepEqual(keys(["gift", "amount", "policy"]), ["a.one=3", "b.two=1"]);
    assert.deepEqual(keys(["gift", "policy"]), ["b.two=3", "a.one=1"]);
  });

  test("a greeting gives way to a real topic", () => {
    assert.deepEqual(keys(["greeting", "report"]), ["c.three=2"]);
    assert.deepEqual(keys(["greeting"]), ["menu.show=2"]);
  });
});

describe("decide", () => {
  test("acts on a clear winner", () => {
    const d = decide(scoreIntents(new Set(["gift", "amount"]) as never, table));
    assert.equal(d.kind === "act" && d.best.def.key, "a.one");
  });

  test("asks when two intents are close", () => {
    const d = decide(scoreIntents(new Set(["gift"]) as never, table));
    assert.equal(d.kind, "ask");
    assert.deepEqual(d.kind === "ask" && d.options.map((o) => o.def.key), ["a.one", "b.two"]);
  });

  test("stays silent with nothing, or with one weak hint", () => {
    assert.equal(decide([]).kind, "none");
    const weak = def("d.four", [{ all: ["phone"], score: 1 }]);
    assert.equal(decide(scoreIntents(new Set(["phone"]) as never, [weak])).kind, "none");
  });
});
