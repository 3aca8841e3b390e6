import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  TRACKING_ALPHABET,
  TRACKING_CODE_BITS,
  findTrackingCode,
  generateTrackingCode,
  parseTrackingCode,
} from "../../../src/services/tracking-code";

// Tracking codes are the reporter's credential: hard to guess, easy to read aloud.
describe("tracking codes", () => {
  test("carry at least 40 bits of randomness and no ambiguous characters", () => {
    assert.ok(TRACKING_CODE_BITS >= 40, `only ${TRACKING_CODE_BITS.toFixed(1)} bits`);
    for (const ch of "01OIL") assert.ok(!TRACKING_ALPHABET.includes(ch), `alphabet contains ${ch}`);
    assert.equal(new Set(TRACKING_ALPHABET).size, TRACKING_ALPHABET.length);
  });

  test("look like KK-XXX-XXX-XXX, are distinct, and use the whole alphabet", () => {
    const seen = new Set<string>();
    const used = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const code = generateTrackingCode();
      assert.match(code, /^KK-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
      seen.add(code);
      for (const ch of code.slice(3).replace(/-/g, "")) used.add(ch);
    }
    assert.equal(seen.size, 5000);
    assert.equal(used.size, TRACKING_ALPHABET.length);
  });

  test("draw each symbol from the random source", () => {
    const picks = [0, 1, 2, 3, 4, 5, 6, 7, 30];
    let i = 0;
    assert.equal(generateTrackingCode(() => picks[i++]!), "KK-234-567-89Z");
  });

  test("are read back in any case, with or without dashes, spaces, prefix or Thai digits", () => {
    const code = "KK-7F3-Q9M-2XA";
    for (const typed of ["KK-7F3-Q9M-2XA", "kk-7f3-q9m-2xa", "kk7f3q9m2xa", "7F3Q9M2XA", " KK 7F3 Q9M 2XA ", "kk–๗f3–q9m–๒xa"]) {
      assert.equal(parseTrackingCode(typed), code, typed);
    }
  });

  test("reject what cannot be a code, including operator-like input", () => {
    for (const bad of ["", "KK-7F3-Q9M", "KK-7F3-Q9M-2XAB", "KK-0F3-Q9M-2XA", "KK-IF3-Q9M-2XA", "KK-LF3-Q9M-2XA", "KK-OF3-Q9M-2XA", '{"$gt":""}', "ติดตามเรื่อง"]) {
      assert.equal(parseTrackingCode(bad), null, bad);
    }
  });

  test("are found inside a sentence", () => {
    assert.equal(findTrackingCode("ติดตามเรื่อง kk-7f3-q9m-2xa ค่ะ"), "KK-7F3-Q9M-2XA");
    assert.equal(findTrackingCode("รหัส 7F3Q9M2XA นะคะ"), "KK-7F3-Q9M-2XA");
    assert.equal(findTrackingCode("ไม่มีรหัส"), null);
  });
});
