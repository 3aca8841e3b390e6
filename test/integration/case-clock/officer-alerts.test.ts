import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId } from "../../../src/dev/line-emulator";
import { AuditLog } from "../../../src/models/audit-log.model";
import { CaseClockRow } from "../../../src/models/case-clock.model";
import { ComplaintMessage } from "../../../src/models/complaint-message.model";
import { startRuntime, type Runtime } from "../../../src/runtime";
import { messageReporter } from "../../../src/services/complaint-workflow.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { buttonData, messagesTo, say, tap } from "../complaint-driver";
import { makeOfficer } from "../dashboard-client";
import { bkk, settableClock } from "../reminder-fixtures";
import { SECRET_TEXT, fileCase, linkOfficer, tickOn } from "./deadline-fixtures";

// Officers hear about cases in LINE, cases past their deadline go to the province,
// and the reporter may ask once to hurry. Every send is counted at the LINE
// emulator (what LINE accepted), with two app processes on one database and a restart.
const clock = settableClock(bkk("2026-12-04T10:00:00")); // a Friday
let h: Harness;
let second: Runtime;
const officerLine = makeUserId("officer-4001");
const otherLine = makeUserId("officer-4002");
const adminLine = makeUserId("admin-kk");
let officerId = "";

before(async () => {
  h = await startHarness("case-alerts", { now: clock.now, background: false, env: { DASHBOARD_BASE_URL: "https://sujarit.example" } });
  second = await startRuntime(h.config, { now: clock.now, background: false, pollMs: 100, outboxBaseDelayMs: 20 });
});
after(async () => {
  await second.stop();
  await h.close();
});

beforeEach(async () => {
  for (const c of ["complaints", "complaintmessages", "caseclocks", "officers", "officerlines", "officerlinkcodes", "outboxmessages", "auditlogs", "claims", "holidays"]) {
    await mongoose.connection.collection(c).deleteMany({});
  }
  h.line.reset();
  clock.set(bkk("2026-12-04T10:00:00"));
  officerId = await makeOfficer("kk-mueang", "officer", ["4001"]);
  const otherId = await makeOfficer("kk-banfang", "officer", ["4002"]);
  const adminId = await makeOfficer("kk-admin", "admin");
  assert.match(await linkOfficer(h, officerId, officerLine), /เชื่อมบัญชีเจ้าหน้าที่.*เรียบร้อยแล้ว/);
  await linkOfficer(h, otherId, otherLine);
  await linkOfficer(h, adminId, adminLine);
  h.line.reset();
});

const json = (user: string) => messagesTo(h, user).map((m) => JSON.stringify(m));
const bothTick = (at: Date) => Promise.all([tickOn(h.bot, "replica-a", at), tickOn(second, "replica-b", at)]);

describe("new-case alerts", () => {
  test("a linked officer of the district gets one message with category, tambon and tracking code, never the text or the reporter; across two replicas and a restart", async () => {
    const c = await fileCase(h.bot.deps, makeUserId("reporter-1"));
    await bothTick(clock.now());
    await bothTick(clock.now());
    await h.restart({ now: clock.now, background: false });
    await tickOn(h.bot, "after-restart", clock.now());
    // A process that queued the alerts and died before marking the case: the next tick queues them again, LINE gets them once.
    await CaseClockRow.updateOne({ _id: c._id }, { $set: { alertedAt: null } });
    await bothTick(clock.now());
    await h.settle();
    const got = json(officerLine);
    assert.equal(got.length, 1, "exactly one alert");
    assert.match(got[0]!, new RegExp(c.trackingCode));
    assert.match(got[0]!, /เรียกรับเงิน สินบน/);
    assert.match(got[0]!, /ต\.ในเมือง/);
    assert.match(got[0]!, new RegExp(`https://sujarit.example/officer/complaints/${String(c._id)}`));
    for (const secret of [SECRET_TEXT, "7731", "สมชาย", "089-999-1234", "ปลัด อบต."]) assert.equal(got[0]!.includes(secret), false, `the alert must not contain ${secret}`);
    assert.equal(json(otherLine).length, 0, "another district's officer hears nothing");
    assert.equal(json(adminLine).length, 0, "a district case does not go to the admins");
  });

  test("a muted officer gets nothing; unmuted, the next case reaches them", async () => {
    assert.match((await say(h, officerLine, "ปิดแจ้งเตือนเรื่องร้องเรียน")).map((m) => m.text).join(), /ปิดแจ้งเตือน/);
    await fileCase(h.bot.deps, makeUserId("reporter-2"));
    await tickOn(h.bot, "a", clock.now());
    assert.equal(json(officerLine).length, 1, "only the mute confirmation");
    await say(h, officerLine, "เปิดแจ้งเตือนเรื่องร้องเรียน");
    await fileCase(h.bot.deps, makeUserId("reporter-3"));
    await tickOn(h.bot, "a", clock.now());
    assert.equal(json(officerLine).filter((m) => m.includes("เรื่องร้องเรียนใหม่")).length, 1);
  });
});

