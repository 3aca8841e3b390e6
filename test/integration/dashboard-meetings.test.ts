import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { HeadmanCode } from "../../src/models/headman-code.model";
import { Meeting } from "../../src/models/meeting.model";
import { MeetingReport } from "../../src/models/meeting-report.model";
import { Reminder } from "../../src/models/reminder.model";
import { Village } from "../../src/models/village.model";
import { registerWithCode } from "../../src/services/headman.service";
import { clearPledgeStatsCache } from "../../src/services/pledge-stats.service";
import { clearStatsCache } from "../../src/services/stats.service";
import { makeUserId } from "../../src/dev/line-emulator";
import { monthKeyBE } from "../../src/util/thai-date";
import { startHarness, type Harness } from "../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "./dashboard-client";
import { MULTIPART_LIMITS } from "../../src/dashboard/http/multipart";

// Meetings, imports, headman codes and the progress page, as district officers use them.
let h: Harness;
let base: string;
let kk: DashboardClient;
let bp: DashboardClient;
let meetingId = "";

before(async () => {
  h = await startHarness("dash-meetings");
  base = baseUrlOf(h.webhookUrl);
  await makeOfficer("m-kk", "officer", ["4001"]);
  await makeOfficer("m-bp", "officer", ["4002"]);
  await makeOfficer("m-view", "viewer");
  kk = new DashboardClient(base);
  await kk.login("m-kk", TEST_PASSWORD);
  bp = new DashboardClient(base);
  await bp.login("m-bp", TEST_PASSWORD);
});
after(async () => h.close());

describe("meetings", () => {
  test("an officer creates a monthly village meeting; its reminders appear in the delivery log", async () => {
    await kk.get("/officer/meetings/new");
    const page = await kk.post("/officer/meetings", {
      scope: "village", tambonCode: "400101", villageNo: "4", districtCode: "", title: "", place: "ศาลากลางบ้าน <b>หมู่ 4</b>",
      agenda: "แจ้งข่าวสารจากอำเภอ\nเรื่องอื่น ๆ", includePledge: "on", kind: "monthly-day", day: "5", time: "09:30", durationMinutes: "120",
    });
    assert.equal(page.status, 200);
    assert.match(page.text, /บันทึกเรียบร้อยแล้ว/);
    assert.match(page.text, /ทุกวันที่ 5 ของเดือน เวลา 09:30 น\./);
    assert.match(page.text, /ศาลากลางบ้าน &lt;b&gt;หมู่ 4&lt;\/b&gt;/);
    assert.match(page.text, /ไม่รับ ไม่ให้/);
    const m = (await Meeting.findOne({ place: /ศาลากลางบ้าน/ }))!;
    meetingId = String(m._id);
    assert.equal(m.tambonCode, "400101");
    assert.ok((await Reminder.countDocuments({ meetingId: m._id, state: "pending" })) > 0);
    assert.match(page.text, /รอส่ง/);
    assert.match((await kk.get("/officer/meetings")).text, new RegExp(meetingId));
  });

  test("a missing time or another district's village is refused with a Thai message; nothing is created", async () => {
    const before = await Meeting.countDocuments();
    await kk.get("/officer/meetings/new");
    const noTime = await kk.post("/officer/meetings", { scope: "village", tambonCode: "400101", villageNo: "4", place: "x", kind: "once", date: "2030-01-01", time: "" });
    assert.equal(noTime.status, 400);
    assert.match(noTime.text, /กรุณาระบุเวลา/);
    const foreign = await kk.post("/officer/meetings", { scope: "district", districtCode: "4002", place: "x", kind: "once", date: "2030-01-01", time: "09:00" });
    assert.equal(foreign.status, 403);
    assert.equal(await Meeting.countDocuments(), before);
  });

  test("another district's officer gets 404 for the meeting; its own officer edits and cancels it", async () => {
    assert.equal((await bp.get(`/officer/meetings/${meetingId}`)).status, 404);
    assert.equal((await bp.get(`/officer/meetings/${meetingId}/edit`)).status, 404);
    const edit = await kk.get(`/officer/meetings/${meetingId}/edit`);
    assert.match(edit.text, /value="09:30"/);
    const saved = await kk.post(`/officer/meetings/${meetingId}`, { title: "ประชุมหมู่ 4", place: "วัดโนนทัน", agenda: "วาระเดียว", kind: "monthly-weekday", nth: "2", weekday: "2", time: "13:00", durationMinutes: "90" });
    assert.match(saved.text, /บันทึกการแก้ไขแล้ว/);
    assert.match(saved.text, /ทุกวันอังคารที่ 2 ของเดือน เวลา 13:00 น\./);
    await MeetingReport.create({
      reportKey: `${meetingId}|x|400101-4`, meetingId, occurrenceStart: new Date(), districtCode: "4001", tambonCode: "400101", villageNo: 4,
      attendedCount: 57, pledgedCount: 49, reportedBy: "u", reporterRole: "headman", reportedAt: new Date(), monthKey: monthKeyBE(h.bot.deps.now()),
    });
    assert.match((await kk.get(`/officer/meetings/${meetingId}`)).text, /<td class="num">57<\/td><td class="num">49<\/td>/);
    const cancelled = await kk.post(`/officer/meetings/${meetingId}/cancel`, {});
    assert.match(cancelled.text, /ยกเลิกการประชุมแล้ว/);
    assert.equal((await Meeting.findById(meetingId))!.state, "cancelled");
    assert.equal(await Reminder.countDocuments({ meetingId, state: "pending" }), 0);
  });
});

