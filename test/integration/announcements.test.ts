import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { Announcement } from "../../src/models/announcement.model";
import { AuditLog } from "../../src/models/audit-log.model";
import { Member } from "../../src/models/member.model";
import { countAudience, normalizeAudience, streamAudience, type AudienceSpec } from "../../src/services/announcement-audience.service";
import { approveAnnouncement, cancelAnnouncement, createAnnouncement, requestSend, updateAnnouncement, type Actor, type AnnouncementInput } from "../../src/services/announcement.service";
import { buildAudiences } from "../../src/services/reminder-audience.service";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, seedMembers } from "./reminder-fixtures";

// Audiences, scope, four eyes and the send's exactly-once behaviour, checked at the
// LINE emulator (what LINE accepted, per recipient).
let h: Harness;
before(async () => {
  h = await startHarness("announcements", { background: false });
});
after(async () => h.close());
beforeEach(async () => {
  h.line.reset();
  h.line.setMonthlyQuota(undefined, 0);
  for (const c of ["members", "announcements", "outboxmessages", "auditlogs", "claims"]) await mongoose.connection.collection(c).deleteMany({});
});

const admin: Actor = { id: "64b000000000000000000001", role: "admin", districts: [] };
const admin2: Actor = { id: "64b000000000000000000002", role: "admin", districts: [] };
const kkOfficer: Actor = { id: "64b000000000000000000003", role: "officer", districts: ["4001"] };
const area = (x: Partial<AudienceSpec>): AudienceSpec => ({ province: false, districts: [], tambons: [], villages: [], leaders: false, remindersOptIn: false, ...x });
const input = (audience: AudienceSpec, extra: Partial<AnnouncementInput> = {}): AnnouncementInput => ({ title: "วันรณรงค์", text: "ขอเชิญร่วมงานวันต่อต้านคอร์รัปชันสากล 9 ธันวาคม", button: { kind: "none" }, audience, ...extra });
const base = "https://sujarit.example";
const now = () => h.bot.deps.now();
const resolved = async (a: AudienceSpec) => {
  const out: string[] = [];
  for await (const b of streamAudience(normalizeAudience(a))) out.push(...b);
  return out.sort();
};
const deliveredCounts = () => {
  const counts = new Map<string, number>();
  for (const d of h.line.deliveries) if (d.via === "multicast" || d.via === "broadcast") counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
  return counts;
};

