import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { explainerFlex, topicMenuFlex } from "../../../../flex-messages";
import { EXPLAINERS, getExplainer } from "../../../../src/content/explainers";
import { describeMessage, flattenFlex } from "../../../../src/dev/line-emulator/sim-format";

// Protects what `npm run cli -- say` prints: a Flex reply must read as its altText,
// its texts in order (incl. the source line) and its buttons, plus the quick replies.
describe("sim-format: LINE messages as terminal lines", () => {
  test("an explainer prints altText, title, section texts, the source line, buttons and quick replies", () => {
    const e = getExplainer("no-gift")!;
    const lines = describeMessage(explainerFlex(e));
    assert.match(lines[0]!, /^\[Flex\] /);
    assert.ok(lines[0]!.includes(e.title));
    const body = lines.join("\n");
    assert.ok(body.includes(e.title));
    for (const s of e.sections) assert.ok(body.includes(s.body.split("\n")[0]!), `section "${s.heading ?? ""}" is printed`);
    assert.match(body, /ที่มา: /);
    for (const a of e.actions ?? []) assert.ok(body.includes(`[${a.label}]`), `button ${a.label}`);
    assert.match(lines[lines.length - 1]!, /^ตัวเลือก: .*\[เมนู\]$/);
  });

  test("a carousel prints one numbered header per bubble", () => {
    const lines = flattenFlex(topicMenuFlex([...EXPLAINERS]).contents);
    const headers = lines.filter((l) => /^── \d+\/\d+ ──$/.test(l));
    assert.equal(headers.length, Math.min(EXPLAINERS.length, 12));
    assert.ok(lines.includes(`── 1/${headers.length} ──`));
    assert.ok(lines.some((l) => l.includes(EXPLAINERS[0]!.title)));
  });

  test("a horizontal box reads as one line; spans join; separators vanish", () => {
    const lines = flattenFlex({
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        contents: [
          { type: "box", layout: "horizontal", contents: [{ type: "text", text: "ข้าวเหนียว" }, { type: "text", text: "฿20" }] },
          { type: "separator" },
          { type: "text", text: "", contents: [{ type: "span", text: "ตัวหนา " }, { type: "span", text: "สีแดง" }] },
          { type: "button", action: { type: "postback", label: "ยืนยัน", data: "a=x.y" } },
        ],
      },
    });
    assert.deepEqual(lines, ["ข้าวเหนียว  ฿20", "ตัวหนา สีแดง", "[ยืนยัน]"]);
  });

  test("text keeps its lines; stickers, locations and templates say what they are", () => {
    assert.deepEqual(describeMessage({ type: "text", text: "สวัสดีค่ะ\nบรรทัดสอง" }), ["สวัสดีค่ะ", "บรรทัดสอง"]);
    assert.deepEqual(describeMessage({ type: "sticker", packageId: "446", stickerId: "1988" }), ["[สติกเกอร์ 446/1988]"]);
    assert.match(describeMessage({ type: "location", title: "ศาลากลาง", address: "ขอนแก่น", latitude: 16.4419, longitude: 102.836 })[0]!, /16\.4419, 102\.836/);
    const confirm = describeMessage({
      type: "template",
      altText: "ยืนยันไหมคะ",
      template: { type: "confirm", text: "ยืนยันไหมคะ", actions: [{ type: "message", label: "ใช่", text: "ใช่" }, { type: "message", label: "ไม่", text: "ไม่" }] },
    });
    assert.deepEqual(confirm, ["[Template] ยืนยันไหมคะ", "  ยืนยันไหมคะ", "  [ใช่] [ไม่]"]);
  });
});
