import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { editDistance, osaDistance } from "../../../src/util/edit-distance";

// Protects the typo tolerance of place-name matching (area-match.ts).
describe("editDistance", () => {
  test("counts insertions, deletions, substitutions and adjacent swaps", () => {
    assert.equal(editDistance("", ""), 0);
    assert.equal(editDistance("abc", "abc"), 0);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("chonabot", "chonnabot"), 1);
    assert.equal(editDistance("ab", "ba"), 1); // a swap is one edit
    assert.equal(editDistance("ca", "abc"), 3); // optimal string alignment, not full Damerau
  });

  test("a Thai tone mark or vowel sign is one edit", () => {
    assert.equal(editDistance("บ้านไผ", "บ้านไผ่"), 1);
    assert.equal(editDistance("หนองเรีอ", "หนองเรือ"), 1);
    assert.equal(editDistance("หนองสองหอ้ง", "หนองสองห้อง"), 1);
  });

  test("is symmetric", () => {
    for (const [a, b] of [["ชุมแผ", "ชุมแพ"], ["mancha kiri", "mancha khiri"], ["x", "yyyy"]]) {
      assert.equal(editDistance(a, b), editDistance(b, a));
    }
  });

  test("stops at the limit and reports limit + 1", () => {
    assert.equal(editDistance("abcdef", "uvwxyz", 2), 3);
    assert.equal(editDistance("a", "abcdef", 1), 2);
    assert.equal(editDistance("chonabot", "chonnabot", 1), 1);
  });

  test("the fastest-levenshtein shortcut gives the swap-aware distance on every pair", () => {
    const words = ["ห้อง", "หอ้ง", "หนองเรือ", "หนองเรีอ", "บ้านไผ่", "บ้านไผ", "ชุมแพ", "ชุมแผ", "ab", "ba", "abc", "ca", "", "x", "kitten", "sitting"];
    for (const a of words) {
      for (const b of words) {
        for (const limit of [0, 1, 2, 3, Number.POSITIVE_INFINITY]) {
          assert.equal(editDistance(a, b, limit), Math.min(osaDistance(a, b, limit), limit + 1), `${a} / ${b} / ${limit}`);
        }
      }
    }
  });
});
