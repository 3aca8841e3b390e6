import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { complaintCategoryFlex } from "../../../flex-messages/complaint-category.flex";
import { complaintDistrictPickerFlex } from "../../../flex-messages/complaint-districts.flex";
import { complaintMyReportsFlex, MAX_MY_REPORTS } from "../../../flex-messages/complaint-my-reports.flex";
import { complaintOfficerMessageFlex } from "../../../flex-messages/complaint-officer-message.flex";
import * as prompts from "../../../flex-messages/complaint-prompts.flex";
import { complaintReceiptFlex, type ComplaintReceiptData } from "../../../flex-messages/complaint-receipt.flex";
import { complaintResumeFlex } from "../../../flex-messages/complaint-resume.flex";
import { complaintEditMenu, complaintReviewFlex } from "../../../flex-messages/complaint-review.flex";
import { MAX_TIMELINE_EVENTS, complaintStatusUpdateFlex, complaintTimelineFlex, type TimelineEvent } from "../../../flex-messages/complaint-timeline.flex";
import { listDistricts, listTambons } from "../../../src/content/areas/areas";
import { COMPLAINT_CATEGORIES } from "../../../src/models/complaint.model";
import { assertAcceptedByLine, testCheckedMessagesAgainstSpec, bubblesOf, lowContrastTexts, quickReplyActions, sizeProblems } from "./flex-checks";

// Every complaint message, filled with the longest content the flow allows, must
// pass LINE's schema and documented limits, stay readable (contrast, text size)
// and carry only postbacks the router knows.
const LONG_THAI = "ก".repeat(5000);
const CODE = "KK-7F3-Q9M-2XA";

function checkFlex(m: messagingApi.FlexMessage): void {
  assertAcceptedByLine(m);
  assert.deepEqual(lowContrastTexts(m), []);
  assert.deepEqual(sizeProblems(m), []);
  assert.ok(m.altText.length > 0 && m.altText.length <= 1500);
}

const receipt: ComplaintReceiptData = {
  trackingCode: CODE,
  category: "ใช้เงินหรือทรัพย์สินของรัฐ/หมู่บ้านโดยมิชอบ",
  submittedAt: "26 พ.ย. 2569 10:05 น.",
  anonymous: true,
  routing: "เจ้าหน้าที่ระดับจังหวัดขอนแก่น",
  photoCount: 5,
  hotlines: "ป.ป.ช. 1205 · ป.ป.ท. 1206 · ศูนย์ดำรงธรรม 1567",
};

function events(n: number): TimelineEvent[] {
  return Array.from({ length: n }, (_, i) => ({ at: "26 พ.ย. 2569 10:05 น.", kind: (["status", "officer", "reporter"] as const)[i % 3], title: `รายการ ${i}`, text: LONG_THAI.slice(0, 2000) }));
}

