import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { EXPLAINERS } from "../../../src/content/explainers";
import { topicMenuFlex } from "../../../flex-messages/topic-menu.flex";
import {
  assertAcceptedByLine,
  testCheckedMessagesAgainstSpec,
  bubblesOf,
  drawnTexts,
  lowContrastTexts,
  quickReplyActions,
  sizeProblems,
} from "./flex-checks";

// Protects the topic menu: one card per topic (LINE's 12-bubble cap), each opening
// its explainer, with the main actions as quick replies.

const MAIN_POSTBACKS = ["a=topic.show&t=no-gift", "a=pledge.start", "a=complaint.start", "a=complaint.track", "a=meeting.next"];

function readMoreButton(b: messagingApi.FlexBubble): messagingApi.FlexButton {
  const button = b.footer?.contents.find((c): c is messagingApi.FlexButton => c.type === "button");
  assert.ok(button, "card without a button");
  return button;
}

describe("topicMenuFlex", () => {
  const m = topicMenuFlex(EXPLAINERS);

  test("is accepted by LINE's schema and documented limits", () => {
    assertAcceptedByLine(m);
  });

  test("is a carousel with one same-size card per topic, in order", () => {
    assert.equal(m.contents.type, "carousel");
    const bubbles = bubblesOf(m);
    assert.equal(bubbles.length, EXPLAINERS.length);
    assert.equal(new Set(bubbles.map((b) => b.size)).size, 1);
    bubbles.forEach((b, i) => {
      const texts = drawnTexts({ ...m, contents: b }).map((d) => d.text);
      assert.ok(texts.includes(EXPLAINERS[i].title));
      assert.ok(texts.includes(EXPLAINERS[i].summary));
    });
  });

  test("each card's อ่านต่อ button opens its topic and echoes the title", () => {
    bubblesOf(m).forEach((b, i) => {
      const action = readMoreButton(b).action as messagingApi.PostbackAction;
      assert.equal(action.label, "อ่านต่อ");
      assert.equal(action.data, `a=topic.show&t=${EXPLAINERS[i].id}`);
      assert.equal(action.displayText, EXPLAINERS[i].title);
    });
  });

  test("lists the topics in a Thai altText", () => {
    assert.ok(m.altText.startsWith("หัวข้อน่ารู้ 8 เรื่อง"));
    for (const e of EXPLAINERS) assert.ok(m.altText.includes(e.title));
  });

  test("offers the main actions as quick replies", () => {
    const actions = quickReplyActions(m) as messagingApi.PostbackAction[];
    assert.deepEqual(actions.map((a) => a.data), MAIN_POSTBACKS);
    assert.deepEqual(actions.map((a) => a.label), ["อ่านเรื่องนโยบาย", "ร่วมประกาศเจตนารมณ์", "แจ้งเรื่องร้องเรียน", "ติดตามเรื่อง", "ประชุมครั้งต่อไป"]);
  });

  test("is readable: AA contrast and no tiny running text", () => {
    assert.deepEqual(lowContrastTexts(m), []);
    assert.deepEqual(sizeProblems(m), []);
  });

  test("shows at most 12 cards (LINE's carousel cap) and stays valid", () => {
    const many = topicMenuFlex([...EXPLAINERS, ...EXPLAINERS]);
    assert.equal(bubblesOf(many).length, 12);
    assertAcceptedByLine(many);
  });

  test("refuses an empty list (LINE rejects an empty carousel)", () => {
    assert.throws(() => topicMenuFlex([]), /at least one/);
  });
});

testCheckedMessagesAgainstSpec();
