import { withoutJoiners } from "../../flex-messages/components.flex";
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId } from "../../src/dev/line-emulator";
import { Complaint } from "../../src/models/complaint.model";
import { FlowState } from "../../src/models/flow-state.model";
import { startHarness, type Harness } from "../helpers/harness";
import { buttonData, chips, codeIn, fileComplaint, gist, gists, jpeg, say, sendImage, sendLocation, tap } from "./complaint-driver";

// The guided complaint end to end: signed webhooks → inbox → flow → the test database
// (GridFS for photos) → replies checked by the LINE emulator.
let h: Harness;
before(async () => {
  h = await startHarness("complaint-flow");
});
after(async () => h.close());
beforeEach(() => h.line.reset());

describe("the whole complaint flow", () => {
  test("photos sent as an imageSet and a shared location end in one complaint with a receipt", async () => {
    const user = makeUserId("flow-full");
    let out = await tap(h, user, "a=complaint.start");
    assert.match(gist(out[0]!), /เลือกประเภท/);
    out = await tap(h, user, "a=complaint.category&c=procurement");
    assert.match(gist(out.at(-1)!), /เล่าเหตุการณ์/);
    out = await say(h, user, "ถนนในหมู่บ้านสร้างเสร็จไม่ถึงครึ่ง");
    assert.match(gist(out[0]!), /รับข้อความแล้ว/);
    await say(h, user, "แต่ป้ายบอกว่างบ 2 ล้านบาท 😡");
    out = await say(h, user, "เสร็จ");
    assert.match(gist(out.at(-1)!), /ผู้ที่เกี่ยวข้อง/);
    out = await say(h, user, "ผู้รับเหมาและกรรมการตรวจรับ อบต.");
    assert.match(gist(out.at(-1)!), /ที่ไหน/);
    assert.ok(chips(out).some((a) => a.type === "location"), "the where step offers the LINE location action");
    out = await sendLocation(h, user, { latitude: 16.7, longitude: 102.1, title: "ถนนสายบ้านหนองไผ่", address: "ต.ชุมแพ อ.ชุมแพ จ.ขอนแก่น 40130" });
    assert.match(gist(out.at(-1)!), /หมู่ที่เท่าไร/, "district and tambon came from the address; the village is asked");
    out = await say(h, user, "หมู่ 5");
    assert.match(gist(out.at(-1)!), /เมื่อไร/);
    assert.ok(chips(out).some((a) => a.type === "datetimepicker"));
    out = await tap(h, user, "a=complaint.when", { date: "2026-10-01" });
    assert.match(gist(out[0]!), /วันที่เกิดเหตุการณ์: 1 (ต\.ค\.|ตุลาคม) 2569/, "the picked date is said back");
    assert.match(gist(out.at(-1)!), /รูปถ่ายหลักฐาน/);
    assert.deepEqual(chips(out).slice(0, 2).map((a) => a.type), ["camera", "cameraRoll"]);

    const set = { id: "SET-1", total: 3 };
    for (let i = 1; i <= 3; i++) h.line.putContent(`img-full-${i}`, { contentType: "image/jpeg", body: jpeg(4000 + i) });
    const quiet1 = await sendImage(h, user, { messageId: "img-full-1", imageSet: { ...set, index: 1 } });
    const quiet2 = await sendImage(h, user, { messageId: "img-full-2", imageSet: { ...set, index: 2 } });
    assert.equal(quiet1.length + quiet2.length, 0, "no answer until the last photo of the set");
    out = await sendImage(h, user, { messageId: "img-full-3", imageSet: { ...set, index: 3 } });
    assert.equal(out.length, 1, "a short answer, not the whole evidence question again");
    assert.match(gist(out[0]!), /ได้รับ 3 รูปแล้วค่ะ \(มี 3\/5 รูป\)/);
    assert.deepEqual(chips(out).map((a) => a.label), ["ส่งรูปเพิ่ม", "ถ่ายรูป", "ถัดไป", "ยกเลิก"]);
    out = await say(h, user, "ถัดไป");
    assert.match(gist(out.at(-1)!), /เปิดเผยตัวตน/);
    out = await tap(h, user, "a=complaint.identity&v=named");
    out = await say(h, user, "สมศรี มีสุข");
    out = await say(h, user, "08-1234-5678");
    assert.equal(out.length, 1, gists(out));
    assert.match(gist(out[0]!), /ตรวจสอบเรื่องร้องเรียนก่อนส่ง/);
    const review = withoutJoiners(JSON.stringify(out[0]));
    assert.match(review, /หมู่ 5 ต\.ชุมแพ อ\.ชุมแพ/);
    assert.match(review, /3 รูป/);
    assert.match(review, /08x-xxx-5678/, "the phone is masked in the chat");
    assert.match(review, /เจ้าหน้าที่อำเภอชุมแพ/);

    out = await tap(h, user, buttonData(out[0]!, /ยืนยันส่งเรื่อง/));
    assert.match(gist(out[0]!), /ส่งเรื่องเรียบร้อยแล้ว/);
    const code = codeIn(out);
    const c = await Complaint.findOne({ trackingCode: code });
    assert.ok(c);
    assert.equal(c.category, "procurement");
    assert.equal(c.what, "ถนนในหมู่บ้านสร้างเสร็จไม่ถึงครึ่ง\nแต่ป้ายบอกว่างบ 2 ล้านบาท 😡");
    assert.equal(c.where?.districtCode, "4005");
    assert.equal(c.where?.villageNo, 5);
    assert.equal(c.where?.location?.latitude, 16.7);
    assert.equal(c.when?.date, "2026-10-01");
    assert.equal(c.evidence.length, 3);
    assert.deepEqual({ level: c.routedTo?.level, districtCode: c.routedTo?.districtCode, reason: c.routedTo?.reason }, { level: "district", districtCode: "4005", reason: undefined });
    assert.equal(c.anonymous, false);
    const files = await mongoose.connection.collection("evidence.files").find({ "metadata.complaintId": c._id }).toArray();
    assert.equal(files.length, 3, "the photos are in GridFS and attached to the complaint");
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0, "the flow ended");
  });

  test("a double tap on confirm files one complaint, and the late tap shows the same receipt", async () => {
    const user = makeUserId("flow-double");
    await tap(h, user, "a=complaint.start");
    await tap(h, user, "a=complaint.category&c=bribe");
    await say(h, user, "ตำรวจเรียกเงินค่าปรับโดยไม่ออกใบเสร็จ");
    await say(h, user, "เสร็จ");
    await say(h, user, "ข้าม");
    await say(h, user, "ไม่ทราบ");
    await say(h, user, "ไม่แน่ใจ");
    await say(h, user, "ถัดไป");
    const review = (await tap(h, user, "a=complaint.identity&v=anonymous")).at(-1)!;
    const confirm = buttonData(review, /ยืนยันส่งเรื่อง/);
    const out = await tap(h, user, confirm);
    const again = await tap(h, user, confirm);
    assert.equal(await Complaint.countDocuments({ draftId: new URLSearchParams(confirm).get("d") }), 1);
    assert.match(gist(again[0]!), /ส่งไปแล้ว/);
    assert.equal(codeIn(again), codeIn(out));
    const c = await Complaint.findOne({ trackingCode: codeIn(out) });
    assert.deepEqual({ level: c!.routedTo!.level, districtCode: c!.routedTo!.districtCode }, { level: "province", districtCode: undefined }, "no district: the province routes it");
  });

  test("a complaint naming the นายอำเภอ is flagged for the province, not the district", async () => {
    const user = makeUserId("flow-province");
    const out = await fileComplaint(h, user, { what: "นายอำเภอเรียกเงินค่าเซ็นเอกสารที่ดิน 20,000 บาท", district: "ชุมแพ" });
    const c = await Complaint.findOne({ trackingCode: codeIn(out) });
    assert.equal(c!.routedTo!.level, "province");
    assert.equal(c!.routedTo!.districtCode, "4005");
    assert.match(c!.routedTo!.reason ?? "", /นายอำเภอ/);
    assert.match(JSON.stringify(out), /ระดับจังหวัด/);
  });
});

