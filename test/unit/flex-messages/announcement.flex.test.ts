import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { announcementFlex } from "../../../flex-messages/announcement.flex";
import { ANNOUNCEMENT_LIMITS, checkButton, checkContent, checkImage } from "../../../src/services/announcement-limits";
import { SKIP_WITHOUT_SPEC, assertAcceptedByLine, lowContrastTexts, sizeProblems } from "./flex-checks";

// The announcement message LINE gets, and the limits checked when it is saved: every
// boundary value passes LINE's schema and limits, one past it is refused with Thai.
const content = (over: Partial<Parameters<typeof announcementFlex>[0]> = {}) => ({
  title: "วันต่อต้านคอร์รัปชันสากล", text: "ขอเชิญท่านร่วมงาน", office: "ศาลากลางจังหวัดขอนแก่น", ...over,
});

describe("announcement message", () => {
  test("with image and a link or bot-action button, at the limits, LINE accepts it", { skip: SKIP_WITHOUT_SPEC }, () => {
    const longest = content({ title: "ก".repeat(80), text: "ข".repeat(5000), imageUrl: "https://sujarit.example/media/announcements/0123456789abcdef0123456789abcdef" });
    checkContent({ ...longest, button: checkButton({ kind: "url", label: "ค".repeat(40), url: `https://x.example/${"a".repeat(1000 - 18)}` }) });
    assertAcceptedByLine(announcementFlex({ ...longest, button: { kind: "url", label: "ค".repeat(40), url: `https://x.example/${"a".repeat(1000 - 18)}` } }));
    assertAcceptedByLine(announcementFlex(content({ button: { kind: "action", label: "ประกาศเจตนารมณ์", action: "pledge.start" } })));
    assert.match(JSON.stringify(announcementFlex(content())), /ประกาศจาก ศาลากลางจังหวัดขอนแก่น.*ปิดการแจ้งข่าว/);
    const withButton = announcementFlex(content({ button: { kind: "url", label: "อ่านต่อ", url: "https://x.example" } }));
    assert.deepEqual(lowContrastTexts(withButton), []);
    assert.deepEqual(sizeProblems(withButton), []);
  });

  test("one past a limit is refused in Thai before saving", () => {
    assert.throws(() => checkContent(content({ text: "ข".repeat(5001) })), { userMessage: /ไม่เกิน 5000 ตัวอักษร/ });
    assert.throws(() => checkContent(content({ title: "ก".repeat(81) })), { code: "validation" });
    assert.throws(() => checkButton({ kind: "url", label: "ค".repeat(41), url: "https://x.example" }), { userMessage: /ไม่เกิน 40/ });
    assert.throws(() => checkButton({ kind: "url", label: "ลิงก์", url: "http://x.example" }), { userMessage: /https/ });
    assert.throws(() => checkButton({ kind: "url", label: "ลิงก์", url: `https://x.example/${"a".repeat(1000)}` }), { userMessage: /ไม่เกิน 1000/ });
    assert.throws(() => checkButton({ kind: "action", label: "x", action: "privacy.deleteConfirm" }), { code: "validation" });
    // Thai is 3 bytes a character in UTF-8: 5,000 of them with a long title fit; the 30 KB check stands behind.
    assert.ok(Buffer.byteLength(JSON.stringify(announcementFlex(content({ text: "ข".repeat(5000) })))) < ANNOUNCEMENT_LIMITS.bubbleBytes);
  });

  test("images: PNG and JPEG by their bytes, up to 1 MB; anything else refused", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    assert.equal(checkImage(png), "image/png");
    assert.equal(checkImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), "image/jpeg");
    assert.throws(() => checkImage(Buffer.from("GIF89a......")), { userMessage: /JPEG หรือ PNG/ });
    assert.throws(() => checkImage(Buffer.concat([png, Buffer.alloc(1_000_000)])), { userMessage: /1 MB/ });
    assert.throws(() => checkImage(Buffer.alloc(0)), { code: "validation" });
  });
});
