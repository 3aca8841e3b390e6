import type { messagingApi } from "@line/bot-sdk";
import { complaintCategoryFlex } from "../../flex-messages/complaint-category.flex";
import { complaintDistrictPickerFlex } from "../../flex-messages/complaint-districts.flex";
import { complaintMyReportsFlex } from "../../flex-messages/complaint-my-reports.flex";
import { complaintOfficerMessageFlex } from "../../flex-messages/complaint-officer-message.flex";
import * as prompts from "../../flex-messages/complaint-prompts.flex";
import { complaintReceiptFlex } from "../../flex-messages/complaint-receipt.flex";
import { complaintResumeFlex } from "../../flex-messages/complaint-resume.flex";
import { complaintEditMenu, complaintReviewFlex } from "../../flex-messages/complaint-review.flex";
import { complaintStatusUpdateFlex, complaintTimelineFlex } from "../../flex-messages/complaint-timeline.flex";
import { explainerFlex } from "../../flex-messages/explainer.flex";
import { greetingFlex } from "../../flex-messages/greeting.flex";
import { nextMeetingFlex } from "../../flex-messages/meeting-next.flex";
import { meetingReminderFlex, occurrenceParam } from "../../flex-messages/meeting-reminder.flex";
import { pledgeCertificateFlex } from "../../flex-messages/pledge-certificate.flex";
import { pledgeConfirmFlex } from "../../flex-messages/pledge-confirm.flex";
import { pledgeDistrictFlex } from "../../flex-messages/pledge-district.flex";
import { pledgeIntroFlex } from "../../flex-messages/pledge-intro.flex";
import { pledgeProgressFlex, type ProgressDistrictRow } from "../../flex-messages/pledge-progress.flex";
import { pledgeTambonFlex } from "../../flex-messages/pledge-tambon.flex";
import { topicMenuFlex } from "../../flex-messages/topic-menu.flex";
import { announcementFlex } from "../../flex-messages/announcement.flex";
import { caseDigestFlex, expediteAlertFlex, newCaseAlertFlex, reporterEscalationMessage } from "../../flex-messages/case-alert.flex";
import { complaintOfferFlex } from "../../flex-messages/complaint-offer.flex";
import { greetingReply } from "../../flex-messages/greeting-reply";
import { askMeetingPhotosText, meetingPhotosPrompt } from "../../flex-messages/meeting-photos.flex";
import { getDistrict, listDistricts, listTambons } from "../../src/content/areas/areas";
import { EXPLAINERS } from "../../src/content/explainers";
import { COMPLAINT_CATEGORIES } from "../../src/models/complaint.model";
import { CATEGORY_LABELS, STATUS_LABELS, hotlineText } from "../../src/services/complaint-labels";
import { PLEDGE_SCRIPT } from "../../src/services/meeting.service";

// Every card the bot can send, filled with realistic (long but plausible) data, for the
// browser test that renders each one in the chat simulator at phone width. A new Flex
// builder belongs here too, so it is drawn and measured.
const CODE = "KK-7F3-Q9M-2XA";
const AT = "26 พ.ย. 2569 10:05 น.";
const muang = getDistrict("4001")!;

const ranking: ProgressDistrictRow[] = listDistricts().map((d, i) => ({
  rank: i + 1,
  districtCode: d.code,
  nameTh: d.nameTh,
  linePledges: 12000 - i * 400,
  meetingPledged: i * 3,
  perThousandMembers: i % 5 === 0 ? null : 123.4,
}));

const longestDistrict = [...listDistricts()].sort((a, b) => b.nameTh.length - a.nameTh.length)[0]!;
const meeting = {
  title: "ประชุมประจำเดือนหมู่บ้าน",
  start: new Date("2026-12-05T02:00:00Z"),
  timeZone: "Asia/Bangkok",
  place: "ศาลาประชาคมหมู่บ้านหนองไผ่ หมู่ที่ 7",
  agenda: ["เรื่องแจ้งจากอำเภอ", "กิจกรรมประกาศเจตนารมณ์ \"ไม่รับ ไม่ให้\" (No Gift Policy)"],
};

export interface CatalogEntry {
  name: string;
  message: messagingApi.Message;
}