describe("cancel, resume, edit", () => {
  test("ยกเลิก at any step ends the flow and deletes the draft's photos", async () => {
    const user = makeUserId("flow-cancel");
    await tap(h, user, "a=complaint.start");
    await tap(h, user, "a=complaint.category&c=bribe");
    h.line.putContent("img-cancel", { contentType: "image/jpeg", body: jpeg() });
    const got = await sendImage(h, user, { messageId: "img-cancel" });
    assert.match(gists(got), /ได้รับรูปแล้ว/);
    assert.equal(await mongoose.connection.collection("evidence.files").countDocuments({ "metadata.messageId": "img-cancel" }), 1);
    const out = await say(h, user, "ยกเลิก");
    assert.match(gist(out[0]!), /ยกเลิกการแจ้งเรื่องแล้ว/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
    assert.equal(await mongoose.connection.collection("evidence.files").countDocuments({ "metadata.messageId": "img-cancel" }), 0);
  });

  test("a topic question mid-flow is answered, the flow waits, and ทำรายการต่อ shows the pending step", async () => {
    const user = makeUserId("flow-resume");
    await tap(h, user, "a=complaint.start");
    await tap(h, user, "a=complaint.category&c=bribe");
    await say(h, user, "ครูใหญ่เรียกเงินแป๊ะเจี๊ยะ 5,000 บาท");
    await say(h, user, "เสร็จ");
    await say(h, user, "ข้าม");
    const out = await say(h, user, "ไม่รับ ไม่ให้ คืออะไร");
    assert.equal(out.length, 2, gists(out));
    assert.match(gist(out[0]!), /ทำรายการต่อ/);
    assert.match(gist(out[1]!), /No Gift|ไม่รับ/);
    const state = await FlowState.findOne({ chatKey: h.chatKey(user) });
    assert.equal(state?.step, "where", "the flow stays on its step");
    const resumed = await tap(h, user, buttonData(out[0]!, /ทำรายการต่อ/));
    assert.match(gist(resumed.at(-1)!), /ที่ไหน/);
    const typed = await say(h, user, "ทำรายการต่อ");
    assert.match(gist(typed.at(-1)!), /ที่ไหน/);
    const tracking = await say(h, user, "ติดตามเรื่อง");
    assert.equal(tracking.length, 2, gists(tracking));
    assert.match(gist(tracking[1]!), /ยังไม่มีเรื่อง/, "following a case works in the middle of a report");
    const again = await say(h, user, "แจ้งเรื่อง");
    assert.match(gists(again), /กำลังแจ้งเรื่องอยู่.*ที่ไหน/s, "starting again offers the pending step");
    assert.equal((await FlowState.findOne({ chatKey: h.chatKey(user) }))?.step, "where");
  });

  test("editing a section from the review returns to the review", async () => {
    const user = makeUserId("flow-edit");
    await tap(h, user, "a=complaint.start");
    await tap(h, user, "a=complaint.category&c=other");
    await say(h, user, "มีการเก็บเงินค่าส่วนกลางแต่ไม่มีบัญชี");
    await say(h, user, "เสร็จ");
    await say(h, user, "ข้าม");
    await say(h, user, "บ้านไผ่");
    await say(h, user, "ข้าม");
    await say(h, user, "ไม่แน่ใจ");
    await say(h, user, "ถัดไป");
    await tap(h, user, "a=complaint.identity&v=anonymous");
    let out = await tap(h, user, "a=complaint.edit&s=who");
    assert.match(gist(out.at(-1)!), /ผู้ที่เกี่ยวข้อง/);
    out = await say(h, user, "เหรัญญิกกองทุนหมู่บ้าน");
    assert.match(gist(out.at(-1)!), /ตรวจสอบเรื่องร้องเรียนก่อนส่ง/);
    assert.match(JSON.stringify(out.at(-1)), /เหรัญญิกกองทุนหมู่บ้าน/);
  });
});
