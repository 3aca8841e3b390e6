import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { getDistrict, getTambon, listDistricts, listTambons } from "../../../src/content/areas/areas";
import { pledgeCertificateFlex, pledgeShareUri, type PledgeCertificateData } from "../../../flex-messages/pledge-certificate.flex";
import { pledgeConfirmFlex } from "../../../flex-messages/pledge-confirm.flex";
import { pledgeDistrictCandidates, pledgeDistrictDidYouMean, pledgeDistrictFlex, pledgeDistrictNotFound } from "../../../flex-messages/pledge-district.flex";
import { PLEDGE_STATEMENT, pledgeIntroFlex } from "../../../flex-messages/pledge-intro.flex";
import * as notices from "../../../flex-messages/pledge-notices.flex";
import { pledgeProgressFlex, type ProgressDistrictRow } from "../../../flex-messages/pledge-progress.flex";
import { pledgeTambonCandidates, pledgeTambonDidYouMean, pledgeTambonFlex, pledgeTambonNotFound } from "../../../flex-messages/pledge-tambon.flex";
import { pledgeVillageNotUnderstood, pledgeVillagePrompt } from "../../../flex-messages/pledge-village.flex";
import { assertAcceptedByLine, testCheckedMessagesAgainstSpec, bubblesOf, drawnTexts, lowContrastTexts, quickReplyActions, sizeProblems } from "./flex-checks";

// Every message of the pledge conversation must be accepted by LINE (schema + limits),
// readable (contrast, sizes), and carry what the issue asks for.
const chumphae = getDistrict("4005")!;
const nongphai = getTambon("400506")!;
const muang = getDistrict("4001")!; // 18 tambons: the largest district

const certificate = (over: Partial<PledgeCertificateData> = {}) =>
  pledgeCertificateFlex({
    displayName: "สมชาย ใจดี",
    number: 12345,
    campaignYear: 2570,
    pledgedAt: new Date("2026-12-08T17:30:00Z"), // 9 Dec 2026 00:30 in Bangkok
    timeZone: "Asia/Bangkok",
    districtName: "ชุมแพ",
    tambonName: "หนองไผ่",
    villageNo: 7,
    districtCount: 1234,
    already: false,
    ...over,
  });

const ranking: ProgressDistrictRow[] = listDistricts().map((d, i) => ({
  rank: i + 1,
  districtCode: d.code,
  nameTh: d.nameTh,
  linePledges: 1000 - i * 10,
  meetingPledged: i,
  perThousandMembers: i % 5 === 0 ? null : 12.5,
}));

const flexes: Record<string, messagingApi.FlexMessage> = {
  intro: pledgeIntroFlex(),
  districts: pledgeDistrictFlex(listDistricts()),
  tambons: pledgeTambonFlex(muang, listTambons(muang.code)),
  tambonsOnePage: pledgeTambonFlex(getDistrict("4029")!, listTambons("4029")),
  confirm: pledgeConfirmFlex({ districtName: "ชุมแพ", tambonName: "หนองไผ่", villageNo: 7, remembered: true, campaignYear: 2570 }),
  certificate: certificate(),
  certificateAgain: certificate({ already: true, displayName: null }),
  progress: pledgeProgressFlex({ campaignYear: 2570, linePledges: 23456, meetingPledged: 7890, meetingReports: 321, by: "count", ranking, myDistrictCode: ranking[20]!.districtCode, pledged: false }),
  progressRate: pledgeProgressFlex({ campaignYear: 2570, linePledges: 0, meetingPledged: 0, meetingReports: 0, by: "perThousand", ranking, pledged: true }),
};

const texts: Record<string, messagingApi.Message> = {
  didYouMean: pledgeDistrictDidYouMean(chumphae),
  candidates: pledgeDistrictCandidates(listDistricts()),
  notFound: pledgeDistrictNotFound(),
  tambonDidYouMean: pledgeTambonDidYouMean(nongphai),
  tambonCandidates: pledgeTambonCandidates(listTambons(muang.code)),
  tambonNotFound: pledgeTambonNotFound(chumphae),
  village: pledgeVillagePrompt(chumphae, nongphai),
  villageBad: pledgeVillageNotUnderstood(chumphae, nongphai, 40),
  expired: notices.pledgeExpiredMessage(30),
  cancelled: notices.pledgeCancelledMessage(),
  stale: notices.pledgeStaleButtonMessage(),
  withdrawPrompt: notices.pledgeWithdrawPrompt(2570),
  withdrawn: notices.pledgeWithdrawnMessage(2570),
  notPledged: notices.pledgeNotPledgedMessage(2570),
};

const drawn = (m: messagingApi.FlexMessage) => drawnTexts(m).map((d) => d.text).join("\n");

describe("pledge messages and LINE's rules", () => {
  for (const [name, m] of Object.entries({ ...flexes, ...texts })) {
    test(`${name} passes the schema and LINE's limits`, () => assertAcceptedByLine(m));
  }
  for (const [name, m] of Object.entries(flexes)) {
    test(`${name} is readable: contrast AA and no tiny running text`, () => {
      assert.deepEqual(lowContrastTexts(m), []);
      assert.deepEqual(sizeProblems(m), []);
    });
  }
  test("every text turn speaks politely (ค่ะ/คะ)", () => {
    for (const [name, m] of Object.entries(texts)) assert.match((m as messagingApi.TextMessage).text, /ค่ะ|คะ/, name);
  });
});