describe("audience", () => {
  test("roles, villages, tambons and districts combine; unfollowed and muted people are never in it", async () => {
    const v6 = { ...IN_MUEANG_5, villageNo: 6 };
    const other = { districtCode: "4002", tambonCode: "400201", villageNo: 1 };
    const res5 = await seedMembers("r5", 3, IN_MUEANG_5, { meetingReminders: false });
    const opt5 = await seedMembers("o5", 2, IN_MUEANG_5);
    const head5 = await seedMembers("h5", 1, IN_MUEANG_5, { role: "headman", meetingReminders: false });
    const kamnan = await seedMembers("k", 1, v6, { role: "kamnan", meetingReminders: false });
    const res6 = await seedMembers("r6", 2, v6, { meetingReminders: false });
    const gone = await seedMembers("gone", 2, IN_MUEANG_5, { followed: false, role: "headman" });
    const muted = await seedMembers("mute", 2, IN_MUEANG_5, { role: "headman" });
    await Member.updateMany({ lineUserId: { $in: muted } }, { $set: { announcementsMuted: true } });
    const far = await seedMembers("far", 2, other, { role: "headman" });
    const sorted = (...xs: string[][]) => xs.flat().sort();

    assert.deepEqual(await resolved(area({ villages: ["400101-5"] })), sorted(res5, opt5, head5));
    assert.deepEqual(await resolved(area({ villages: ["400101-5"], leaders: true })), sorted(head5));
    assert.deepEqual(await resolved(area({ tambons: ["400101"], leaders: true })), sorted(head5, kamnan));
    assert.deepEqual(await resolved(area({ tambons: ["400101"], leaders: true, remindersOptIn: true })), sorted(head5, kamnan, opt5));
    assert.deepEqual(await resolved(area({ districts: ["4001"], remindersOptIn: true })), sorted(opt5));
    assert.deepEqual(await resolved(area({ villages: ["400101-6"], districts: ["4002"] })), sorted(kamnan, res6, far));
    assert.deepEqual(await resolved(area({ province: true })), sorted(res5, opt5, head5, kamnan, res6, far));
    assert.equal(await countAudience(normalizeAudience(area({ province: true }))), 11);
    for (const u of [...gone, ...muted]) assert.ok(!(await resolved(area({ province: true }))).includes(u));
  });

  test("read in parts: overlapping districts, tambons and villages name each person once; the province includes people with no village", async () => {
    const mueang = await seedMembers("m", 4, IN_MUEANG_5);
    const v6 = await seedMembers("m6", 2, { ...IN_MUEANG_5, villageNo: 6 });
    const ban = await seedMembers("b", 3, { districtCode: "4002", tambonCode: "400201", villageNo: 1 });
    const ban2 = await seedMembers("b2", 2, { districtCode: "4002", tambonCode: "400201", villageNo: 2 });
    await Member.create({ lineUserId: "U" + "e".repeat(32), followed: true, role: "resident", meetingReminders: false });
    const overlapping = normalizeAudience(area({ districts: ["4001"], tambons: ["400101"], villages: ["400101-5", "400201-1"] }));
    const sorted = (...xs: string[][]) => xs.flat().sort();
    assert.deepEqual(await resolved(overlapping), sorted(mueang, v6, ban));
    assert.equal(await countAudience(overlapping), 9);
    const everyone = await resolved(area({ province: true }));
    assert.deepEqual(everyone, sorted(mueang, v6, ban, ban2, ["U" + "e".repeat(32)]));
    assert.equal(await countAudience(normalizeAudience(area({ province: true }))), everyone.length);
  });

  test("a resident who types ปิดการแจ้งข่าว leaves every audience but still gets meeting reminders; เปิดการแจ้งข่าว brings them back", async () => {
    const [u] = await seedMembers("chat", 1, IN_MUEANG_5);
    h.line.addUser({ userId: u!, displayName: "ทดสอบ" });
    await h.line.sendWebhook([h.line.events.text(u!, "ปิดการแจ้งข่าว")]);
    await h.settle();
    assert.match(JSON.stringify(h.line.messagesTo(u!)), /ปิดการแจ้งข่าวแล้วค่ะ.*แจ้งเตือนการประชุม/);
    assert.deepEqual(await resolved(area({ villages: ["400101-5"] })), []);
    const reminder = { _id: new mongoose.Types.ObjectId(), scope: "village", districtCode: "4001", tambonCode: "400101", villageNo: 5, occurrenceStart: new Date(Date.now() + 86_400_000), offset: "1d@08:00", dueAt: new Date() };
    const meeting = { title: "ประชุม", place: "ศาลา", agenda: [] };
    const auds = await buildAudiences([{ reminder, meeting } as never], "Asia/Bangkok");
    assert.ok(auds.some((x) => x.recipients.includes(u!)), "meeting reminders still reach a muted resident");
    await h.line.sendWebhook([h.line.events.text(u!, "เปิดการแจ้งข่าว")]);
    await h.settle();
    assert.deepEqual(await resolved(area({ villages: ["400101-5"] })), [u]);
  });
});

