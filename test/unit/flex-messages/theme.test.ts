import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CONTRAST_PAIRS, MIN_TEXT_CONTRAST, contrastRatio, relativeLuminance } from "../../../flex-messages/theme";

// Protects readability: the contrast function is right, and every colour pair the
// builders draw text with meets WCAG AA (4.5:1).

describe("contrastRatio", () => {
  test("gives the WCAG extremes: 21 for black on white, 1 for a colour on itself", () => {
    assert.equal(contrastRatio("#000000", "#FFFFFF"), 21);
    assert.equal(contrastRatio("#FFFFFF", "#000000"), 21);
    assert.equal(contrastRatio("#0B5D55", "#0B5D55"), 1);
  });

  test("matches known reference values", () => {
    // #777777 on white is the classic "just fails AA" grey (4.48:1); #767676 just passes (4.54:1).
    assert.equal(contrastRatio("#777777", "#FFFFFF").toFixed(2), "4.48");
    assert.equal(contrastRatio("#767676", "#ffffff").toFixed(2), "4.54");
    assert.equal(relativeLuminance("#FFFFFF"), 1);
    assert.equal(relativeLuminance("#000000"), 0);
  });

  test("rejects colours that are not #RRGGBB", () => {
    assert.throws(() => relativeLuminance("#FFF"), /#RRGGBB/);
    assert.throws(() => relativeLuminance("teal"), /#RRGGBB/);
  });
});

describe("theme colours", () => {
  for (const pair of CONTRAST_PAIRS) {
    test(`${pair.name} meets WCAG AA`, () => {
      const ratio = contrastRatio(pair.fg, pair.bg);
      assert.ok(ratio >= MIN_TEXT_CONTRAST, `${pair.fg} on ${pair.bg} is ${ratio.toFixed(2)}:1`);
    });
  }
});
