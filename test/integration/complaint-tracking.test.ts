import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { AuditLog } from "../../src/models/audit-log.model";
import { Complaint } from "../../src/models/complaint.model";
import { ComplaintMessage } from "../../src/models/complaint-message.model";
import { MAX_TRACKING_MISSES_PER_HOUR } from "../../src/services/complaint.service";
import { changeStatus, messageReporter, type OfficerScope } from "../../src/services/complaint-query.service";
import { deleteMyData } from "../../src/services/privacy.service";
import { startHarness, type Harness } from "../helpers/harness";
import { buttonData, codeIn, fileComplaint, gist, gists, messagesTo, say, tap, type Msg } from "./complaint-driver";

// Following a case: tracking by code and the reporter's own list, pushes on every
// status change and officer message (anonymous reporters too, through the sealed
// LINE id), replies that join the case thread, and data deletion.
let h: Harness;
const ADMIN: OfficerScope = { districts: "all", canSeeIdentity: true };
const OFFICER = { kind: "officer" as const, id: "officer-1" };
const reporter = makeUserId("track-reporter");
const anon = makeUserId("track-anon");
let namedCode = "";
let anonCode = "";

before(async () => {
  h = await startHarness("complaint-tracking");
  namedCode = codeIn(await fileComplaint(h, reporter, { anonymous: false }));
  anonCode = codeIn(await fileComplaint(h, anon, { anonymous: true, category: "public_funds", what: "เงินกองทุนหมู่บ้านหายไป 30,000 บาท" }));
});
after(async () => h.close());

const idOf = async (code: string) => String((await Complaint.findOne({ trackingCode: code }))!._id);
const pushesTo = (user: string) => h.line.deliveries.filter((d) => d.to === user && d.via === "push").flatMap((d) => d.messages as Msg[]);

describe("tracking", () => {
  test("ติดตามเรื่อง with the code in any case, with or without dashes, shows the timeline", async () => {
    const typed = namedCode.toLowerCase().replace(/-/g, "");
    for (const text of [`ติดตามเรื่อง ${namedCode}`, `ติดตามเรื่อง ${typed}`, typed.toUpperCase(), `ติดตามเรื่อง ${namedCode.slice(3).toLowerCase()} ค่ะ`]) {
      const out = await say(h, reporter, text);
      assert.equal(out.length, 1, `${text}: ${gists(out)}`);
      assert.match(gist(out[0]!), new RegExp(`เรื่อง ${namedCode}: ได้รับเรื่องแล้ว`), text);
    }
  });

  test("ติดตามเรื่อง alone lists the user's own reports; another user's list does not show them", async () => {
    const mine = await say(h, reporter, "ติดตามเรื่อง");
    assert.match(JSON.stringify(mine), new RegExp(namedCode));
    assert.doesNotMatch(JSON.stringify(mine), new RegExp(anonCode));
    const stranger = await say(h, makeUserId("track-stranger"), "ติดตามเรื่อง");
    assert.match(gist(stranger[0]!), /ยังไม่มีเรื่อง/);
  });

  test("a wrong code gets a polite not-found, and guessing pauses after the limit", async () => {
    const guesser = makeUserId("track-guesser");
    // Misses are counted per clock hour: keep the guesses inside one.
    const toNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (toNextHour < 20_000) await new Promise((r) => setTimeout(r, toNextHour + 100));
    const out = await say(h, guesser, "ติดตามเรื่อง KK-222-333-444");
    assert.match(gist(out[0]!), /ไม่พบเรื่องที่ใช้รหัสนี้/);
    const malformed = await say(h, guesser, "ติดตามเรื่อง KK-10O-IL1-000");
    assert.match(gist(malformed[0]!), /รหัสติดตามไม่ถูกต้อง/);
    for (let i = 1; i < MAX_TRACKING_MISSES_PER_HOUR; i++) await say(h, guesser, `ติดตามเรื่อง KK-222-333-${String(445 + i).replace(/[01]/g, "2")}`);
    const blocked = await say(h, guesser, `ติดตามเรื่อง ${namedCode}`);
    assert.match(gist(blocked[0]!), /หลายครั้งเกินไป/, "even a right code waits once the limit is reached");
    assert.equal(await AuditLog.countDocuments({ action: "complaint.track_miss" }), MAX_TRACKING_MISSES_PER_HOUR);
  });

  test("someone else with the code sees the status but not the message thread", async () => {
    const out = await say(h, makeUserId("track-other"), `ติดตามเรื่อง ${namedCode}`);
    assert.match(gist(out[0]!), /ได้รับเรื่องแล้ว/);
    assert.doesNotMatch(JSON.stringify(out[0]), /complaint\.reply/, "no reply button for a non-owner");
  });
});

