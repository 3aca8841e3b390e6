import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ValidationError } from "../../../src/errors";
import { cleanText, formatThaiPhone, maskThaiPhone, parseThaiPhone, requireText } from "../../../src/services/complaint-input";

describe("complaint input", () => {
  test("Thai phone numbers: mobiles (10 digits, 06/08/09) and fixed lines (9 digits), in common spellings", () => {
    const ok: [string, string][] = [
      ["0812345678", "0812345678"],
      ["081-234-5678", "0812345678"],
      ["08 1234 5678", "0812345678"],
      ["+66 81 234 5678", "0812345678"],
      ["66812345678", "0812345678"],
      ["๐๘๑๒๓๔๕๖๗๘", "0812345678"],
      ["(043) 123-456", "043123456"],
      ["02-123-4567", "021234567"],
      ["0612345678", "0612345678"],
      ["0912345678", "0912345678"],
    ];
    for (const [input, want] of ok) assert.equal(parseThaiPhone(input), want, input);
    for (const bad of ["081234567", "08123456789", "0112345678", "1234567890", "0812345abc", "", "+1 555 123 4567", "0812345678; DROP"]) {
      assert.equal(parseThaiPhone(bad), null, bad);
    }
  });

  test("phones are formatted and masked for the chat", () => {
    assert.equal(formatThaiPhone("0812345678"), "081-234-5678");
    assert.equal(formatThaiPhone("043123456"), "043-123-456");
    assert.equal(maskThaiPhone("0812345678"), "08x-xxx-5678");
  });

  test("text is kept literally except NUL characters", () => {
    const s = `  {"$gt": ""} <b>x</b> 😀 ไทย\u0000Latin  `;
    assert.equal(cleanText(s), `{"$gt": ""} <b>x</b> 😀 ไทยLatin`);
  });

  test("required text rejects non-strings, empty and overlong values with a domain error", () => {
    assert.equal(requireText("f", " ก ", 5), "ก");
    assert.throws(() => requireText("f", { $gt: "" }, 5), ValidationError);
    assert.throws(() => requireText("f", "   \u0000 ", 5), ValidationError);
    assert.throws(() => requireText("f", "123456", 5), ValidationError);
  });
});