describe("pledge choices", () => {
  test("the 26 districts are buttons in Intl.Collator('th') order, three cards of one size", () => {
    const bubbles = bubblesOf(flexes.districts!);
    assert.equal(bubbles.length, 3);
    const labels = drawnTexts(flexes.districts!).filter((d) => d.kind === "button").map((d) => d.text);
    assert.deepEqual(labels, [...listDistricts()].map((d) => d.nameTh));
    const sorted = [...labels].sort(new Intl.Collator("th").compare);
    assert.deepEqual(labels, sorted);
  });

  test("18 tambons of Mueang Khon Kaen fit in two cards; a 3-tambon district is one bubble", () => {
    assert.equal(bubblesOf(flexes.tambons!).length, 2);
    assert.equal(drawnTexts(flexes.tambons!).filter((d) => d.kind === "button").length, 18);
    assert.equal(flexes.tambonsOnePage!.contents.type, "bubble");
  });

  test("village quick replies use all 13 slots: 11 numbers, change tambon, cancel", () => {
    const actions = quickReplyActions(texts.village!);
    assert.equal(actions.length, 13);
    assert.equal((actions[2] as messagingApi.PostbackAction).data, "a=pledge.village&t=400506&v=3");
    assert.equal((actions[12] as messagingApi.MessageAction).text, "ยกเลิก");
  });

  test("the confirm card shows the statement and area; only its first button commits", () => {
    const t = drawn(flexes.confirm!);
    assert.ok(t.includes(PLEDGE_STATEMENT));
    assert.ok(t.includes("หมู่ที่ 7 ต.หนองไผ่ อ.ชุมแพ"));
    const footer = (bubblesOf(flexes.confirm!)[0]!.footer!.contents as messagingApi.FlexButton[]).map((b) => (b.action as messagingApi.PostbackAction).data);
    assert.deepEqual(footer, ["a=pledge.confirm", "a=pledge.change", "a=flow.cancel"]);
  });
});

describe("pledgeCertificateFlex", () => {
  test("name, number, Buddhist-Era date in Bangkok, area, district count and a share button", () => {
    const t = drawn(flexes.certificate!);
    assert.ok(t.includes("คุณสมชาย ใจดี"));
    assert.ok(t.includes("12,345 (ปีงบประมาณ 2570)"));
    assert.ok(t.includes("9 ธันวาคม 2569"), "00:30 on 9 Dec in Bangkok is still 8 Dec in UTC");
    assert.ok(t.includes("ชาวอำเภอชุมแพร่วมประกาศผ่าน LINE แล้ว 1,234 คน"));
    assert.ok(t.includes("ชวนเพื่อนร่วมประกาศ"));
    const share = bubblesOf(flexes.certificate!)[0]!.footer!.contents[0] as messagingApi.FlexButton;
    const uri = (share.action as messagingApi.URIAction).uri!;
    assert.ok(uri.startsWith("https://line.me/R/share?text="));
    assert.match(decodeURIComponent(uri.split("text=")[1]!), /ไม่รับ ไม่ให้.*ลำดับที่ 12,345 ปีงบประมาณ 2570/);
    assert.ok(uri.length <= 1000);
  });

  test("without a name it says ผู้ร่วมประกาศเจตนารมณ์; a second attempt says it was already made", () => {
    const t = drawn(flexes.certificateAgain!);
    assert.ok(t.includes("ผู้ร่วมประกาศเจตนารมณ์"));
    assert.ok(t.includes("ท่านประกาศเจตนารมณ์ในปีงบประมาณนี้แล้วค่ะ"));
    assert.ok(!t.includes("คุณnull") && !t.includes("คุณundefined"));
  });

  test("a long, multi-line display name becomes one clipped line and the message stays valid", () => {
    const m = certificate({ displayName: `สม\n${"ช".repeat(300)}` });
    assertAcceptedByLine(m);
    const name = drawnTexts(m).find((d) => d.text.startsWith("คุณ"))!.text;
    assert.ok(!name.includes("\n") && name.length <= 45, name);
  });

  test("the share link stays under LINE's 1000-character URI cap for the largest numbers", () => {
    assert.ok(pledgeShareUri({ number: 9_999_999, campaignYear: 2599 }).length <= 1000);
  });
});

describe("pledgeProgressFlex", () => {
  test("totals, LINE and meeting pledges apart, the reader's district even outside the top 10", () => {
    const t = drawn(flexes.progress!);
    assert.ok(t.includes("23,456 คน"));
    assert.ok(t.includes("7,890 คน (ผู้ใหญ่บ้านรายงาน 321 ครั้ง)"));
    const mine = ranking[20]!;
    assert.ok(t.includes(`อำเภอของท่าน: ${mine.nameTh}`));
    assert.ok(t.includes(`${mine.nameTh} (ของท่าน)`));
    assert.ok(t.includes(`อันดับ 21 จาก 26`));
    assert.equal(bubblesOf(flexes.progress!)[0]!.footer !== undefined, true, "not pledged: an invitation button");
    assert.equal(bubblesOf(flexes.progressRate!)[0]!.footer, undefined, "pledged: no invitation");
  });

  test("per 1,000 members shows rates and a dash where there is none, and offers the other order", () => {
    const t = drawn(flexes.progressRate!);
    assert.ok(t.includes("12.5 ต่อพัน"));
    assert.ok(t.includes("–"));
    const toggle = quickReplyActions(flexes.progressRate!)[0] as messagingApi.PostbackAction;
    assert.equal(toggle.data, "a=pledge.stats&by=count");
    assert.equal((quickReplyActions(flexes.progress!)[0] as messagingApi.PostbackAction).data, "a=pledge.stats&by=rate");
  });
});

testCheckedMessagesAgainstSpec();
