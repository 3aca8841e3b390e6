import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { Member } from "../../src/models/member.model";
import { issueHeadmanCode } from "../../src/services/headman.service";
import { startHarness, type Harness } from "../helpers/harness";
import { IN_MUEANG_5, bkk, createTestMeeting, settableClock, villageMeeting } from "./reminder-fixtures";

// Headmen register with a one-time code from the district; residents opt in to
// meeting reminders; "ประชุมครั้งต่อไป" shows the next meeting. All through signed webhooks.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
before(async () => {
  h = await startHarness("meeting-headman", { now: clock.now });
});
after(async () => h.close());
beforeEach(() => {
  h.line.reset();
  clock.set(bkk("2026-12-01T10:00:00"));
});

type Msg = { type: string; text?: string; altText?: string; contents?: unknown };
async function say(user: string, text: string): Promise<Msg> {
  const before = h.line.messagesTo(user).length;
  await h.line.sendWebhook([h.line.events.text(user, text)]);
  await h.settle();
  const msgs = h.line.messagesTo(user) as Msg[];
  assert.equal(msgs.length, before + 1, `one answer to "${text}"`);
  return msgs.at(-1)!;
}
const code = (role: "headman" | "kamnan" = "headman", ttlDays?: number) => issueHeadmanCode({ village: IN_MUEANG_5, role, now: clock.now(), ttlDays });

describe("headman registration", () => {
  test("a good code, in the same message or the next, makes the sender the village's headman", async () => {
    const a = makeUserId("headman-a");
    const c = await code();
    assert.match(c.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const reply = await say(a, `ลงทะเบียนผู้ใหญ่บ้าน ${c.code.toLowerCase()}`);
    assert.match(reply.text!, /ลงทะเบียนเป็นผู้ใหญ่บ้าน หมู่ 5 ต\.ในเมือง เรียบร้อยแล้วค่ะ/);
    const m = await Member.findOne({ lineUserId: a });
    assert.equal(m!.role, "headman");
    assert.deepEqual({ districtCode: m!.village!.districtCode, tambonCode: m!.village!.tambonCode, villageNo: m!.village!.villageNo }, IN_MUEANG_5);

    const b = makeUserId("headman-b");
    const c2 = await code();
    assert.match((await say(b, "ลงทะเบียนผู้ใหญ่บ้าน")).text!, /รหัสลงทะเบียน 8 ตัว/);
    assert.match((await say(b, c2.code.replace("-", " "))).text!, /ผู้ใหญ่บ้าน หมู่ 5/);
    // One headman per village: the newer code wins, the earlier headman becomes a resident.
    assert.equal((await Member.findOne({ lineUserId: b }))!.role, "headman");
    assert.equal((await Member.findOne({ lineUserId: a }))!.role, "resident");
  });

  test("a kamnan code covers the tambon", async () => {
    const k = makeUserId("kamnan");
    const c = await code("kamnan");
    assert.match((await say(k, `ลงทะเบียนกำนัน ${c.code}`)).text!, /ลงทะเบียนเป็นกำนัน ต\.ในเมือง/);
    assert.equal((await Member.findOne({ lineUserId: k }))!.role, "kamnan");
  });

  test("an expired code and a used code are refused; the role does not change", async () => {
    const old = await code("headman", 7);
    clock.set(bkk("2026-12-08T10:00:01"));
    const late = makeUserId("late");
    assert.match((await say(late, `ลงทะเบียนผู้ใหญ่บ้าน ${old.code}`)).text!, /หมดอายุ/);
    assert.equal((await Member.findOne({ lineUserId: late }))?.role ?? "resident", "resident");

    const fresh = await code();
    const first = makeUserId("first");
    const second = makeUserId("second");
    assert.match((await say(first, `ลงทะเบียนผู้ใหญ่บ้าน ${fresh.code}`)).text!, /เรียบร้อยแล้ว/);
    assert.match((await say(second, `ลงทะเบียนผู้ใหญ่บ้าน ${fresh.code}`)).text!, /ถูกใช้ลงทะเบียนไปแล้ว/);
    assert.equal((await Member.findOne({ lineUserId: second }))?.role ?? "resident", "resident");
    assert.match((await say(first, `ลงทะเบียนผู้ใหญ่บ้าน ${fresh.code}`)).text!, /เรียบร้อยแล้ว/, "the owner repeating it is fine");
  });

  test("guessing: 5 wrong codes in an hour lock the user out politely, even for a right code, until the hour passes", async () => {
    const guesser = makeUserId("guesser");
    for (const g of ["AAAA-AAAA", "CDEF-GHJK", "KQ7M-3XTA", "2345-6792", "XXXX-YYYY"]) {
      assert.match((await say(guesser, `ลงทะเบียนผู้ใหญ่บ้าน ${g}`)).text!, /ไม่พบรหัสนี้/);
    }
    const right = await code();
    assert.match((await say(guesser, `ลงทะเบียนผู้ใหญ่บ้าน ${right.code}`)).text!, /หลายครั้งเกินไป/);
    assert.equal((await Member.findOne({ lineUserId: guesser }))?.role ?? "resident", "resident");
    clock.set(bkk("2026-12-01T11:00:01"));
    assert.match((await say(guesser, `ลงทะเบียนผู้ใหญ่บ้าน ${right.code}`)).text!, /เรียบร้อยแล้ว/);
  });
});

describe("reminder opt-in and the next meeting", () => {
  test("a resident without a village is asked for it, opts in, and sees the next meeting", async () => {
    await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "nth:2:tue@13:30", { place: "ศาลาประชาคมบ้านโนนทัน" }), clock.now());
    const r = makeUserId("resident");
    assert.match((await say(r, "ประชุมครั้งต่อไป")).text!, /ยังไม่ทราบหมู่บ้าน/);
    assert.match((await say(r, "แจ้งเตือนประชุม")).text!, /อำเภอใด/);
    assert.match((await say(r, "อ.เมือง")).text!, /ตำบลอะไร/);
    assert.match((await say(r, "ในเมือง")).text!, /หมู่ที่เท่าไร/);
    assert.match((await say(r, "หมู่ 5 ค่ะ")).text!, /เปิดแจ้งเตือนการประชุมของ หมู่ 5 ต\.ในเมือง/);
    const m = await Member.findOne({ lineUserId: r });
    assert.equal(m!.meetingReminders, true);
    assert.equal(m!.village!.tambonCode, "400101");

    const next = await say(r, "ประชุมครั้งต่อไป");
    assert.equal(next.type, "flex");
    // 2nd Tuesday of December 2026 is the 8th.
    assert.match(next.altText!, /ประชุมครั้งต่อไป: ประชุมประจำเดือนหมู่บ้าน วันอังคารที่ 8 ธันวาคม พ\.ศ\. 2569 เวลา 13:30 น\. ณ ศาลาประชาคมบ้านโนนทัน/);
    assert.match(JSON.stringify(next.contents), /ทุกวันอังคารที่ 2 ของเดือน/);
    assert.ok(h.line.requests.filter((q) => q.endpoint === "reply").every((q) => q.status === 200), "schema-valid replies");

    assert.match((await say(r, "ยกเลิกแจ้งเตือนประชุม")).text!, /ปิดแจ้งเตือนการประชุมแล้ว/);
    assert.equal((await Member.findOne({ lineUserId: r }))!.meetingReminders, false);
  });
});