describe("CSV imports and headman codes", () => {
  test("villages upload as a file; errors list line numbers and import nothing; other districts are refused", async () => {
    await kk.get("/officer/imports");
    const ok = await kk.postMultipart("/officer/imports/villages", { csv: "" }, { field: "file", name: "villages.csv", text: "\uFEFFtambon,village,name,place\r\n400101,4,โนนทัน,ศาลากลางบ้าน\r\n400101,5,หนองใหญ่,วัด\r\n" });
    assert.match(ok.text, /นำเข้าข้อมูลแล้ว/);
    assert.match(ok.text, /บ้านโนนทัน/);
    assert.equal(await Village.countDocuments({ districtCode: "4001" }), 2);
    await kk.get("/officer/imports");
    const bad = await kk.postMultipart("/officer/imports/villages", { csv: "tambon,village\n400101,6\n999999,1\n400101,200\n" });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /บรรทัด 3/);
    assert.match(bad.text, /บรรทัด 4/);
    assert.equal(await Village.countDocuments({ villageKey: "400101-6" }), 0);
    await kk.get("/officer/imports");
    const foreign = await kk.postMultipart("/officer/imports/villages", { csv: "tambon,village\n400201,1\n" });
    assert.equal(foreign.status, 400);
    assert.equal(await Village.countDocuments({ tambonCode: "400201" }), 0);
    const noCsrf = await kk.postMultipart("/officer/imports/villages", { csv: "tambon,village\n400101,9\n" }, undefined, { csrf: "bad" });
    assert.equal(noCsrf.status, 403);
  });

  test("an upload over busboy's limits is refused with 413 and imports nothing", async () => {
    await kk.get("/officer/imports");
    const big = "tambon,village\n" + "400101,7\n".repeat(300_000); // 2.7 MB
    const tooBig = await kk.postMultipart("/officer/imports/villages", { csv: "" }, { field: "file", name: "big.csv", text: big });
    assert.equal(tooBig.status, 413);
    const fields: Record<string, string> = {};
    for (let i = 0; i <= MULTIPART_LIMITS.fields; i++) fields[`f${i}`] = "x";
    assert.equal((await kk.postMultipart("/officer/imports/villages", fields)).status, 413);
    assert.equal(await Village.countDocuments({ villageKey: "400101-7" }), 0);
  });

  test("meetings import from pasted text", async () => {
    await kk.get("/officer/imports");
    const res = await kk.postMultipart("/officer/imports/meetings", { csv: "scope,tambon,village,district,title,place,agenda,schedule,duration\nvillage,400101,5,,,วัดหนองใหญ่,,monthly:10@09:00,120\ndistrict,,,4001,,ที่ว่าการอำเภอ,,nth:1:mon@09:30,180\n" });
    assert.match(res.text, /นำเข้าข้อมูลแล้ว/);
    assert.equal(await Meeting.countDocuments({ place: { $in: ["วัดหนองใหญ่", "ที่ว่าการอำเภอ"] } }), 2);
  });

  test("a headman code is shown once, stored hashed, and registers the headman", async () => {
    await kk.get("/officer/headmen");
    const page = await kk.post("/officer/headmen/codes", { tambonCode: "400101", villageNo: "5", role: "headman" });
    const code = /<strong>([A-Z0-9]{4}-[A-Z0-9]{4})<\/strong>/.exec(page.text)![1]!;
    assert.equal(await HeadmanCode.countDocuments({ _id: code }), 0);
    const user = makeUserId("new-headman");
    const reg = await registerWithCode(user, code, new Date());
    assert.equal(reg.role, "headman");
    assert.doesNotMatch((await kk.get("/officer/headmen")).text, new RegExp(code), "the code is not shown again");
    assert.match((await kk.get("/officer/headmen")).text, /ใช้แล้ว/);
    await bp.get("/officer/headmen");
    assert.equal((await bp.post("/officer/headmen/codes", { tambonCode: "400101", villageNo: "5", role: "headman" })).status, 403);
  });
});

describe("progress", () => {
  test("the progress page lists all 26 districts in the table its chart is drawn from, and coverage counts this month's reports", async () => {
    clearPledgeStatsCache();
    clearStatsCache();
    const viewer = new DashboardClient(base);
    await viewer.login("m-view", TEST_PASSWORD, "/officer/progress");
    const page = await viewer.get("/officer/progress");
    assert.equal(page.status, 200);
    const table = /<table id="pledge-table" data-chart="bar"[\s\S]*?<\/table>/.exec(page.text)![0];
    assert.equal((table.match(/<th scope="row">/g) ?? []).length, 26);
    assert.match(page.text, /<script src="\/officer\/static\/chart\.umd\.min\.js" defer><\/script>/, "Chart.js from our own origin");
    assert.doesNotMatch(page.text, /<script>|<script [^>]*>[^<]/, "no inline script");
    assert.match(page.text, /หมู่บ้านที่ประชุมและส่งรายงานแล้ว 1 จาก 2 หมู่บ้าน \(50\.0%\)/);
    const csv = await viewer.get("/officer/progress/pledges.csv");
    assert.ok(csv.text.startsWith("\uFEFF"));
    assert.equal(csv.text.trim().split("\r\n").length, 27);
    assert.match((await viewer.get(`/officer/progress/coverage.csv?month=${monthKeyBE(h.bot.deps.now())}`)).text, /4001,ขอนแก่น|4001,เมืองขอนแก่น/);
  });
});