describe("officer actions reach the reporter", () => {
  test("a status change is pushed to a named and to an anonymous reporter, once per change", async () => {
    const deps = h.bot.deps;
    await changeStatus(deps, ADMIN, OFFICER, { complaintId: await idOf(namedCode), to: "under_review", note: "เจ้าหน้าที่รับเรื่องไว้ตรวจสอบแล้ว" });
    await changeStatus(deps, ADMIN, OFFICER, { complaintId: await idOf(anonCode), to: "referred", note: "ส่งให้ ป.ป.ท. ดำเนินการ", referredTo: "pacc" });
    await h.settle();
    const named = pushesTo(reporter);
    assert.equal(named.length, 1);
    assert.match(gist(named[0]!), /กำลังตรวจสอบ — เจ้าหน้าที่รับเรื่องไว้ตรวจสอบแล้ว/);
    const anonPush = pushesTo(anon);
    assert.equal(anonPush.length, 1, "the anonymous reporter is reached through the sealed id");
    assert.match(JSON.stringify(anonPush[0]), /ป\.ป\.ท\./);
    const timeline = await say(h, anon, `ติดตามเรื่อง ${anonCode}`);
    assert.match(gist(timeline[0]!), /ส่งต่อหน่วยงานที่รับผิดชอบ: สำนักงาน ป\.ป\.ท\./);
  });

  test("the reporter answers an officer's question with the ตอบกลับ button; other chat is not captured", async () => {
    const deps = h.bot.deps;
    const id = await idOf(anonCode);
    await messageReporter(deps, ADMIN, OFFICER, { complaintId: id, text: "ช่วยระบุวันที่ประชุมหมู่บ้านที่มีการแจ้งยอดเงินได้ไหมคะ" });
    await h.settle();
    const msg = pushesTo(anon).at(-1)!;
    assert.match(gist(msg), /ข้อความจากเจ้าหน้าที่/);
    assert.equal((await Complaint.findById(id))!.awaitingReporter, true);
    const unrelated = await say(h, anon, "สวัสดีค่ะ");
    assert.doesNotMatch(gists(unrelated), /ส่งข้อความถึงเจ้าหน้าที่แล้ว/);
    assert.equal(await ComplaintMessage.countDocuments({ complaintId: id }), 1, "ordinary chat does not join the thread");
    const prompt = await tap(h, anon, buttonData(msg, /ตอบกลับ/));
    assert.match(gist(prompt[0]!), /พิมพ์ข้อความถึงเจ้าหน้าที่/);
    const done = await say(h, anon, "ประชุมวันที่ 3 ตุลาคม ที่ศาลากลางบ้าน <b>มีพยาน 4 คน</b>");
    assert.match(gist(done[0]!), /ส่งข้อความถึงเจ้าหน้าที่แล้ว/);
    const thread = await ComplaintMessage.find({ complaintId: id }).sort({ at: 1, _id: 1 }).lean();
    assert.deepEqual(thread.map((m) => m.kind), ["officer", "reporter"]);
    assert.equal(thread[1]!.text, "ประชุมวันที่ 3 ตุลาคม ที่ศาลากลางบ้าน <b>มีพยาน 4 คน</b>");
    assert.equal(thread[1]!.actor, undefined, "the reporter is not identified on the message");
    assert.equal((await Complaint.findById(id))!.awaitingReporter, false);
    const timeline = await say(h, anon, `ติดตามเรื่อง ${anonCode}`);
    assert.match(JSON.stringify(timeline[0]), /ข้อความของท่าน/);
  });

  test("the reply button of someone else's case does not open a reply", async () => {
    const out = await tap(h, makeUserId("track-intruder"), `a=complaint.reply&c=${anonCode}`);
    assert.match(gist(out[0]!), /ไม่พบเรื่องนี้ในรายการเรื่องที่ท่านแจ้ง/);
  });
});

describe("data deletion", () => {
  test("deleting my data unlinks my complaints but keeps the cases, and says so", async () => {
    const user = makeUserId("track-delete");
    const code = codeIn(await fileComplaint(h, user));
    const summary = await deleteMyData(user, new Date(), h.bot.deps.sealer);
    assert.ok(summary.notes.some((n) => /ไม่ถูกลบ/.test(n) && /หลักฐาน/.test(n)), summary.notes.join(" / "));
    const c = await Complaint.findOne({ trackingCode: code }).lean();
    assert.ok(c, "the case stays");
    assert.equal(c.reporterIndex, undefined);
    assert.equal(c.reporterSealed, undefined);
    const list = await say(h, user, "ติดตามเรื่อง");
    assert.match(gist(list[0]!), /ยังไม่มีเรื่อง/);
    assert.equal(messagesTo(h, user).length > 0, true);
  });
});
