import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../../src/dev/line-emulator";
import { AuditLog } from "../../../src/models/audit-log.model";
import { OfficerLine } from "../../../src/models/officer-line.model";
import { forgetHolidays } from "../../../src/services/holiday.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { say } from "../complaint-driver";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "../dashboard-client";
import { bkk, settableClock } from "../reminder-fixtures";
import { fileCase, tickOn } from "./deadline-fixtures";

// The dashboard side of the case clock: holidays imported as CSV move deadlines,
// the queue sorts by time left with counts per district, the case page shows its
// clock, and an officer links LINE with a one-time code.
const clock = settableClock(bkk("2026-12-04T10:00:00")); // Friday
let h: Harness;
let admin: DashboardClient;
let kk: DashboardClient;
const ids: Record<string, string> = {};

before(async () => {
  h = await startHarness("case-queue", { now: clock.now, background: false });
  const base = baseUrlOf(h.webhookUrl);
  await makeOfficer("q-admin", "admin");
  ids.kk = await makeOfficer("q-kk", "officer", ["4001"]);
  await makeOfficer("q-bp", "officer", ["4002"]);
  admin = new DashboardClient(base);
  await admin.login("q-admin", TEST_PASSWORD);
  kk = new DashboardClient(base);
  await kk.login("q-kk", TEST_PASSWORD);
});
after(async () => h.close());

describe("holidays", () => {
  test("an admin imports the year's holidays as CSV; a wrong line imports nothing; officers cannot", async () => {
    await admin.get("/officer/holidays?year=2026");
    const bad = await admin.postMultipart("/officer/holidays", { year: "2026", csv: "date,name\n2569-12-07,วันหยุดชดเชย\n2569-13-40,ผิด\n" });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /บรรทัด 3/);
    await admin.get("/officer/holidays?year=2026");
    const ok = await admin.postMultipart("/officer/holidays", { year: "2026", csv: "date,name\n2569-12-07,วันหยุดชดเชยวันพ่อแห่งชาติ\n2026-12-10,วันรัฐธรรมนูญ\n" });
    assert.equal(ok.status, 200);
    assert.match(ok.text, /วันรัฐธรรมนูญ/);
    assert.match(ok.text, /10 ธันวาคม 2569/);
    assert.equal(await AuditLog.countDocuments({ action: "import.holidays" }), 1);
    assert.equal((await kk.get("/officer/holidays", false)).status, 403);
  });
});

describe("the queue", () => {
  test("sorted by time left, with due-today and overdue counts per district; the case page shows its clock", async () => {
    forgetHolidays();
    clock.set(bkk("2026-11-30T10:00:00")); // Monday: due Thu 3 Dec
    const old = await fileCase(h.bot.deps, makeUserId("q-r1"));
    clock.set(bkk("2026-12-04T10:00:00")); // Friday: Mon 7 and Thu 10 are holidays → due Fri 11 Dec
    const fresh = await fileCase(h.bot.deps, makeUserId("q-r2"));
    clock.set(bkk("2026-12-01T10:00:00")); // Tuesday: due Fri 4 Dec (today below)
    const today = await fileCase(h.bot.deps, makeUserId("q-r3"));
    clock.set(bkk("2026-11-27T10:00:00"));
    await fileCase(h.bot.deps, makeUserId("q-r4"), { districtCode: "4002", tambonCode: "400201" });
    clock.set(bkk("2026-12-04T10:00:00"));
    await tickOn(h.bot, "q", clock.now());

    const page = (await kk.get("/officer/queue")).text;
    const order = [old.trackingCode, today.trackingCode, fresh.trackingCode].map((c) => page.indexOf(c));
    assert.ok(order.every((i) => i > 0), "all three cases of the district are listed");
    assert.deepEqual([...order].sort((a, b) => a - b), order, "most urgent first");
    assert.match(page, /data-count="due-today">1</);
    assert.match(page, /data-count="overdue">1</);
    assert.match(page, /เกินกำหนด 1 วันทำการ/);
    assert.match(page, /ครบกำหนดวันนี้/);
    assert.match(page, /เหลือ 3 วันทำการ/, "Fri 4 → Fri 11 Dec: Tue 8, Wed 9, Fri 11 (the weekend and both holidays skipped)");
    assert.match(page, /11 ธันวาคม 2569/);
    assert.equal(page.includes("400201") || page.includes("บ้านฝาง"), false, "another district's case is not shown");

    const all = (await admin.get("/officer/queue?overdue=1")).text;
    assert.match(all, /คิวเรื่องเกินกำหนด \(ระดับจังหวัด\)/);
    assert.ok(all.includes(old.trackingCode));
    assert.equal(all.includes(fresh.trackingCode), false);
    assert.match(all, /อำเภอบ้านฝาง|บ้านฝาง/, "the admins see every district's overdue cases");

    const detail = (await kk.get(`/officer/complaints/${String(fresh._id)}`)).text;
    assert.match(detail, /กำหนดเวลา/);
    assert.match(detail, /ตอบรับเรื่องครั้งแรก ภายใน <strong>11 ธันวาคม 2569<\/strong>/);
  });
});

describe("LINE link", () => {
  test("the dashboard issues a one-time code, the officer types it in the chat, then mutes from the dashboard", async () => {
    const page = await kk.post("/officer/line/code", {});
    const code = /เชื่อมบัญชีเจ้าหน้าที่ ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(page.text)?.[1];
    assert.ok(code, "the code is shown once");
    const user = makeUserId("q-kk-line");
    const reply = await say(h, user, `เชื่อมบัญชีเจ้าหน้าที่ ${code}`);
    assert.match(reply[0]!.text ?? "", /เรียบร้อยแล้ว/);
    const again = await say(h, makeUserId("q-intruder"), `เชื่อมบัญชีเจ้าหน้าที่ ${code}`);
    assert.match(again[0]!.text ?? "", /ถูกใช้ไปแล้ว/);
    assert.match((await kk.get("/officer/line")).text, /เชื่อมแล้ว รับแจ้งเตือน/);
    await kk.post("/officer/line/mute", { muted: "1" });
    assert.equal((await OfficerLine.findOne({ lineUserId: user }).lean())?.muted, true);
  });
});
