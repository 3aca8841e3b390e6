import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { findConcepts, matchConcepts, viewText } from "../../../src/intents/match-concepts";

// Protects the text matching under the intent rules: script splitting, word boundaries for
// short words, longest-match-wins, one-typo tolerance and Latin word edges.
describe("viewText", () => {
  test("joins Thai words, keeps a space between Latin or digit words, and reads 3,000 as 3000", () => {
    assert.equal(viewText("ของขวัญ เกิน 3,000 บาท").compact, "ของขวัญเกิน3000บาท");
    assert.equal(viewText("No  Gift Policy").compact, "no gift policy");
    assert.equal(viewText("สายด่วน ป.ป.ช. 1205").compact, "สายด่วนปปช1205");
    assert.equal(viewText("โทร๑๒๐๕").compact, "โทร1205");
  });

  test("records word boundaries from Intl.Segmenter", () => {
    const v = viewText("มื้อใด๋สิประชุม");
    assert.ok(v.boundaries.has(0) && v.boundaries.has(v.compact.length));
    assert.ok(v.boundaries.has(v.compact.indexOf("สิ")));
  });
});

describe("matchConcepts", () => {
  test("short Thai words count only as whole words", () => {
    assert.ok(findConcepts("ข่อยสิร้องเรียน").has("want"));
    assert.ok(!findConcepts("สิบโมง").has("want"));
    assert.ok(findConcepts("มีประชุมบ่").has("meeting"));
  });

  test("a word inside a longer phrase of another concept is dropped", () => {
    const remind = findConcepts("แจ้งเตือนประชุม");
    assert.ok(remind.has("remind") && !remind.has("notify"));
    const day = findConcepts("วันต่อต้านคอรัปชั่นสากล");
    assert.ok(day.has("acd") && !day.has("corruption"));
  });

  test("one typo in a long topic word is tolerated, and marked fuzzy", () => {
    const m = matchConcepts(viewText("ร้องเรียบค่ะ")).find((x) => x.concept === "report");
    assert.ok(m?.fuzzy);
    assert.ok(!findConcepts("ร้องเพลง").has("report"));
  });

  test("Latin keywords need word edges", () => {
    assert.ok(findConcepts("ita score").has("ita"));
    assert.ok(findConcepts("itaคืออะไร").has("ita"));
    assert.ok(!findConcepts("italy").has("ita"));
    assert.ok(findConcepts("remind me of meetings").has("meeting"));
  });
});
