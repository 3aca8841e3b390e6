import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatCorpusReport, scoreAnswers, type Answered } from "../../../src/intents/corpus-eval";
import type { Intent } from "../../../src/intents/intent";

// Protects how the eval judges (issue 19): acting on the label is right; asking is neither
// right nor wrong; acting on anything but the label or the second wish is wrong; an
// off-topic message is right only when the bot neither acts nor asks.
const act = (action: string, t?: string): Intent => (t ? { kind: "action", action, params: { t } } : { kind: "action", action });
const ask: Intent = { kind: "ask", candidates: [{ label: "x", action: "pledge.start" }, { label: "y", action: "pledge.stats" }] };
const row = (label: string, writer = "w1", also?: string) => ({ text: "t", label, writer, ...(also ? { also } : {}) });

describe("scoreAnswers", () => {
  const answered: Answered[] = [
    { row: row("topic.show:ita"), intent: act("topic.show", "ita") },
    { row: row("pledge.start"), intent: ask },
    { row: row("pledge.start", "w2"), intent: act("pledge.stats") },
    { row: row("meeting.next", "w2", "meeting.subscribe"), intent: act("meeting.subscribe") },
    { row: row("unknown", "w2"), intent: { kind: "unknown" } },
    { row: row("unknown", "w2"), intent: ask },
  ];
  const r = scoreAnswers(answered);

  test("counts right, wrong and asked answers overall, per topic and per writer", () => {
    assert.deepEqual(r.overall, { total: 6, correct: 2, wrong: 1, asked: 2 });
    assert.deepEqual(r.byLabel.get("pledge.start"), { total: 2, correct: 0, wrong: 1, asked: 1 });
    assert.deepEqual(r.byWriter.get("w1"), { total: 2, correct: 1, wrong: 0, asked: 1 });
  });

  test("the confusion matrix names what was answered, 'ask' and 'unknown' included", () => {
    assert.equal(r.confusion.get("pledge.start")!.get("ask"), 1);
    assert.equal(r.confusion.get("pledge.start")!.get("pledge.stats"), 1);
    assert.equal(r.confusion.get("unknown")!.get("unknown"), 1);
    const text = formatCorpusReport("t", r, { confusion: true, misses: true });
    assert.match(text, /overall top-1\s+33\.3%\s+wrong\s+16\.7%/);
    assert.match(text, /pledge\.start → pledge\.stats/);
  });
});
