import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { Complaint } from "../../src/models/complaint.model";
import { FlowState } from "../../src/models/flow-state.model";
import { startHarness, type Harness } from "../helpers/harness";
import { buttonData, gist, gists, say, tap } from "./complaint-driver";

// Issue 19 end to end: a wrongdoing stated as a fact gets one offer message; "แจ้งเรื่องนี้"
// starts the complaint with the message already in "what happened", nothing is stored as a
// complaint before the reporter confirms; "แค่สอบถาม" ends it; a greeting gets a greeting
// by name, then the menu.
let h: Harness;
before(async () => {
  h = await startHarness("intent-offer");
});
after(async () => h.close());
beforeEach(() => h.line.reset());

const REPORT = "เจ้าหน้าที่ อบต. เรียกเงินสามพันบาทก่อนจะออกใบอนุญาตให้ร้านของแม่ค่ะ";

describe("a report-shaped message", () => {
  test("gets one offer; starting it carries the message into 'what happened', and nothing is stored until confirmed", async () => {
    const user = makeUserId("offer-start");
    const offer = await say(h, user, REPORT);
    assert.equal(offer.length, 1, gists(offer));
    assert.match(gist(offer[0]!), /ฟังดูเหมือนการแจ้ง/);
    assert.ok(JSON.stringify(offer[0]).includes("เรียกเงินสามพันบาท"), "the message is quoted back");
    assert.equal(await Complaint.countDocuments({}), 0);

    let out = await tap(h, user, buttonData(offer[0]!, /แจ้งเรื่องนี้/));
    assert.match(gists(out), /ส่วนแรกของรายละเอียด/);
    assert.match(gist(out.at(-1)!), /เลือกประเภท/);
    out = await tap(h, user, "a=complaint.category&c=bribe");
    assert.match(gist(out.at(-1)!), /รับข้อความแล้ว/, "the what step already holds the words");
    out = await say(h, user, "เสร็จ");
    assert.match(gist(out.at(-1)!), /ผู้ที่เกี่ยวข้อง/, "the carried words were long enough to go on");
    const flow = await FlowState.findOne({ chatKey: h.chatKey(user) }).lean();
    assert.equal((flow!.data as { what: string }).what, REPORT);
    assert.equal(await Complaint.countDocuments({}), 0, "a draft is not a complaint");
  });

  test("'just asking' ends the offer politely, and the words are not kept", async () => {
    const user = makeUserId("offer-decline");
    const [offer] = await say(h, user, REPORT);
    const out = await tap(h, user, buttonData(offer!, /แค่สอบถามเฉย ๆ/));
    assert.match(gist(out[0]!), /รับทราบค่ะ ยังไม่ได้บันทึก/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
  });

  test("any other message lets the offer lapse and is answered as usual", async () => {
    const user = makeUserId("offer-other");
    await say(h, user, REPORT);
    const out = await say(h, user, "เมนู");
    assert.match(gist(out[0]!), /หัวข้อ/);
    const next = await say(h, user, "ITA คืออะไร");
    assert.equal(next.length, 1, gists(next));
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
  });
});

describe("an offer left unanswered", () => {
  test("once expired, it says nothing of itself and the next message is answered as usual", async () => {
    const user = makeUserId("offer-expired");
    await say(h, user, REPORT);
    const res = await FlowState.updateOne({ _id: h.chatKey(user) }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    assert.equal(res.modifiedCount, 1);
    const out = await say(h, user, "ITA คืออะไร");
    assert.equal(out.length, 1, gists(out));
    assert.equal(out[0]!.type, "flex");
    assert.match(gist(out[0]!), /ITA/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
  });
});

describe("a greeting", () => {
  test("is greeted back by name, then shown the menu", async () => {
    const user = makeUserId("greet-named");
    h.line.addUser({ userId: user, displayName: "สมศรี ใจดี", language: "th" });
    const out = await say(h, user, "สวัสดีครับ");
    assert.equal(out.length, 2, gists(out));
    assert.match(gist(out[0]!), /^สวัสดีค่ะ คุณสมศรี ใจดี/);
    assert.match(gist(out[1]!), /หัวข้อ/);
  });

  test("without a readable profile, is greeted without a name", async () => {
    const out = await say(h, makeUserId("greet-anon"), "หวัดดีจ้า");
    assert.match(gist(out[0]!), /^สวัสดีค่ะ 🙏/);
  });
});