describe("morning digest", () => {
  test("on a working day from 08:00, one digest per officer of cases due today or overdue, sent once by two replicas", async () => {
    await fileCase(h.bot.deps, makeUserId("reporter-4")); // Fri 4 Dec: due Wed 9 Dec
    await bothTick(clock.now());
    h.line.reset();
    await bothTick(bkk("2026-12-09T07:59:00"));
    assert.equal(json(officerLine).length, 0, "not before 08:00");
    await bothTick(bkk("2026-12-09T08:00:00"));
    await bothTick(bkk("2026-12-09T08:01:00"));
    await h.restart({ now: clock.now, background: false });
    await mongoose.connection.collection("claims").deleteMany({}); // as if the process died before marking the day done
    await tickOn(h.bot, "after-restart", bkk("2026-12-09T08:10:00"));
    await h.settle();
    const digest = json(officerLine);
    assert.equal(digest.length, 1);
    assert.match(digest[0]!, /ครบกำหนดวันนี้ 1 เรื่อง/);
    assert.equal(digest[0]!.includes(SECRET_TEXT), false);
    assert.equal(json(adminLine).length, 1, "the admins follow the whole province");
    assert.equal(json(otherLine).length, 0, "nothing due in the other district: no digest");
    await bothTick(bkk("2026-12-12T08:30:00")); // a Saturday
    assert.equal(json(officerLine).filter((m) => m.includes("สรุปเช้านี้")).length, 1, "no digest on a weekend");
  });
});

describe("escalation", () => {
  test("at the deadline the case is flagged, audited once and the reporter told once; another deadline missed is audited again but not told again", async () => {
    const reporter = makeUserId("reporter-5");
    const c = await fileCase(h.bot.deps, reporter);
    await bothTick(clock.now());
    await bothTick(bkk("2026-12-09T23:59:00"));
    assert.equal(messagesTo(h, reporter).length, 0, "not before the end of the due day");
    await bothTick(bkk("2026-12-10T00:00:00"));
    await h.restart({ now: clock.now, background: false });
    await bothTick(bkk("2026-12-10T00:05:00"));
    await CaseClockRow.updateOne({ _id: c._id }, { $set: { reporterNotifiedAt: null } }); // died after queuing the notice, before marking it
    await bothTick(bkk("2026-12-10T00:06:00"));
    await h.settle();
    const notices = messagesTo(h, reporter);
    assert.equal(notices.length, 1);
    assert.match(notices[0]!.text ?? "", /ท่าน.*ระดับจังหวัด/);
    assert.equal(await AuditLog.countDocuments({ action: "complaint.escalated", complaintId: c._id }), 1);
    clock.set(bkk("2026-12-10T00:06:00"));
    const metrics = await (await fetch(h.webhookUrl.replace(/\/webhook$/, "/metrics"))).text();
    assert.match(metrics, /^sujarit_cases_overdue 1$/m);
    // The officer answers (the clock restarts), then misses the next deadline.
    clock.set(bkk("2026-12-10T09:00:00"));
    await messageReporter({ outbox: h.bot.deps.outbox, sealer: h.bot.deps.sealer, config: h.bot.deps.config, now: clock.now }, { districts: ["4001"], canSeeIdentity: false }, { kind: "officer", id: officerId }, { complaintId: String(c._id), text: "รับเรื่องแล้ว กำลังตรวจสอบค่ะ", expectsReply: false });
    await bothTick(bkk("2026-12-10T09:05:00"));
    assert.equal((await CaseClockRow.findById(c._id).lean())!.dueDay, "2026-12-31");
    await bothTick(bkk("2027-01-01T00:00:00"));
    assert.equal(await AuditLog.countDocuments({ action: "complaint.escalated", complaintId: c._id }), 2);
    assert.equal(messagesTo(h, reporter).filter((m) => /ระดับจังหวัด/.test(m.text ?? "")).length, 1, "the reporter is told once per case");
  });

  test("many cases past their deadline, four ticks at once on two processes: one audit row and one notice each", async () => {
    const reporters = Array.from({ length: 12 }, (_, i) => makeUserId(`race-${i}`));
    for (const r of reporters) await fileCase(h.bot.deps, r);
    await bothTick(clock.now());
    const at = bkk("2026-12-10T00:01:00");
    await Promise.all([tickOn(h.bot, "a1", at), tickOn(second, "b1", at), tickOn(h.bot, "a2", at), tickOn(second, "b2", at)]);
    assert.equal(await AuditLog.countDocuments({ action: "complaint.escalated" }), 12);
    for (const r of reporters) assert.equal(messagesTo(h, r).length, 1);
  });

  test("a case waiting on the reporter is not escalated", async () => {
    const reporter = makeUserId("reporter-6");
    const c = await fileCase(h.bot.deps, reporter);
    clock.set(bkk("2026-12-07T09:00:00"));
    await messageReporter({ outbox: h.bot.deps.outbox, sealer: h.bot.deps.sealer, config: h.bot.deps.config, now: clock.now }, { districts: ["4001"], canSeeIdentity: false }, { kind: "officer", id: officerId }, { complaintId: String(c._id), text: "ขอทราบชื่อหมู่บ้านค่ะ", expectsReply: true });
    await bothTick(bkk("2027-02-01T10:00:00"));
    const row = (await CaseClockRow.findById(c._id).lean())!;
    assert.equal(row.stage, "paused");
    assert.equal(await AuditLog.countDocuments({ action: "complaint.escalated" }), 0);
  });
});

