import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import {
  MAX_QUICK_REPLY_ITEMS,
  assertPostbackData,
  flexMessage,
  headerBox,
  keyValueRow,
  politeTextMessage,
  postbackButton,
  postbackData,
  quickReplies,
  sectionBox,
  sourceLine,
  truncateText,
} from "../../../flex-messages/components.flex";
import { mainQuickReplies } from "../../../flex-messages/main-actions";
import { COLORS } from "../../../flex-messages/theme";
import { SKIP_WITHOUT_SPEC, assertAcceptedByLine, lineSchemas, quickReplyActions, testCheckedMessagesAgainstSpec } from "./flex-checks";
import { validateLineRequest } from "../../../src/dev/line-emulator/openapi-validator";

// Protects the shared pieces every builder relies on: LINE's caps (13 quick replies,
// 20-char labels, 300-char postbacks, 1500 altText, 5000 text) and the postback format.

describe("truncateText", () => {
  test("leaves short text alone", () => {
    assert.equal(truncateText("ไม่รับ ไม่ให้", 20), "ไม่รับ ไม่ให้");
  });

  test("cuts to the limit with an ellipsis, never splitting a Thai cluster", () => {
    // "ที่" and "น้ำ" are single grapheme clusters of three code units each.
    assert.equal(truncateText("ที่ว่าการอำเภอ", 4), "ที่…");
    assert.equal(truncateText("ที่ว่าการอำเภอ", 5), "ที่…");
    assert.equal(truncateText("น้ำใจไม่รับสินบน", 6), "น้ำใจ…");
    const text = "แจ้งเรื่องร้องเรียนที่ศูนย์ดำรงธรรมอำเภอ";
    const clusters = [...new Intl.Segmenter("th", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);
    for (let max = 2; max < text.length; max++) {
      const out = truncateText(text, max);
      assert.ok(out.length <= max && out.endsWith("…"), `max ${max}: ${out}`);
      const kept = out.slice(0, -1);
      const prefixes = clusters.map((_, i) => clusters.slice(0, i).join(""));
      assert.ok(prefixes.includes(kept), `max ${max}: "${kept}" ends inside a cluster`);
    }
  });
});

describe("postbackData", () => {
  test("starts with a=<domain.verb> and URL-encodes parameters", () => {
    assert.equal(postbackData("topic.show", { t: "no-gift" }), "a=topic.show&t=no-gift");
    assert.equal(postbackData("pledge.start"), "a=pledge.start");
    assert.equal(new URLSearchParams(postbackData("complaint.note", { q: "a&b=c" })).get("q"), "a&b=c");
  });

  test("rejects a malformed action, a param named a, and data over 300 chars", () => {
    assert.throws(() => postbackData("PledgeStart"), /a=<domain.verb>/);
    assert.throws(() => postbackData("pledge.start", { a: "x" }), /first argument/);
    assert.throws(() => postbackData("topic.show", { t: "x".repeat(300) }), /300/);
    assert.throws(() => assertPostbackData("t=no-gift&a=topic.show"), /a=<domain.verb>/);
  });
});

describe("quickReplies", () => {
  test(`keeps at most ${MAX_QUICK_REPLY_ITEMS} items and clips labels to 20 characters`, () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ label: `หัวข้อที่ ${i} ยาวมากเกินกว่ายี่สิบตัวอักษร`, postback: "a=topic.menu" }));
    const qr = quickReplies(many);
    assert.equal(qr.items?.length, 13);
    for (const item of qr.items ?? []) {
      assert.equal(item.type, "action");
      assert.ok((item.action?.label ?? "").length <= 20, item.action?.label);
    }
  });

  test("makes postback chips for postbacks and message chips otherwise", () => {
    const qr = quickReplies([{ label: "ประกาศเจตนารมณ์", postback: "a=pledge.start" }, { label: "เมนู" }]);
    const [pledge, menu] = qr.items ?? [];
    assert.deepEqual(pledge.action, { type: "postback", label: "ประกาศเจตนารมณ์", data: "a=pledge.start", displayText: "ประกาศเจตนารมณ์" });
    assert.deepEqual(menu.action, { type: "message", label: "เมนู", text: "เมนู" });
  });

  test("refuses a postback that is not a router action", () => {
    assert.throws(() => quickReplies([{ label: "x", postback: "pledge" }]), /a=<domain.verb>/);
  });
});

