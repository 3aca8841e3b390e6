import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { nextMeetingFlex } from "../../../flex-messages/meeting-next.flex";
import { leadTimeLabel, meetingReminderFlex, occurrenceParam, parseOccurrenceParam, type MeetingReminderData } from "../../../flex-messages/meeting-reminder.flex";
import { normalizeCode } from "../../../src/services/headman.service";
import { parseCsv } from "../../../src/services/meeting-import.service";
import { PLEDGE_AGENDA_ITEM, PLEDGE_SCRIPT, buildMeetingFields } from "../../../src/services/meeting.service";
import { parseCount } from "../../../src/services/meeting-report.service";
import { parseRecurrence } from "../../../src/util/recurrence";
import { assertAcceptedByLine, testCheckedMessagesAgainstSpec } from "../flex-messages/flex-checks";

// The meeting messages LINE must accept, and the small parsers behind the meeting chat.
const start = new Date("2026-12-09T02:30:00Z"); // 09:30 in Bangkok
const base: MeetingReminderData = {
  title: "ประชุมประจำเดือนหมู่บ้าน",
  start,
  timeZone: "Asia/Bangkok",
  place: "ศาลาประชาคมหมู่บ้าน",
  agenda: ["แจ้งข่าวจากอำเภอ", PLEDGE_AGENDA_ITEM],
  leadTime: leadTimeLabel("1d@08:00"),
  audience: "leader",
  pledgeScript: PLEDGE_SCRIPT,
  occurrenceParam: occurrenceParam(start),
  offsetKey: "1d@08:00",
};

describe("meeting reminder Flex", () => {
  test("leader and resident versions pass LINE's schema and size limits, even with a long place and agenda", () => {
    assertAcceptedByLine(meetingReminderFlex(base));
    assertAcceptedByLine(meetingReminderFlex({ ...base, audience: "resident" }));
    assertAcceptedByLine(meetingReminderFlex({ ...base, place: "ศาลา".repeat(200), agenda: Array.from({ length: 10 }, () => "วาระ".repeat(50)) }));
  });

  test("BE date with Thai weekday, time, place, agenda and the pledge script for leaders only", () => {
    const leader = JSON.stringify(meetingReminderFlex(base));
    const resident = JSON.stringify(meetingReminderFlex({ ...base, audience: "resident" }));
    assert.match(leader, /วันพุธที่ 9 ธันวาคม พ\.ศ\. 2569/);
    assert.match(leader, /09:30 น\./);
    assert.match(leader, /พรุ่งนี้/);
    assert.ok(leader.includes(PLEDGE_SCRIPT));
    assert.ok(!resident.includes(PLEDGE_SCRIPT));
    assert.match(leader, /"label":"รับทราบ"/);
    assert.match(leader, /"label":"รายงานผล \(หลังประชุม\)"/);
    assert.doesNotMatch(resident, /รายงานผล/);
  });

  test("no village or person in it: villages meeting alike get byte-identical messages (one shared multicast)", () => {
    assert.equal(JSON.stringify(meetingReminderFlex(base)), JSON.stringify(meetingReminderFlex({ ...base })));
    assert.notEqual(JSON.stringify(meetingReminderFlex(base)), JSON.stringify(meetingReminderFlex({ ...base, place: "วัด" })));
  });

  test("the occurrence survives the postback round trip", () => {
    assert.equal(parseOccurrenceParam(occurrenceParam(start))!.getTime(), start.getTime());
    assert.equal(parseOccurrenceParam("not-valid!"), null);
    assert.deepEqual(["3d@08:00", "1d@08:00", "0d@07:00", "2h"].map(leadTimeLabel), ["อีก 3 วัน", "พรุ่งนี้", "วันนี้", "อีก 2 ชั่วโมง"]);
  });

  test("the next-meeting card passes LINE's checks", () => {
    const card = nextMeetingFlex({ ...base, areaLabel: "หมู่ 5 ต.ในเมือง", scheduleText: "ทุกวันที่ 9 ของเดือน เวลา 09:30 น.", offerReminders: true });
    assertAcceptedByLine(card as messagingApi.Message);
    assert.match(card.altText, /ประชุมครั้งต่อไป/);
  });
});

describe("meeting fields and parsers", () => {
  test("the pledge activity is on every agenda unless taken off", () => {
    const v = { districtCode: "4001", tambonCode: "400101", villageNo: 5 };
    const f = buildMeetingFields({ scope: "village", village: v, place: "ศาลา", recurrence: parseRecurrence("monthly:5@09:00") });
    assert.deepEqual(f.agenda, [PLEDGE_AGENDA_ITEM]);
    const off = buildMeetingFields({ scope: "village", village: v, place: "ศาลา", recurrence: parseRecurrence("monthly:5@09:00"), includePledge: false });
    assert.deepEqual(off.agenda, []);
    assert.throws(() => buildMeetingFields({ scope: "village", village: { ...v, tambonCode: "999999" }, place: "x", recurrence: parseRecurrence("monthly:5@09:00") }), /unknown tambon/);
  });

  test("CSV: quotes, doubled quotes, commas and newlines inside quotes, CRLF, BOM", () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\r\n"x, y","he said ""hi""\nagain"\r\nlast,'), [["a", "b"], ["x, y", 'he said "hi"\nagain'], ["last", ""]]);
  });

  test("counts typed in chat, and codes typed with spaces or dashes", () => {
    assert.deepEqual(["45", "45 คน", "๔๐", "1,200", "ห้าสิบ", "-3", "99999"].map(parseCount), [45, 45, 40, 1200, null, null, null]);
    assert.equal(normalizeCode(" kq7m-3xta "), "KQ7M3XTA");
    assert.equal(normalizeCode("ＫＱ７Ｍ 3XTA"), "KQ7M3XTA");
  });
});

testCheckedMessagesAgainstSpec();