describe("scope and four eyes", () => {
  test("an officer cannot address another district or the province; an admin can", async () => {
    await assert.rejects(createAnnouncement(input(area({ districts: ["4002"] })), kkOfficer, now(), base), { code: "forbidden" });
    await assert.rejects(createAnnouncement(input(area({ villages: ["400201-1"] })), kkOfficer, now(), base), { code: "forbidden" });
    await assert.rejects(createAnnouncement(input(area({ province: true })), kkOfficer, now(), base), { code: "forbidden" });
    const own = await createAnnouncement(input(area({ tambons: ["400101"] })), kkOfficer, now(), base);
    assert.equal(own.office, "ที่ว่าการอำเภอเมืองขอนแก่น จังหวัดขอนแก่น");
    assert.equal((await createAnnouncement(input(area({ province: true })), admin, now(), base)).office, "ศาลากลางจังหวัดขอนแก่น");
  });

  test("two districts need a second admin; the author cannot approve; an edit after approval resets it; all audited", async () => {
    await seedMembers("a", 3, IN_MUEANG_5);
    await seedMembers("b", 2, { districtCode: "4002", tambonCode: "400201", villageNo: 1 });
    const a = await createAnnouncement(input(area({ districts: ["4001", "4002"] })), admin, now(), base);
    assert.equal(a.approvalRequired, true);
    const asked = await requestSend(String(a._id), undefined, admin, now(), h.bot.deps.line);
    assert.equal(asked.state, "awaiting_approval");
    await assert.rejects(approveAnnouncement(String(a._id), admin, now()), { code: "forbidden" });
    await assert.rejects(approveAnnouncement(String(a._id), kkOfficer, now()), { code: "not_found" }, "outside the officer's districts");
    const approved = await approveAnnouncement(String(a._id), admin2, now());
    assert.equal(approved.state, "scheduled");
    assert.equal(approved.approvedRevision, approved.revision);
    const edited = await updateAnnouncement(String(a._id), input(area({ districts: ["4001", "4002"] }), { text: "แก้ไข: งานเลื่อนเป็น 10 ธันวาคม" }), admin, now(), base);
    assert.equal(edited.state, "draft");
    assert.equal(edited.approvedBy, undefined);
    assert.equal((await requestSend(String(a._id), undefined, admin, now(), h.bot.deps.line)).state, "awaiting_approval", "approval needed again");
    assert.equal(h.line.requests.filter((q) => q.endpoint === "multicast").length, 0, "nothing sent without approval");
    const actions = (await AuditLog.find({ "detail.announcementId": String(a._id) }).sort({ at: 1, _id: 1 })).map((x) => x.action);
    assert.deepEqual(actions, ["announcement.created", "announcement.approval_requested", "announcement.approved", "announcement.edited", "announcement.approval_reset", "announcement.approval_requested"]);
  });

  test("one district under 5,000 needs no approval; over 5,000 it does", async () => {
    await seedMembers("s", 10, IN_MUEANG_5);
    const small = await createAnnouncement(input(area({ districts: ["4001"] })), kkOfficer, now(), base);
    assert.equal((await requestSend(String(small._id), undefined, kkOfficer, now(), h.bot.deps.line)).state, "scheduled");
    await seedMembers("big", 5000, IN_MUEANG_5);
    const big = await createAnnouncement(input(area({ districts: ["4001"] })), kkOfficer, now(), base);
    assert.equal(big.approvalRequired, true);
    assert.equal((await requestSend(String(big._id), undefined, kkOfficer, now(), h.bot.deps.line)).state, "awaiting_approval");
  });
});

describe("delivery", () => {
  test("a send the quota cannot carry is refused in Thai with the numbers; nothing is sent", async () => {
    await seedMembers("q", 1200, IN_MUEANG_5);
    h.line.setMonthlyQuota(5000, 4000);
    const a = await createAnnouncement(input(area({ villages: ["400101-5"] })), kkOfficer, now(), base);
    await assert.rejects(requestSend(String(a._id), undefined, kkOfficer, now(), h.bot.deps.line), (err: Error & { userMessage?: string }) => {
      assert.match(err.userMessage!, /โควตา.*1,200 ข้อความ.*เหลือ 1,000 จาก 5,000 ข้อความ.*ใช้ไปแล้ว 4,000/);
      return true;
    });
    assert.equal((await Announcement.findById(a._id))!.state, "draft");
    assert.equal(h.line.requests.filter((q) => q.endpoint === "multicast").length, 0);
    assert.ok(h.line.requests.some((q) => q.path === "/v2/bot/message/quota/consumption"));
  });

  test("500s and rate-limit 429s mid-send are retried with the same key: everyone exactly once, every attempt in the report", async () => {
    const people = await seedMembers("f", 2600, IN_MUEANG_5);
    const a = await createAnnouncement(input(area({ villages: ["400101-5"] })), kkOfficer, now(), base);
    await requestSend(String(a._id), undefined, kkOfficer, now(), h.bot.deps.line);
    h.line.failNext("multicast", 500, 2);
    h.line.setFaults({ rate500: 0.2, rate429: 0.2, endpoints: ["multicast"], seed: 7 });
    const done = await h.bot.deps.announcements!.sendNow(String(a._id));
    h.line.setFaults({});
    assert.equal(done!.state, "sent");
    const counts = deliveredCounts();
    assert.equal(counts.size, people.length);
    assert.ok([...counts.values()].every((n) => n === 1));
    const failures = h.line.requests.filter((q) => q.endpoint === "multicast" && (q.status === 500 || q.status === 429));
    assert.ok(failures.length >= 2);
    assert.equal(done!.attempts.filter((t) => t.outcome === "retry").length, failures.length);
    assert.equal(done!.attempts.filter((t) => t.outcome === "accepted").length, 6);
    assert.equal(done!.plannedRecipients, 2600);
    const msg = JSON.stringify(h.line.requests.find((q) => q.endpoint === "multicast" && q.status === 200)!.body);
    assert.match(msg, /ประกาศจาก ที่ว่าการอำเภอเมืองขอนแก่น/, "the message names the sending office");
  });

  test("a monthly-quota 429 in the middle stops the send and is recorded", async () => {
    await seedMembers("m", 2600, IN_MUEANG_5);
    const a = await createAnnouncement(input(area({ villages: ["400101-5"] })), kkOfficer, now(), base);
    await requestSend(String(a._id), undefined, kkOfficer, now(), h.bot.deps.line);
    h.line.setMonthlyQuota(3000, 0); // enough at the check; then other sends use the month up:
    // after two accepted multicasts, LINE answers the monthly-limit 429 (its own message).
    h.line.failNext("multicast", 429, 10, { message: "You have reached your monthly limit." }, 2);
    const done = await h.bot.deps.announcements!.sendNow(String(a._id));
    assert.equal(done!.state, "failed");
    assert.match(done!.reason!, /^quota/);
    const quota429 = h.line.requests.filter((q) => q.endpoint === "multicast" && q.status === 429);
    assert.ok(quota429.length >= 1);
    assert.ok(done!.attempts.some((t) => t.status === 429 && t.outcome === "failed" && quota429.some((q) => q.id === t.requestId)));
    assert.ok(deliveredCounts().size < 2600);
    assert.ok(await AuditLog.exists({ action: "announcement.failed", "detail.announcementId": String(a._id) }));
  });
});

