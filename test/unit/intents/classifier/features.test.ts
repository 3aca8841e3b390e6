import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ANALYSED_CHARS, messageFeatures } from "../../../../src/intents/classifier/features";

// Protects what the classifier sees: a bounded prefix (so 5,000 characters cost what 240
// do), English words as their Thai words, tone marks ignored in the grams, codes as a shape.
const has = (text: string, f: string) => messageFeatures(text).includes(f);

describe("messageFeatures", () => {
  test("reads only a bounded prefix: what follows it changes nothing", () => {
    const start = "ผู้ใหญ่บ้านเรียกเงินสามพันบาทค่ะ ".repeat(20).slice(0, ANALYSED_CHARS);
    assert.deepEqual(messageFeatures(start + "ต่อท้ายยาว ๆ".repeat(500)), messageFeatures(start));
  });

  test("an English word the glossary knows gives the Thai word's features", () => {
    assert.ok(has("how do I report a bribe", "w:สินบน"));
    assert.ok(has("how do I report a bribe", "w:ร้องเรียน"));
    const grams = messageFeatures("gift").filter((f) => f.startsWith("c:"));
    assert.ok(grams.some((g) => messageFeatures("ของขวัญ").includes(g)), "English gets the Thai word's character grams");
    assert.ok(!has("bribe", "w:bribe"));
  });

  test("an English question gets the question shape and the Thai question particle; a statement does not", () => {
    assert.ok(has("can I report anonymously", "s:q"));
    assert.ok(has("does the pledge cost anything", "w:ไหม"));
    assert.ok(has("the headman took money from the fund", "s:noq"));
    assert.ok(!has("the headman took money from the fund", "w:ไหม"));
  });

  test("an Isan word keeps its own feature and also gets its central Thai word's", () => {
    assert.ok(has("เฮ็ดจั่งใด๋", "w:ทำ"));
    assert.ok(has("เฮ็ดจั่งใด๋", "w:เฮ็ด"));
    assert.ok(has("ข่อยสิแจ้งเรื่อง", "w:จะ"));
  });

  test("a missing tone mark leaves the character grams unchanged", () => {
    const grams = (t: string) => messageFeatures(t).filter((f) => f.startsWith("c:"));
    assert.deepEqual(grams("ร้องเรียน"), grams("รองเรียน"));
  });

  test("concepts, numbers and tracking codes become features", () => {
    assert.ok(has("ประชุมมื้อใด๋", "k:meeting"));
    assert.ok(has("รับของได้กี่บาท 3,000 บาท", "s:baht"));
    assert.ok(has("ติดตาม KK-7F3-Q9M-2XA", "s:code"));
    assert.ok(!has("ติดตาม KK-7F3-Q9M-2XA", "l:kk"));
    assert.ok(has("hiiii", "w:สวัสดี"), "Latin emphasis repeats collapse");
  });
});