export function chatCatalog(): CatalogEntry[] {
  const flex: Record<string, messagingApi.Message> = {
    greeting: greetingFlex({ displayName: "สมศรี" }),
    "topic-menu": topicMenuFlex(EXPLAINERS),
    ...Object.fromEntries(EXPLAINERS.map((e) => [`explainer-${e.id}`, explainerFlex(e)])),
    "pledge-intro": pledgeIntroFlex(),
    "pledge-districts": pledgeDistrictFlex(listDistricts()),
    "pledge-tambons": pledgeTambonFlex(muang, listTambons(muang.code)),
    "pledge-confirm": pledgeConfirmFlex({ districtName: longestDistrict.nameTh, tambonName: "หนองไผ่", villageNo: 17, remembered: true, campaignYear: 2570 }),
    "pledge-certificate": pledgeCertificateFlex({
      displayName: "สมชาย ใจดี",
      number: 12345,
      campaignYear: 2570,
      pledgedAt: new Date("2026-12-08T17:30:00Z"),
      timeZone: "Asia/Bangkok",
      districtName: longestDistrict.nameTh,
      tambonName: "หนองไผ่",
      villageNo: 17,
      districtCount: 1234,
      already: false,
    }),
    "pledge-progress": pledgeProgressFlex({ campaignYear: 2570, linePledges: 123456, meetingPledged: 7890, meetingReports: 321, by: "count", ranking, myDistrictCode: ranking[20]!.districtCode, pledged: false }),
    "pledge-progress-rate": pledgeProgressFlex({ campaignYear: 2570, linePledges: 123456, meetingPledged: 7890, meetingReports: 321, by: "perThousand", ranking, myDistrictCode: ranking[0]!.districtCode, pledged: true }),
    "complaint-category": complaintCategoryFlex(),
    "complaint-districts": complaintDistrictPickerFlex(listDistricts().map((d) => ({ code: d.code, nameTh: d.nameTh }))),
    "complaint-review": complaintReviewFlex({
      draftId: "0b7f8a9c-1234-4567-89ab-cdef01234567",
      category: CATEGORY_LABELS.public_funds,
      what: "ผู้ใหญ่บ้านเรียกเก็บเงินค่าลงชื่อรับเบี้ยยังชีพคนละ 200 บาท โดยไม่มีใบเสร็จ ".repeat(4),
      who: "เจ้าหน้าที่การเงิน อบต.บ้านเป็ด",
      where: `หมู่ 12 ต.บ้านเป็ด อ.${longestDistrict.nameTh}`,
      when: "1 ตุลาคม 2569",
      photoCount: 5,
      identity: "เปิดเผยชื่อ: สมศรี มีสุข (08x-xxx-5678)",
      routing: `เจ้าหน้าที่อำเภอ${longestDistrict.nameTh}`,
    }),
    "complaint-receipt": complaintReceiptFlex({ trackingCode: CODE, category: CATEGORY_LABELS.public_funds, submittedAt: AT, anonymous: true, routing: `เจ้าหน้าที่อำเภอ${longestDistrict.nameTh}`, photoCount: 5, hotlines: hotlineText() }),
    "complaint-receipt-named": complaintReceiptFlex({ trackingCode: CODE, category: CATEGORY_LABELS.bribe, submittedAt: AT, anonymous: false, routing: "เจ้าหน้าที่ระดับจังหวัดขอนแก่น", photoCount: 0, hotlines: hotlineText() }),
    "complaint-my-reports": complaintMyReportsFlex(COMPLAINT_CATEGORIES.map((c, i) => ({ trackingCode: CODE, category: CATEGORY_LABELS[c], status: STATUS_LABELS.referred, submittedAt: `${i + 1} พ.ย. 2569` }))),
    "complaint-resume": complaintResumeFlex(),
    "complaint-timeline": complaintTimelineFlex({
      trackingCode: CODE,
      category: CATEGORY_LABELS.procurement,
      status: STATUS_LABELS.under_review,
      submittedAt: AT,
      events: [
        { at: AT, kind: "status", title: STATUS_LABELS.received },
        { at: AT, kind: "status", title: STATUS_LABELS.under_review, text: "เจ้าหน้าที่กำลังตรวจสอบข้อเท็จจริงค่ะ" },
        { at: AT, kind: "officer", title: "ข้อความจากเจ้าหน้าที่", text: "ขอทราบชื่อโครงการที่ท่านกล่าวถึงค่ะ" },
      ],
      canReply: true,
      awaitingReporter: true,
    }),
    "complaint-status-update": complaintStatusUpdateFlex({ trackingCode: CODE, status: STATUS_LABELS.referred, at: AT, note: "ส่งเรื่องต่อให้หน่วยงานที่รับผิดชอบตรวจสอบแล้วค่ะ", referredTo: "ศูนย์ดำรงธรรม (สายด่วน 1567)" }),
    "complaint-officer-message": complaintOfficerMessageFlex({ trackingCode: CODE, text: "ขอทราบชื่อโครงการและวันที่จ่ายเงินค่ะ", at: AT, expectsReply: true }),
    "meeting-next": nextMeetingFlex({ ...meeting, areaLabel: `หมู่ 17 ต.หนองไผ่ อ.${longestDistrict.nameTh}`, scheduleText: "ทุกวันที่ 5 ของเดือน เวลา 09:00 น.", offerReminders: true }),
    "meeting-reminder-leader": meetingReminderFlex({ ...meeting, leadTime: "พรุ่งนี้", audience: "leader", pledgeScript: PLEDGE_SCRIPT, occurrenceParam: occurrenceParam(meeting.start), offsetKey: "1d" }),
    "meeting-reminder-resident": meetingReminderFlex({ ...meeting, leadTime: "อีก 3 วัน", audience: "resident", pledgeScript: PLEDGE_SCRIPT, occurrenceParam: occurrenceParam(meeting.start), offsetKey: "3d" }),
  };
  const alert = { trackingCode: CODE, category: CATEGORY_LABELS.procurement, area: `ต.หนองไผ่ อ.${longestDistrict.nameTh}`, due: "ครบกำหนดตอบรับ 9 ธ.ค. 2569", caseUrl: "https://sujarit.example.go.th/officer/complaints/0123456789abcdef01234567" };
  Object.assign(flex, {
    "complaint-offer": complaintOfferFlex({ soundsLike: CATEGORY_LABELS.procurement, excerpt: "ผู้รับเหมาสร้างถนนในหมู่บ้านใช้ปูนน้อยกว่าในสัญญา แล้วแบ่งเงินกับเจ้าหน้าที่ อบต. ".repeat(3) }),
    "case-alert-new": newCaseAlertFlex(alert),
    "case-alert-expedite": expediteAlertFlex(alert),
    "case-digest": caseDigestFlex({ day: "พุธ 9 ธ.ค. 2569", overdue: 3, dueToday: 12, items: Array.from({ length: 12 }, (_, i) => ({ trackingCode: CODE, area: `ต.หนองไผ่ อ.${longestDistrict.nameTh}`, state: i % 2 ? "ครบกำหนดวันนี้" : "เกินกำหนด 2 วันทำการ" })), queueUrl: "https://sujarit.example.go.th/officer/queue" }),
    announcement: announcementFlex({
      title: "เชิญร่วมกิจกรรมวันต่อต้านคอร์รัปชันสากล 9 ธันวาคม",
      text: "ขอเชิญชาวบ้านทุกหมู่บ้านร่วมกิจกรรมประกาศเจตนารมณ์ \"ไม่รับ ไม่ให้\" ณ หอประชุมอำเภอ เวลา 09.00 น. ".repeat(3),
      office: `ที่ว่าการอำเภอ${longestDistrict.nameTh}`,
      button: { kind: "url", label: "รายละเอียดกิจกรรม", url: "https://sujarit.example.go.th/transparency" },
    }),
  });
  const texts: Record<string, messagingApi.Message> = {
    "greeting-reply": greetingReply("สมศรี มีสุขมากที่สุดในหมู่บ้าน"),
    "case-escalated-reporter": reporterEscalationMessage(CODE, "0123456789abcdef01234567"),
    "meeting-photos-ask": meetingPhotosPrompt(askMeetingPhotosText(0, 5), 0, 5),
    "prompt-where": prompts.wherePrompt({ myVillage: "หมู่ 5 ต.บ้านเป็ด อ.เมืองขอนแก่น" }),
    "prompt-when": prompts.whenPrompt({ today: "2026-11-26", earliest: "2016-11-26" }),
    "prompt-evidence": prompts.evidencePrompt(0, 5),
    "prompt-identity": prompts.identityPrompt(),
    "edit-menu": complaintEditMenu(),
  };
  return [...Object.entries(flex), ...Object.entries(texts)].map(([name, message]) => ({ name, message }));
}