describe("cancel", () => {
  test("a cancelled scheduled announcement is never sent; the cancellation is audited; a sent one cannot be cancelled", async () => {
    await seedMembers("c", 20, IN_MUEANG_5);
    const a = await createAnnouncement(input(area({ villages: ["400101-5"] })), kkOfficer, now(), base);
    await requestSend(String(a._id), new Date(now().getTime() + 60_000), kkOfficer, now(), h.bot.deps.line);
    const cancelled = await cancelAnnouncement(String(a._id), kkOfficer, now());
    assert.equal(cancelled.state, "cancelled");
    assert.equal(await h.bot.deps.announcements!.tick(new Date(now().getTime() + 120_000)), 0);
    assert.equal(await h.bot.deps.announcements!.sendNow(String(a._id)), null);
    assert.equal(h.line.requests.filter((q) => q.endpoint === "multicast").length, 0);
    assert.ok(await AuditLog.exists({ action: "announcement.cancelled", "detail.announcementId": String(a._id), "actor.id": kkOfficer.id }));
    const b = await createAnnouncement(input(area({ villages: ["400101-5"] })), kkOfficer, now(), base);
    await requestSend(String(b._id), undefined, kkOfficer, now(), h.bot.deps.line);
    assert.equal((await h.bot.deps.announcements!.sendNow(String(b._id)))!.state, "sent");
    await assert.rejects(cancelAnnouncement(String(b._id), kkOfficer, now()), { code: "validation" });
    assert.ok(await AuditLog.exists({ action: "announcement.sent", "detail.announcementId": String(b._id) }));
  });
});

describe("broadcast", () => {
  test("the whole account with nobody muted goes by one broadcast", async () => {
    const people = await seedMembers("bc", 3, IN_MUEANG_5);
    for (const u of people) h.line.addUser({ userId: u, displayName: u.slice(0, 6) });
    const a = await createAnnouncement(input(area({ province: true })), admin, now(), base);
    assert.equal((await requestSend(String(a._id), undefined, admin, now(), h.bot.deps.line)).state, "awaiting_approval", "the province needs four eyes");
    await approveAnnouncement(String(a._id), admin2, now());
    const done = await h.bot.deps.announcements!.sendNow(String(a._id));
    assert.equal(done!.state, "sent");
    assert.equal(done!.mode, "broadcast");
    assert.equal(h.line.requests.filter((q) => q.endpoint === "broadcast" && q.status === 200).length, 1);
    assert.ok(people.every((u) => deliveredCounts().get(u) === 1));
  });
});
