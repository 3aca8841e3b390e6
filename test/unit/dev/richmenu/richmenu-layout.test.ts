import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { validateLineRequest } from "../../../../src/dev/line-emulator/openapi-validator";
import { RICH_MENU_SIZE, RICH_MENU_TILES, richMenuRequest, tileBounds } from "../../../../src/dev/richmenu/richmenu-layout";
import { richMenuSvg } from "../../../../src/dev/richmenu/richmenu-svg";
import { findRequestRuleViolations } from "../../../../src/dev/line-emulator/request-rules";
import { SKIP_WITHOUT_SPEC, lineSchemas } from "../../../helpers/line-spec";

// Protects the rich menu definition: the six actions of issue 3, tap areas that cover the
// picture exactly, and a body LINE accepts.
describe("richMenuRequest", () => {
  const req = richMenuRequest();

  test("has the six areas of issue 3, each a postback to its action", () => {
    const data = req.areas.map((a) => (a.action as { data: string }).data);
    assert.deepEqual(data, [
      "a=topic.menu", "a=pledge.start", "a=complaint.start", "a=complaint.track", "a=meeting.next", "a=menu.show",
    ]);
    for (const a of req.areas) {
      const action = a.action as { type: string; label: string; displayText: string };
      assert.equal(action.type, "postback");
      assert.ok(action.label.length <= 20 && action.displayText === action.label);
    }
  });

  test("the tap areas tile the whole 2500x1686 picture without gaps or overlaps", () => {
    assert.deepEqual(req.size, { width: 2500, height: 1686 });
    const total = req.areas.reduce((sum, a) => sum + a.bounds!.width! * a.bounds!.height!, 0);
    assert.equal(total, RICH_MENU_SIZE.width * RICH_MENU_SIZE.height);
    for (const a of req.areas) {
      const b = a.bounds!;
      assert.ok(b.x! >= 0 && b.y! >= 0 && b.x! + b.width! <= 2500 && b.y! + b.height! <= 1686);
    }
    assert.deepEqual(tileBounds(5), { x: 1667, y: 843, width: 833, height: 843 });
  });

  test("chat bar text fits LINE's 14 characters", () => {
    assert.ok(req.chatBarText.length <= 14);
  });

  test("is a valid RichMenuRequest per the emulator's own table of LINE's rules", () => {
    assert.deepEqual(findRequestRuleViolations("RichMenuRequest", req as unknown as Record<string, unknown>), []);
  });

  test("is a valid RichMenuRequest per LINE's OpenAPI spec", { skip: SKIP_WITHOUT_SPEC }, () => {
    assert.deepEqual(validateLineRequest(lineSchemas!, "RichMenuRequest", req), []);
  });
});

describe("richMenuSvg", () => {
  test("draws every tile's label and hint, escaped for XML", () => {
    const svg = richMenuSvg();
    for (const t of RICH_MENU_TILES) {
      assert.ok(svg.includes(`>${t.label}<`), t.label);
      assert.ok(svg.includes(`>${t.hint}<`), t.hint);
    }
    const odd = richMenuSvg([{ ...RICH_MENU_TILES[0]!, label: "A & <B>" }]);
    assert.ok(odd.includes(">A &amp; &lt;B&gt;<"));
    assert.match(svg, /^<svg [^>]*width="2500" height="1686"/);
  });
});