describe("politeTextMessage", () => {
  test("builds a text message with optional quick replies", () => {
    const plain = politeTextMessage("ขอบคุณค่ะ");
    assert.deepEqual(plain, { type: "text", text: "ขอบคุณค่ะ" });
    const withChips = politeTextMessage("เลือกได้เลยค่ะ", mainQuickReplies());
    assert.equal(quickReplyActions(withChips).length, 6);
  });

  test("clips text to LINE's 5000 characters and refuses empty text", () => {
    assert.ok(politeTextMessage("ก".repeat(6000)).text.length <= 5000);
    assert.throws(() => politeTextMessage("   "), /non-empty/);
  });

  test("is accepted by LINE's schema and limits", () => {
    assertAcceptedByLine(politeTextMessage("ขออภัยค่ะ สุจริตยังไม่เข้าใจข้อความนี้", mainQuickReplies()));
  });
});

describe("flex pieces", () => {
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    header: headerBox("หัวเรื่อง", { eyebrow: "สุจริต", subtitle: "คำอธิบายสั้น" }),
    body: {
      type: "box",
      layout: "vertical",
      contents: [sectionBox("• ข้อหนึ่ง\n• ข้อสอง", "หัวข้อ"), keyValueRow("รหัส", "AB12-CD34"), sourceLine(["ป.ป.ช."], "(ทบทวนล่าสุด 26 พ.ย. 2569)")],
    },
    footer: { type: "box", layout: "vertical", contents: [postbackButton("ประกาศเจตนารมณ์", "a=pledge.start", "secondary")] },
  };

  test("the header uses the brand colour and the source line starts with ที่มา:", () => {
    assert.equal(bubble.header?.backgroundColor, COLORS.brand);
    const source = sourceLine(["ก", "ข"], "(ทบทวนล่าสุด 1 ม.ค. 2569)");
    assert.equal(source.text, "ที่มา: ก · ข (ทบทวนล่าสุด 1 ม.ค. 2569)");
  });

  test("flexMessage requires altText and clips it to 1500 characters", () => {
    assert.throws(() => flexMessage(" ", bubble), /altText/);
    assert.ok(flexMessage("ก".repeat(2000), bubble).altText.length <= 1500);
  });

  test("a bubble built from the pieces is accepted by LINE", () => {
    assertAcceptedByLine(flexMessage("ทดสอบ", bubble, mainQuickReplies()));
  });

  test("the LINE check used by these tests does reject a broken message", () => {
    // A control: if the check silently passed everything, the tests above would prove nothing.
    assert.throws(() => assertAcceptedByLine({ type: "text" } as messagingApi.TextMessage), /messages\[0\]\.text: must be specified/);
    assert.throws(() => assertAcceptedByLine({ ...flexMessage("ทดสอบ", bubble), contents: { type: "bubbles" } } as unknown as messagingApi.FlexMessage), /contents\.type/);
    const chips = politeTextMessage("เลือกได้เลยค่ะ", mainQuickReplies()).quickReply!.items!;
    const tooMany = { type: "text", text: "ก", quickReply: { items: Array.from({ length: 14 }, () => chips[0]!) } } as messagingApi.TextMessage;
    assert.throws(() => assertAcceptedByLine(tooMany), /quickReply\.items: must be at most 13/);
  });

  test("LINE's OpenAPI schema rejects a broken Flex layout the own table does not look into", { skip: SKIP_WITHOUT_SPEC }, () => {
    const broken = { ...flexMessage("ทดสอบ", bubble), contents: { ...bubble, body: { type: "box", layout: "diagonal", contents: [] } } };
    assert.ok(lineSchemas);
    const errors = validateLineRequest(lineSchemas, "PushMessageRequest", { to: `U${"0".repeat(32)}`, messages: [broken] });
    assert.ok(errors.length > 0);
  });
});

testCheckedMessagesAgainstSpec();
