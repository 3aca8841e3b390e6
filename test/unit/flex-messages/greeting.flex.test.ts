import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { greetingFlex } from "../../../flex-messages/greeting.flex";
import {
  assertAcceptedByLine,
  testCheckedMessagesAgainstSpec,
  bubblesOf,
  drawnTexts,
  lowContrastTexts,
  quickReplyActions,
  sizeProblems,
} from "./flex-checks";

// Protects the follow greeting: a Thai welcome, what the bot does, the privacy notice
// with the deletion keyword, and the main actions, whatever the display name holds.

const texts = (m: messagingApi.FlexMessage): string[] => drawnTexts(m).map((d) => d.text);

describe("greetingFlex", () => {
  const named = greetingFlex({ displayName: "สมศรี" });
  const anonymous = greetingFlex();

  test("is accepted by LINE's schema and documented limits, with and without a name", () => {
    assertAcceptedByLine(named);
    assertAcceptedByLine(anonymous);
  });

  test("welcomes by name when known, politely either way", () => {
    assert.ok(texts(named).includes("สวัสดีค่ะ คุณสมศรี"));
    assert.ok(texts(anonymous).includes("สวัสดีค่ะ"));
    assert.ok(!texts(anonymous).some((t) => t.includes("คุณundefined")));
    assert.ok(named.altText.startsWith("สวัสดีค่ะ คุณสมศรี"));
  });

  test("a long or multi-line display name becomes one short line", () => {
    const m = greetingFlex({ displayName: `  สม\nชาย ${"ก".repeat(100)}` });
    const hello = texts(m).find((t) => t.startsWith("สวัสดีค่ะ"));
    assert.ok(hello && !hello.includes("\n") && hello.length <= "สวัสดีค่ะ คุณ".length + 30, hello);
    assert.equal(texts(greetingFlex({ displayName: "   " }))[1], "สวัสดีค่ะ");
  });

  test("says what Sujarit does in three lines", () => {
    const does = texts(named).find((t) => t.startsWith("• "));
    assert.ok(does);
    assert.equal(does.split("\n").length, 3);
  });

  test("carries the privacy notice: what is stored, why, and how to delete it", () => {
    const all = texts(named).join("\n");
    for (const fact of ["รหัสผู้ใช้ LINE", "หมู่บ้าน", "เรื่องร้องเรียน", "เข้ารหัส", "เพื่อ", "พิมพ์ \"ลบข้อมูลของฉัน\" เพื่อขอลบข้อมูล"]) {
      assert.ok(all.includes(fact), `missing "${fact}"`);
    }
    assert.ok(named.altText.includes("ลบข้อมูลของฉัน"));
  });

  test("offers the main actions plus เมนู as quick replies, and two buttons", () => {
    const actions = quickReplyActions(named);
    assert.deepEqual(
      actions.map((a) => (a.type === "postback" ? (a as messagingApi.PostbackAction).data : (a as messagingApi.MessageAction).text)),
      ["a=topic.show&t=no-gift", "a=pledge.start", "a=complaint.start", "a=complaint.track", "a=meeting.next", "เมนู"],
    );
    const footer = bubblesOf(named)[0].footer?.contents ?? [];
    assert.equal(footer.filter((c) => c.type === "button").length, 2);
  });

  test("is readable: AA contrast and no tiny running text", () => {
    assert.deepEqual(lowContrastTexts(named), []);
    assert.deepEqual(sizeProblems(named), []);
  });
});

testCheckedMessagesAgainstSpec();