describe("ขอเร่งรัด", () => {
  test("once per case, after the deadline: the thread is noted, the officers alerted again, the request audited", async () => {
    const reporter = makeUserId("reporter-7");
    const c = await fileCase(h.bot.deps, reporter);
    await bothTick(clock.now());
    const early = await tap(h, reporter, `a=deadline.expedite&c=${String(c._id)}`);
    assert.match(early[0]!.text ?? "", /ยังไม่เกินกำหนด/);
    const tracked = JSON.stringify(await tap(h, reporter, `a=complaint.track&c=${c.trackingCode}`));
    assert.match(tracked, /เจ้าหน้าที่จะตอบรับเรื่องของท่านภายใน 9 ธันวาคม 2569/);
    assert.equal(tracked.includes("deadline.expedite"), false, "no ขอเร่งรัด before the deadline");
    await bothTick(bkk("2026-12-10T08:30:00"));
    h.line.reset();
    clock.set(bkk("2026-12-10T09:00:00"));
    const late = await tap(h, reporter, `a=complaint.track&c=${c.trackingCode}`);
    assert.match(JSON.stringify(late), /เกินกำหนดตอบกลับ/);
    const first = await tap(h, reporter, buttonData(late[0]!, /ขอเร่งรัด/));
    assert.match(first[0]!.text ?? "", /ได้แจ้งเจ้าหน้าที่ให้เร่งรัด/);
    const again = await tap(h, reporter, `a=deadline.expedite&c=${String(c._id)}`);
    assert.match(again[0]!.text ?? "", /ไปแล้ว.*หนึ่งครั้ง/);
    assert.equal(JSON.stringify(await tap(h, reporter, `a=complaint.track&c=${c.trackingCode}`)).includes("deadline.expedite"), false, "asked once: the button is gone");
    await h.settle();
    const alerts = json(officerLine).filter((m) => m.includes("ขอเร่งรัด"));
    assert.equal(alerts.length, 1, "the district officer is alerted once");
    assert.equal(alerts[0]!.includes(SECRET_TEXT), false);
    assert.equal(await ComplaintMessage.countDocuments({ complaintId: c._id, text: /ขอเร่งรัด/ }), 1);
    assert.equal(await AuditLog.countDocuments({ action: "complaint.expedite_requested", complaintId: c._id }), 1);
    const stranger = await tap(h, makeUserId("stranger"), `a=deadline.expedite&c=${String(c._id)}`);
    assert.match(stranger[0]!.text ?? "", /ไม่พบ/);
  });
});
