import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readImageSize } from "../../../../src/dev/line-emulator/image-size";
import { MAX_RICH_MENU_IMAGE_BYTES, renderRichMenuPng, sarabunFontFiles } from "../../../../src/dev/richmenu/render-richmenu";
import { richMenuSvg } from "../../../../src/dev/richmenu/richmenu-svg";

// Protects the generator behind assets/richmenu.png: it still renders at LINE's size and
// weight, and really draws Thai with the bundled Sarabun font (not blank boxes).
const page = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect width="400" height="120" fill="#fff"/>${body}</svg>`;

describe("renderRichMenuPng", () => {
  test("the Sarabun TTF files exist in the font package", () => {
    for (const f of sarabunFontFiles()) assert.ok(existsSync(f), f);
  });

  test("renders the menu as a 2500x1686 PNG under 1 MB", () => {
    const png = renderRichMenuPng(richMenuSvg());
    assert.deepEqual(readImageSize(png), { width: 2500, height: 1686, type: "png" });
    assert.ok(png.length < MAX_RICH_MENU_IMAGE_BYTES, `${png.length} bytes`);
  });

  test("draws Thai text with the Sarabun font", () => {
    const blank = renderRichMenuPng(page(""));
    const thai = renderRichMenuPng(page('<text x="10" y="80" font-family="Sarabun" font-size="60" fill="#000">ไม่รับ ไม่ให้</text>'));
    const bold = renderRichMenuPng(page('<text x="10" y="80" font-family="Sarabun" font-weight="700" font-size="60" fill="#000">ไม่รับ ไม่ให้</text>'));
    assert.notDeepEqual(thai, blank);
    assert.notDeepEqual(bold, thai);
  });
});
