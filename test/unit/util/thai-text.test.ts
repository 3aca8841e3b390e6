import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  DEFAULT_PROTECTED_TERMS,
  normalizeThai,
  parseThaiNumberWord,
  parseVillageNumber,
  segmentThai,
  stripPoliteTail,
  truncateUtf16,
} from "../../../src/util/thai-text";

describe("normalizeThai", () => {
  test("NFC, trim, single spaces, no zero-width characters", () => {
    // "ำ" typed as nikhahit + sara aa (U+0E4D U+0E32) is not NFC-composed in Unicode, so only
    // Latin shows NFC here: e + combining acute → é.
    assert.equal(normalizeThai("  cafe\u0301 \t\n ไป  ไหน\u200b\u200d\ufeff "), "café ไป ไหน");
    assert.equal(normalizeThai("ร้อง\u200bเรียน"), "ร้องเรียน");
    assert.equal(normalizeThai("a\u00a0b"), "a b");
  });

  test("Thai digits become 0-9 and Latin is lower-cased", () => {
    assert.equal(normalizeThai("หมู่ที่ ๑๒ ITA ๘๐%"), "หมู่ที่ 12 ita 80%");
    assert.equal(normalizeThai("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
  });

  test("collapses emphasis repeats but keeps laughter digits and real doubles", () => {
    assert.equal(normalizeThai("ค่าาาา"), "ค่า");
    assert.equal(normalizeThai("ค่าา"), "ค่า");
    assert.equal(normalizeThai("ครับบบ"), "ครับ");
    assert.equal(normalizeThai("ขอบคุณนะะ ค่ะะะ"), "ขอบคุณนะ ค่ะ");
    assert.equal(normalizeThai("555+"), "555+");
    assert.equal(normalizeThai("55555"), "55555");
    assert.equal(normalizeThai("ธรรมะ สรร"), "ธรรมะ สรร");
    assert.equal(normalizeThai("คะแนน ITA ถนนมิตรภาพ ผมงง"), "คะแนน ita ถนนมิตรภาพ ผมงง");
    assert.equal(normalizeThai("ถนนนนน"), "ถนน");
    assert.equal(normalizeThai("น้ำหนัก 10 กก."), "น้ำหนัก 10 กก.");
    assert.equal(normalizeThai("ดีมากๆๆๆ"), "ดีมากๆ");
  });

  test("keeps one tone mark per consonant", () => {
    assert.equal(normalizeThai("ค่่่า"), "ค่า");
    assert.equal(normalizeThai("ไม้้้"), "ไม้");
    assert.equal(normalizeThai("ที่่"), "ที่");
  });

  test("is idempotent", () => {
    for (const s of ["ค่าาาา ๕๕๕ ITA", "  ผู้ใหญ่บ้าน\u200b  ", "ครับบ"]) {
      assert.equal(normalizeThai(normalizeThai(s)), normalizeThai(s));
    }
  });
});

describe("segmentThai", () => {
  test("keeps domain terms whole where ICU would split them", () => {
    assert.deepEqual(segmentThai("ไม่รับไม่ให้ร้องเรียนการทุจริต"), ["ไม่รับไม่ให้", "ร้องเรียน", "การ", "ทุจริต"]);
    assert.deepEqual(segmentThai("กำนันผู้ใหญ่บ้านจัดกิจกรรม"), ["กำนัน", "ผู้ใหญ่บ้าน", "จัด", "กิจกรรม"]);
    assert.ok(segmentThai("นโยบายไม่รับของขวัญ").includes("ของขวัญ"));
  });

  test("separates Thai from digits and acronyms", () => {
    const words = segmentThai("แจ้งเบาะแสได้ที่ป.ป.ช.1205หรือศูนย์ดำรงธรรม1567");
    for (const w of ["ป.ป.ช.", "1205", "หรือ", "ศูนย์ดำรงธรรม", "1567"]) assert.ok(words.includes(w), `${w} in ${words.join("|")}`);
    assert.deepEqual(segmentThai("นายกอบต.เรียกรับเงิน").slice(0, 3), ["นายก", "อบต.", "เรียก"]);
    assert.deepEqual(segmentThai("ปปชเรียก"), ["ปปช", "เรียก"]);
  });

  test("Latin terms are matched case-insensitively on word edges", () => {
    assert.deepEqual(segmentThai("No Gift Policy!"), ["no gift policy"]);
    assert.deepEqual(segmentThai("คะแนนITA 80"), ["คะแนน", "ita", "80"]);
    assert.deepEqual(segmentThai("italy"), ["italy"]);
  });

  test("district names are protected, short ones only on word boundaries", () => {
    assert.deepEqual(segmentThai("อยู่โคกโพธิ์ไชยค่ะ"), ["อยู่", "โคกโพธิ์ไชย", "ค่ะ"]);
    assert.ok(segmentThai("ผมอยู่โคกโพธิ์ชัย").includes("โคกโพธิ์ชัย"));
    assert.deepEqual(segmentThai("อำเภอพลจังหวัดขอนแก่น"), ["อำเภอ", "พล", "จังหวัด", "ขอนแก่น"]);
    // "พล" inside พลเมือง (citizen) is not the district.
    assert.deepEqual(segmentThai("พลเมืองดี"), ["พลเมือง", "ดี"]);
    assert.ok(DEFAULT_PROTECTED_TERMS.includes("หนองสองห้อง"));
  });

  test("drops whitespace and punctuation, normalizes first", () => {
    assert.deepEqual(segmentThai("  ร้องเรียน ,  ของขวัญ!!  "), ["ร้องเรียน", "ของขวัญ"]);
    assert.deepEqual(segmentThai("ค่าาาา"), ["ค่า"]);
    assert.deepEqual(segmentThai(""), []);
  });

  test("callers can extend the protected list", () => {
    const extra = [...DEFAULT_PROTECTED_TERMS, "เรียกรับ"];
    assert.ok(!segmentThai("เขาเรียกรับเงิน").includes("เรียกรับ"));
    assert.ok(segmentThai("เขาเรียกรับเงิน", extra).includes("เรียกรับ"));
  });
});

describe("parseVillageNumber", () => {
  test("reads digits, Thai digits and the common prefixes", () => {
    const cases: [string, number][] = [
      ["5", 5], ["หมู่ 5", 5], ["ม.5", 5], ["ม. 5", 5], ["ม5", 5], ["หมู่ที่ ๕", 5], ["หมู่ที่12", 12],
      ["หมู่บ้านที่ 3", 3], [" หมู่ 7 ค่ะ ", 7], ["40", 40],
    ];
    for (const [input, n] of cases) assert.equal(parseVillageNumber(input), n, input);
  });

  test("reads Thai number words", () => {
    const cases: [string, number][] = [
      ["หมู่ห้า", 5], ["หนึ่ง", 1], ["หมู่ที่สิบ", 10], ["สิบเอ็ด", 11], ["สิบสอง", 12], ["ยี่สิบ", 20],
      ["ยี่สิบเอ็ด", 21], ["ยี่สิบเก้า", 29], ["สามสิบ", 30], ["หมู่ สิบ ห้า", 15],
    ];
    for (const [input, n] of cases) assert.equal(parseVillageNumber(input), n, input);
  });

  test("rejects out-of-range and non-numbers", () => {
    for (const input of ["0", "41", "100", "-3", "5.5", "หมู่", "หมู่บ้าน", "บ้านเลขที่ 5", "เอ็ด", "ห้าสิบ", "abc", ""]) {
      assert.equal(parseVillageNumber(input), null, input);
    }
  });

  test("parseThaiNumberWord covers the tens forms", () => {
    assert.equal(parseThaiNumberWord("สี่สิบเก้า"), 49);
    assert.equal(parseThaiNumberWord("สิบหนึ่ง"), 11);
    assert.equal(parseThaiNumberWord("ยี่"), null);
  });

  test("stripPoliteTail removes one closing particle", () => {
    assert.equal(stripPoliteTail("หมู่ 5 นะคะ"), "หมู่ 5");
    assert.equal(stripPoliteTail("ชุมแพครับ"), "ชุมแพ");
    assert.equal(stripPoliteTail("ชุมแพ"), "ชุมแพ");
  });
});

describe("truncateUtf16", () => {
  test("leaves short text alone and respects the limit exactly", () => {
    assert.equal(truncateUtf16("สวัสดี", 6), "สวัสดี");
    const cut = truncateUtf16("abcdefghij", 5);
    assert.equal(cut, "abcd…");
    assert.equal(cut.length, 5);
  });

  test("never splits a surrogate pair", () => {
    const s = "ab😀cd"; // 😀 is two code units at 2–3
    assert.equal(truncateUtf16(s, 4), "ab…");
    assert.equal(truncateUtf16(s, 5), "ab😀…");
    for (let max = 1; max < s.length; max++) {
      const out = truncateUtf16(s, max);
      assert.ok(out.length <= max, `max ${max}`);
      assert.ok(out.endsWith("…"));
      assert.doesNotMatch(out, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, `lone high surrogate at max ${max}`);
    }
  });

  test("keeps Thai vowels and tone marks with their consonant", () => {
    // "ที่" is one grapheme of three code units; cutting after ท would orphan the marks.
    assert.equal(truncateUtf16("ที่นี่ดี", 5), "ที่…");
    assert.equal(truncateUtf16("ที่นี่ดี", 3), "…");
  });

  test("max below 1 gives an empty string", () => {
    assert.equal(truncateUtf16("abc", 0), "");
    assert.equal(truncateUtf16("", 0), "");
  });
});
