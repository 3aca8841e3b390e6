import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { withoutJoiners } from "../../flex-messages/components.flex";
import { Member } from "../../src/models/member.model";
import { Reminder } from "../../src/models/reminder.model";
import { cancelMeeting, updateMeeting } from "../../src/services/meeting.service";
import { getDeliveryLog } from "../../src/services/reminder.service";
import { parseRecurrence } from "../../src/util/recurrence";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, dispatch, multicastCounts, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// A due reminder goes out once, to the right people, with the right content; edits
// and cancellations move or withdraw reminders; late ones go out late or are missed.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
before(async () => {
  h = await startHarness("reminder-dispatch", { now: clock.now, background: false });
});
after(async () => h.close());

interface People { headman: string; kamnan: string; residents: string[]; otherVillage: string; notOptedIn: string; unfollowed: string }
let p: People;

beforeEach(async () => {
  h.line.reset();
  await mongoose.connection.collection("members").deleteMany({});
  await mongoose.connection.collection("meetings").deleteMany({});
  await mongoose.connection.collection("reminders").deleteMany({});
  // Same seeds, same content, same due time: the outbox would rightly see "already sent".
  await mongoose.connection.collection("outboxmessages").deleteMany({});
  const v6 = { ...IN_MUEANG_5, villageNo: 6 };
  p = {
    headman: (await seedMembers("head", 1, IN_MUEANG_5, { role: "headman", meetingReminders: false }))[0]!,
    kamnan: (await seedMembers("kamnan", 1, { ...IN_MUEANG_5, villageNo: 1 }, { role: "kamnan", meetingReminders: false }))[0]!,
    residents: await seedMembers("res", 3, IN_MUEANG_5),
    otherVillage: (await seedMembers("v6", 1, v6))[0]!,
    notOptedIn: (await seedMembers("quiet", 1, IN_MUEANG_5, { meetingReminders: false }))[0]!,
    unfollowed: (await seedMembers("gone", 1, IN_MUEANG_5, { followed: false }))[0]!,
  };
});

type Flex = { type: string; altText: string; contents: unknown };
const flexTo = (user: string) => h.line.messagesTo(user) as Flex[];

