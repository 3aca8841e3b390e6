import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { OFFER_DECLINE_ACTION, OFFER_EXCERPT_CHARS, OFFER_START_ACTION, complaintOfferFlex } from "../../../flex-messages/complaint-offer.flex";
import { greetingReply } from "../../../flex-messages/greeting-reply";
import { SKIP_WITHOUT_SPEC, assertAcceptedByLine, drawnTexts, lowContrastTexts, sizeProblems } from "./flex-checks";

// Protects the offer of issue 19 item 4 (one message: what it sounds like, one tap to start,
// one tap for "just asking", polite Thai with "ท่าน") and the greeting reply of item 5.
const texts = (m: ReturnType<typeof complaintOfferFlex>) => drawnTexts(m).map((d) => d.text);

describe("complaintOfferFlex", () => {
  const longest = complaintOfferFlex({ excerpt: "ก".repeat(5000), soundsLike: "จัดซื้อจัดจ้าง หรือก่อสร้างไม่โปร่งใส" });
  const plain = complaintOfferFlex({ excerpt: "ผู้ใหญ่บ้านเรียกเงิน 500 บาท\nค่าเซ็นเอกสาร" });

  test("is accepted by LINE's schema and limits, readable, even with a 5,000-character message", { skip: SKIP_WITHOUT_SPEC }, () => {
    for (const m of [longest, plain, complaintOfferFlex({ excerpt: "x", carriesText: false })]) {
      assertAcceptedByLine(m);
      assert.deepEqual(lowContrastTexts(m), []);
      assert.deepEqual(sizeProblems(m), []);
    }
  });

  test("says what it sounds like, quotes a short excerpt on one paragraph, and offers exactly two taps", () => {
    assert.ok(texts(longest)[0]!.includes("จัดซื้อจัดจ้าง"));
    assert.ok(texts(plain)[0]!.includes("การทุจริต"));
    const quote = texts(plain).find((t) => t.startsWith('"'))!;
    assert.equal(quote, '"ผู้ใหญ่บ้านเรียกเงิน 500 บาท ค่าเซ็นเอกสาร"');
    assert.ok(texts(longest).find((t) => t.startsWith('"'))!.length <= OFFER_EXCERPT_CHARS + 2);
    const json = JSON.stringify(plain);
    assert.ok(json.includes(`a=${OFFER_START_ACTION}`) && json.includes(`a=${OFFER_DECLINE_ACTION}`));
    assert.equal(drawnTexts(plain).filter((d) => d.kind === "button").length, 2);
  });

  test("polite Thai for the resident: ท่าน, never คุณ, and it says nothing is stored before confirming", () => {
    const all = texts(plain).join(" ") + plain.altText;
    assert.match(all, /ท่าน/);
    assert.doesNotMatch(all, /คุณ/);
    assert.match(all, /ยังไม่มีการบันทึก/);
    assert.match(all, /ไม่ต้องพิมพ์ซ้ำ/);
    assert.doesNotMatch(texts(complaintOfferFlex({ excerpt: "x", carriesText: false })).join(" "), /ไม่ต้องพิมพ์ซ้ำ/);
  });
});

describe("greetingReply", () => {
  test("greets by name when known, politely either way, on one short line", () => {
    assert.match(greetingReply("สมศรี").text, /^สวัสดีค่ะ คุณสมศรี /);
    assert.match(greetingReply().text, /^สวัสดีค่ะ 🙏/);
    assert.match(greetingReply("   ").text, /^สวัสดีค่ะ 🙏/);
    const long = greetingReply(`สม\nชาย${"ก".repeat(100)}`).text;
    assert.ok(!long.includes("\n") && long.indexOf("🙏") <= "สวัสดีค่ะ คุณ".length + 31, long);
    assert.match(greetingReply().text, /ท่าน/);
  });
});
