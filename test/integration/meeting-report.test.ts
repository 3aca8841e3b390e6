import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { MeetingReport } from "../../src/models/meeting-report.model";
import { Reminder } from "../../src/models/reminder.model";
import { reportedCountsByDistrict } from "../../src/services/meeting-report.service";
import { meetingCountsByVillage } from "../../src/services/pledge-meetings.service";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, dispatch, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// After the meeting the headman taps "รายงานผล" in the reminder and answers two
// numbers; the report feeds the pledge counts by village (apart from LINE pledges).
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
let headman: string;
let kamnan: string;
let resident: string;
before(async () => {
  h = await startHarness("meeting-report", { now: clock.now });
  headman = (await seedMembers("rep-h", 1, IN_MUEANG_5, { role: "headman" }))[0]!;
  kamnan = (await seedMembers("rep-k", 1, { ...IN_MUEANG_5, villageNo: 1 }, { role: "kamnan" }))[0]!;
  resident = (await seedMembers("rep-r", 1, IN_MUEANG_5))[0]!;
  await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
  await createTestMeeting(h, villageMeeting({ ...IN_MUEANG_5, villageNo: 6 }, "monthly:5@09:00", { place: "วัดบ้านหก" }), clock.now());
  await dispatch(h.bot, "a", bkk("2026-12-02T08:00:00"));
});
after(async () => h.close());
beforeEach(() => clock.set(bkk("2026-12-01T10:00:00")));

type Msg = { type: string; text?: string; quickReply?: { items: { action: { data?: string } }[] }; contents?: unknown };
async function send(user: string, ev: Parameters<Harness["line"]["sendWebhook"]>[0][number]): Promise<Msg> {
  const before = h.line.messagesTo(user).length;
  await h.line.sendWebhook([ev]);
  await h.settle();
  const msgs = h.line.messagesTo(user) as Msg[];
  assert.equal(msgs.length, before + 1);
  return msgs.at(-1)!;
}
const say = (user: string, text: string) => send(user, h.line.events.text(user, text));
const tap = (user: string, data: string) => send(user, h.line.events.postback(user, data));

/** The postback data of a button in the reminder this user received. */
function buttonData(user: string, action: string): string {
  const reminder = (h.line.messagesTo(user) as Msg[]).find((m) => m.type === "flex" && JSON.stringify(m.contents).includes("a=meeting.ack"))!;
  const m = new RegExp(`"data":"(a=${action.replace(".", "\\.")}[^"]*)"`).exec(JSON.stringify(reminder.contents));
  assert.ok(m, `button ${action} in the reminder`);
  return m[1]!;
}

describe("after the meeting", () => {
  test("รับทราบ is recorded once per person on the reminder", async () => {
    assert.match((await tap(resident, buttonData(resident, "meeting.ack"))).text!, /รับทราบค่ะ/);
    await tap(resident, buttonData(resident, "meeting.ack"));
    await tap(headman, buttonData(headman, "meeting.ack"));
    const r = await Reminder.findOne({ state: "sent", villageNo: 5 });
    assert.deepEqual(r!.acks.map((a) => a.userId).sort(), [headman, resident].sort());
  });

  test("รายงานผล before the meeting, or by a resident, is politely refused", async () => {
    assert.match((await tap(headman, buttonData(headman, "meeting.report"))).text!, /ยังไม่มีการประชุมที่รายงานผลได้/);
    clock.set(bkk("2026-12-05T11:00:00"));
    assert.match((await say(resident, "รายงานผลประชุม")).text!, /สำหรับผู้ใหญ่บ้านและกำนัน/);
  });

  test("the headman reports attendance and pledges; the report flows into the village counts", async () => {
    clock.set(bkk("2026-12-05T11:00:00"));
    assert.match((await tap(headman, buttonData(headman, "meeting.report"))).text!, /มีผู้เข้าประชุมกี่คน/);
    assert.match((await say(headman, "ประมาณ")).text!, /เป็นตัวเลข/);
    assert.match((await say(headman, "45 คน")).text!, /ผู้เข้าประชุม 45 คน/);
    assert.match((await say(headman, "50")).text!, /ไม่เกินจำนวนผู้เข้าประชุม \(45 คน\)/);
    assert.match((await say(headman, "๔๐")).text!, /ผู้เข้าประชุม 45 คน ร่วมประกาศเจตนารมณ์ 40 คน/);
    const report = await MeetingReport.findOne({ tambonCode: "400101", villageNo: 5 });
    assert.deepEqual([report!.attendedCount, report!.pledgedCount, report!.monthKey, report!.districtCode], [45, 40, "2569-12", "4001"]);
    assert.equal(report!.occurrenceStart.toISOString(), bkk("2026-12-05T09:00:00").toISOString());

    // Reporting again replaces the numbers (one report per meeting and village).
    await say(headman, "รายงานผลประชุม");
    await say(headman, "46");
    await say(headman, "41");
    assert.equal(await MeetingReport.countDocuments({ villageNo: 5 }), 1);

    const byVillage = await meetingCountsByVillage(2570, 10);
    assert.deepEqual(byVillage.find((v) => v.villageNo === 5), { districtCode: "4001", tambonCode: "400101", villageNo: 5, pledged: 41, attended: 46, reports: 1 });
    assert.deepEqual(await reportedCountsByDistrict(), [{ districtCode: "4001", attended: 46, pledged: 41, reports: 1 }]);
  });

  test("a kamnan chooses which village's meeting to report", async () => {
    clock.set(bkk("2026-12-05T11:00:00"));
    const ask = await say(kamnan, "รายงานผลประชุม");
    const items = ask.quickReply!.items.map((i) => i.action.data!);
    assert.equal(items.length, 2);
    const six = ask.quickReply!.items.find((i) => JSON.stringify(i).includes("หมู่ 6"))!;
    assert.match((await tap(kamnan, six.action.data!)).text!, /หมู่ 6 ต\.ในเมือง/);
    await say(kamnan, "30");
    await say(kamnan, "30");
    const r = await MeetingReport.findOne({ villageNo: 6 });
    assert.equal(r!.reporterRole, "kamnan");
    assert.equal(r!.pledgedCount, 30);
  });
});