describe("complaint Flex messages", () => {
  test("the receipt shows the code, next steps and hotlines, for anonymous and named reports", () => {
    for (const anonymous of [true, false]) {
      const m = complaintReceiptFlex({ ...receipt, anonymous });
      checkFlex(m);
      const json = JSON.stringify(m);
      assert.ok(m.altText.includes(CODE));
      for (const hotline of ["1205", "1206", "1567"]) assert.ok(json.includes(hotline), hotline);
      assert.match(json, /a=complaint\.track&c=KK-7F3-Q9M-2XA/);
    }
    assert.match(complaintReceiptFlex({ ...receipt, repeated: true }).altText, /ส่งไปแล้ว/);
  });

  test("the timeline keeps the latest events within one bubble's 30 KB, even with long texts", () => {
    const m = complaintTimelineFlex({ trackingCode: CODE, category: "เรื่องอื่น ๆ", status: "กำลังตรวจสอบ", submittedAt: "1 ต.ค. 2569", events: events(40), canReply: true, awaitingReporter: true });
    checkFlex(m);
    const json = JSON.stringify(m);
    assert.ok(json.includes("รายการ 39") && !json.includes("รายการ 29\""), "only the latest events");
    assert.match(json, new RegExp(`แสดง ${MAX_TIMELINE_EVENTS} รายการล่าสุด จากทั้งหมด 40`));
    assert.match(json, /a=complaint\.reply&c=KK-7F3-Q9M-2XA/);
    const notOwner = complaintTimelineFlex({ trackingCode: CODE, category: "x", status: "y", submittedAt: "z", events: events(1), canReply: false, awaitingReporter: false });
    checkFlex(notOwner);
    assert.doesNotMatch(JSON.stringify(notOwner), /complaint\.reply/);
  });

  test("status updates and officer messages with long texts fit LINE's limits", () => {
    checkFlex(complaintStatusUpdateFlex({ trackingCode: CODE, status: "ส่งต่อหน่วยงานที่รับผิดชอบ", at: "26 พ.ย. 2569 10:05 น.", note: LONG_THAI, referredTo: "สำนักงาน ป.ป.ช. (สายด่วน 1205)" }));
    for (const expectsReply of [true, false]) {
      const m = complaintOfficerMessageFlex({ trackingCode: CODE, text: LONG_THAI, at: "26 พ.ย. 2569 10:05 น.", expectsReply });
      checkFlex(m);
      assert.match(JSON.stringify(m), /a=complaint\.reply&c=KK-7F3-Q9M-2XA/);
    }
  });

  test("the review shows a 5,000-character account shortened, with confirm carrying the draft id", () => {
    const m = complaintReviewFlex({
      draftId: "0b7f8a9c-1234-4567-89ab-cdef01234567",
      category: "จัดซื้อจัดจ้าง หรือก่อสร้างไม่โปร่งใส",
      what: LONG_THAI,
      who: "ข".repeat(1000),
      where: "หมู่ 12 ต.บ้านเป็ด อ.เมืองขอนแก่น",
      when: "1 ตุลาคม 2569",
      photoCount: 5,
      identity: "เปิดเผยชื่อ: สมศรี มีสุข (08x-xxx-5678)",
      routing: "เจ้าหน้าที่อำเภอเมืองขอนแก่น",
    });
    checkFlex(m);
    assert.match(JSON.stringify(m), /a=complaint\.confirm&d=0b7f8a9c-1234-4567-89ab-cdef01234567/);
    assert.match(JSON.stringify(m), /ทั้งหมด 5,000 ตัวอักษร/);
  });

  test("the category choice offers every category; the district picker every district", () => {
    const cat = complaintCategoryFlex();
    checkFlex(cat);
    for (const c of COMPLAINT_CATEGORIES) assert.ok(JSON.stringify(cat).includes(`a=complaint.category&c=${c}`), c);
    const picker = complaintDistrictPickerFlex(listDistricts().map((d) => ({ code: d.code, nameTh: d.nameTh })));
    checkFlex(picker);
    const json = JSON.stringify(picker);
    for (const d of listDistricts()) assert.ok(json.includes(`a=complaint.district&d=${d.code}`), d.nameTh);
    assert.ok(bubblesOf(picker).length <= 12);
  });

  test("my reports lists at most 10, and the resume bubble offers ทำรายการต่อ", () => {
    const items = Array.from({ length: 15 }, (_, i) => ({ trackingCode: CODE, category: "เรียกรับเงิน สินบน หรือของขวัญ", status: "กำลังตรวจสอบ", submittedAt: `${i + 1} พ.ย. 2569` }));
    const m = complaintMyReportsFlex(items);
    checkFlex(m);
    assert.equal((JSON.stringify(m).match(/a=complaint\.track&c=/g) ?? []).length, MAX_MY_REPORTS);
    const resume = complaintResumeFlex();
    checkFlex(resume);
    assert.match(JSON.stringify(resume), /a=complaint\.resume/);
  });

  test("every step question is a valid message; camera, camera roll, location and date picker chips are well formed", () => {
    const all: messagingApi.Message[] = [
      prompts.whatPrompt(false),
      prompts.whatPrompt(true),
      prompts.whatProgress(4999, 5000),
      prompts.whoPrompt(),
      prompts.wherePrompt({ myVillage: "หมู่ 5 ต.บ้านเป็ด อ.เมืองขอนแก่น" }),
      prompts.wherePrompt({ afterLocation: true }),
      prompts.districtChoicePrompt(listDistricts().map((d) => ({ code: d.code, nameTh: d.nameTh }))),
      prompts.districtNotFoundPrompt(),
      prompts.tambonPrompt("ชุมแพ", listTambons("4005")),
      prompts.tambonPrompt("เมืองขอนแก่น", listTambons("4001"), true),
      prompts.villagePrompt(true),
      prompts.whenPrompt({ today: "2026-11-26", earliest: "2016-11-26" }),
      prompts.evidencePrompt(0, 5),
      prompts.evidencePrompt(5, 5),
      prompts.identityPrompt(),
      prompts.namePrompt(),
      prompts.phonePrompt(true),
      complaintEditMenu(),
    ];
    for (const m of all) assertAcceptedByLine(m);
    const evidence = quickReplyActions(prompts.evidencePrompt(2, 5)).map((a) => a.type);
    assert.deepEqual(evidence.slice(0, 2), ["camera", "cameraRoll"]);
    assert.ok(!quickReplyActions(prompts.evidencePrompt(5, 5)).some((a) => a.type === "camera"), "no camera when full");
    const picker = quickReplyActions(prompts.whenPrompt({ today: "2026-11-26", earliest: "2016-11-26" }))[0] as messagingApi.DatetimePickerAction;
    assert.deepEqual([picker.type, picker.mode, picker.max, picker.data], ["datetimepicker", "date", "2026-11-26", "a=complaint.when"]);
    assert.equal(quickReplyActions(prompts.wherePrompt({}))[0]!.type, "location");
  });
});

testCheckedMessagesAgainstSpec();
