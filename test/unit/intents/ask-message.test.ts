import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { askMessage } from "../../../src/intents/ask-message";
import { assertAcceptedByLine, testCheckedMessagesAgainstSpec } from "../flex-messages/flex-checks";

// Protects the "คุณหมายถึง…" reply: valid for LINE, one postback per candidate, a way out.
const candidates = [
  { label: "นโยบายไม่รับ ไม่ให้", action: "topic.show", params: { t: "no-gift" } },
  { label: "รับของขวัญได้แค่ไหน", action: "topic.show", params: { t: "gift-law" } },
];

describe("askMessage", () => {
  test("offers each candidate as a postback quick reply, then 'เมนู'", () => {
    const m = askMessage(candidates);
    assert.match(m.text, /ท่านหมายถึง/);
    assert.match(m.text, /ค่ะ/);
    const actions = (m.quickReply?.items ?? []).map((i) => i.action as { type: string; data?: string; label?: string; text?: string });
    assert.deepEqual(actions.map((a) => a.data ?? a.text), ["a=topic.show&t=no-gift", "a=topic.show&t=gift-law", "เมนู"]);
    assert.equal(actions[0]!.label, "นโยบายไม่รับ ไม่ให้");
  });

  test("does not add a second menu chip when the menu is a candidate", () => {
    const m = askMessage([{ label: "เมนู", action: "menu.show" }, { label: "แจ้งเรื่องร้องเรียน", action: "complaint.start" }]);
    assert.equal(m.quickReply?.items?.length, 2);
  });

  test("passes LINE's schema and limits", () => {
    assertAcceptedByLine(askMessage(candidates));
  });

  test("refuses an empty list", () => {
    assert.throws(() => askMessage([]));
  });
});

testCheckedMessagesAgainstSpec();