describe("sending due reminders", () => {
  test("sent once at its due minute to the headman, the kamnan and opted-in residents, with the right content", async () => {
    clock.set(bkk("2026-12-01T10:00:00"));
    const m = await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    // 5 Dec and 5 Jan fall in the 45-day horizon: 3 offsets each.
    assert.equal(await Reminder.countDocuments({ meetingId: m._id }), 6);

    assert.equal((await dispatch(h.bot, "a", bkk("2026-12-02T07:59:00"))).claimed, 0);
    // A zero retry budget still gives every row its first try.
    const r = await dispatch(h.bot, "a", bkk("2026-12-02T08:00:00"), { retryBudgetMs: 0 });
    assert.deepEqual([r.claimed, r.sent, r.recipients], [1, 1, 5]);
    assert.equal((await dispatch(h.bot, "a", bkk("2026-12-02T08:01:00"))).claimed, 0);

    const counts = multicastCounts(h);
    assert.deepEqual([...counts.keys()].sort(), [p.headman, p.kamnan, ...p.residents].sort());
    assert.ok([...counts.values()].every((n) => n === 1), "nobody gets it twice");
    for (const left of [p.otherVillage, p.notOptedIn, p.unfollowed]) assert.equal(counts.get(left), undefined);

    const leader = flexTo(p.headman)[0]!;
    const resident = flexTo(p.residents[0]!)[0]!;
    assert.match(leader.altText, /ประชุมประจำเดือนหมู่บ้าน วันเสาร์ที่ 5 ธันวาคม พ\.ศ\. 2569 เวลา 09:00 น\. ณ ศาลาประชาคมหมู่บ้าน/);
    const leaderJson = withoutJoiners(JSON.stringify(leader.contents));
    const residentJson = JSON.stringify(resident.contents);
    assert.match(leaderJson, /อีก 3 วัน/);
    assert.match(leaderJson, /ไม่รับ ไม่ให้/); // the pledge agenda item and script
    assert.match(leaderJson, /คำประกาศเจตนารมณ์/);
    assert.match(leaderJson, /a=meeting\.report/);
    assert.match(residentJson, /a=meeting\.ack/);
    assert.doesNotMatch(residentJson, /a=meeting\.report|คำประกาศเจตนารมณ์ \(อ่านนำ/);
    assert.ok(h.line.requests.filter((q) => q.endpoint === "multicast").every((q) => q.status === 200), "schema-valid multicasts");

    const log = await getDeliveryLog(m._id);
    const sent = log.find((e) => e.state === "sent")!;
    assert.equal(sent.offset, "3d@08:00");
    assert.equal(sent.recipientCount, 5);
    const accepted = new Set(h.line.requests.filter((q) => q.endpoint === "multicast").map((q) => q.id));
    assert.equal(sent.attempts.length, 2);
    for (const a of sent.attempts) assert.ok(accepted.has(a.requestId!), "the attempt records LINE's x-line-request-id");
  });

  test("a member who blocked the bot (unfollow webhook) no longer gets reminders", async () => {
    clock.set(bkk("2026-12-01T10:00:00"));
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    await h.line.sendWebhook([h.line.events.unfollow(p.residents[1]!)]);
    await h.settle();
    assert.equal((await Member.findOne({ lineUserId: p.residents[1] }))!.followed, false);
    await dispatch(h.bot, "a", bkk("2026-12-02T08:00:00"));
    assert.equal(multicastCounts(h).get(p.residents[1]!), undefined);
    assert.equal(multicastCounts(h).get(p.residents[0]!), 1);
  });

  test("editing the meeting moves its pending reminders; cancelling withdraws them", async () => {
    clock.set(bkk("2026-12-01T10:00:00"));
    const m = await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    await updateMeeting(m._id, { recurrence: parseRecurrence("monthly:7@13:00"), place: "วัดบ้านโนน" }, h.config, clock.now());
    assert.equal(await Reminder.countDocuments({ meetingId: m._id, state: "cancelled", reason: "meeting-changed" }), 6);
    const moved = await Reminder.find({ meetingId: m._id, state: "pending" }).sort({ dueAt: 1 });
    assert.deepEqual(moved.slice(0, 3).map((r) => r.dueAt.toISOString()), [bkk("2026-12-04T08:00:00"), bkk("2026-12-06T08:00:00"), bkk("2026-12-07T11:00:00")].map((d) => d.toISOString()));

    assert.equal((await dispatch(h.bot, "a", bkk("2026-12-02T08:00:00"))).claimed, 0, "the old due time sends nothing");
    const r = await dispatch(h.bot, "a", bkk("2026-12-04T08:00:00"));
    assert.equal(r.sent, 1);
    assert.match(flexTo(p.headman)[0]!.altText, /วันจันทร์ที่ 7 ธันวาคม พ\.ศ\. 2569 เวลา 13:00 น\. ณ วัดบ้านโนน/);

    await cancelMeeting(m._id, clock.now());
    assert.equal(await Reminder.countDocuments({ meetingId: m._id, state: "pending" }), 0);
    assert.equal((await dispatch(h.bot, "a", bkk("2026-12-06T08:00:00"))).sent, 0);
    assert.equal(h.line.requests.filter((q) => q.endpoint === "multicast").length, 2, "only the one reminder before the cancellation");
  });

  test("due while the bot was down: the latest due reminder goes out late, older ones are superseded, after the start it is missed", async () => {
    clock.set(bkk("2026-12-01T10:00:00"));
    const m = await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), clock.now());
    const r = await dispatch(h.bot, "a", bkk("2026-12-04T12:00:00"));
    assert.deepEqual([r.claimed, r.sent, r.missed], [2, 1, 1]);
    const log = await getDeliveryLog(m._id);
    assert.equal(log.find((e) => e.offset === "3d@08:00")!.reason, "superseded");
    const late = log.find((e) => e.offset === "1d@08:00")!;
    assert.equal(late.state, "sent");
    assert.equal(late.lateByMs, 4 * 3_600_000);
    assert.equal(multicastCounts(h).get(p.headman), 1, "one message, not two");

    const after = await dispatch(h.bot, "a", bkk("2026-12-05T09:05:00"));
    assert.deepEqual([after.claimed, after.missed, after.sent], [1, 1, 0]);
    assert.equal((await getDeliveryLog(m._id)).find((e) => e.offset === "2h")!.reason, "meeting-started");
    assert.equal(multicastCounts(h).get(p.headman), 1);
  });

  test("a district kamnan–headman meeting reaches every headman and kamnan of the district, not residents", async () => {
    clock.set(bkk("2026-12-01T10:00:00"));
    const other = (await seedMembers("head-nong", 1, { districtCode: "4001", tambonCode: "400102", villageNo: 3 }, { role: "headman" }))[0]!;
    const elsewhere = (await seedMembers("head-far", 1, { districtCode: "4002", tambonCode: "400201", villageNo: 3 }, { role: "headman" }))[0]!;
    await createTestMeeting(h, { scope: "district", districtCode: "4001", place: "ห้องประชุมที่ว่าการอำเภอ", recurrence: parseRecurrence("nth:1:tue@09:00") }, clock.now());
    const r = await dispatch(h.bot, "a", bkk("2026-12-04T08:00:00")); // 1st Tuesday: 1 Dec passed, so 5 Jan 2027; 3d@08:00 = 2 Jan
    assert.equal(r.claimed, 0);
    await dispatch(h.bot, "a", bkk("2027-01-02T08:00:00"));
    const counts = multicastCounts(h);
    assert.deepEqual([...counts.keys()].sort(), [p.headman, p.kamnan, other].sort());
    assert.equal(counts.get(elsewhere), undefined);
    assert.equal(counts.get(p.residents[0]!), undefined);
    assert.match(flexTo(other)[0]!.altText, /ประชุมกำนัน ผู้ใหญ่บ้าน ประจำเดือน วันอังคารที่ 5 มกราคม พ\.ศ\. 2570/);
  });
});
