import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { FlowState } from "../../src/models/flow-state.model";
import { Member } from "../../src/models/member.model";
import { Pledge } from "../../src/models/pledge.model";
import { startHarness, type Harness } from "../helpers/harness";
import { assertValidForLine, certificateNumber, flexText, gist, isCertificate, say, tap } from "./pledge-helpers";

// The pledge conversation end to end: signed webhooks → the test database → replies at the
// emulator. The clock is injected: 26 Nov 2026 10:00 in Bangkok, fiscal year 2570.
let clock = new Date("2026-11-26T03:00:00Z");
let h: Harness;
before(async () => {
  h = await startHarness("pledge-flow", { now: () => clock });
});
after(async () => h.close());
beforeEach(() => {
  clock = new Date("2026-11-26T03:00:00Z");
  h.line.reset();
});

describe("pledge flow", () => {
  test("buttons all the way: intro, district, tambon, village, confirm, certificate; a second attempt shows the same certificate", async () => {
    const user = makeUserId("pledge-full");
    h.line.addUser({ userId: user, displayName: "สมชาย ใจดี" });
    const start = await say(h, user, "ประกาศเจตนารมณ์");
    assert.deepEqual(start.map((m) => m.type), ["flex", "flex"]);
    assert.match(gist(start[0]!), /ข้าพเจ้าขอประกาศเจตนารมณ์/);
    assert.match(gist(start[1]!), /อำเภอไหน/);
    assert.equal((flexText(start[1]!).match(/a=pledge\.district&d=/g) ?? []).length, 26);
    assertValidForLine(start);

    const tambons = await tap(h, user, "a=pledge.district&d=4005");
    assert.match(gist(tambons[0]!), /อำเภอชุมแพ ท่านอยู่ตำบลไหน/);
    assert.equal((flexText(tambons[0]!).match(/a=pledge\.tambon&t=4005/g) ?? []).length, 12);

    const village = await tap(h, user, "a=pledge.tambon&t=400506");
    assert.match(gist(village[0]!), /ตำบลหนองไผ่ อำเภอชุมแพ/);
    assert.equal(village[0]!.quickReply?.items?.length, 13);

    const confirm = await say(h, user, "หมู่ 7 ค่ะ");
    assert.match(gist(confirm[0]!), /ยืนยันการประกาศเจตนารมณ์ ไม่รับ ไม่ให้ หมู่ที่ 7 ต.หนองไผ่ อ.ชุมแพ/);
    assert.equal(await Pledge.countDocuments(), 0, "nothing is stored before the confirm step");

    const done = await tap(h, user, "a=pledge.confirm");
    assert.equal(done.length, 1);
    const cert = done[0]!;
    assert.ok(isCertificate(cert));
    assertValidForLine(done);
    const json = flexText(cert);
    assert.match(json, /คุณสมชาย ใจดี/);
    assert.match(json, /26 พฤศจิกายน 2569/, "the date is in the Buddhist Era, Bangkok time");
    assert.match(json, /ปีงบประมาณ 2570/, "November is in the next fiscal year");
    assert.match(json, /ชาวอำเภอชุมแพร่วมประกาศผ่าน LINE แล้ว 1 คน/);
    assert.match(json, /https:\/\/line\.me\/R\/share\?text=/);
    assert.equal(certificateNumber(cert), 1);

    const member = await Member.findOne({ lineUserId: user }).lean();
    const stored = await Pledge.findOne({ memberId: member!._id }).lean();
    assert.deepEqual(
      { year: stored!.campaignYear, n: stored!.number, d: stored!.districtCode, t: stored!.tambonCode, v: stored!.villageNo, s: stored!.status },
      { year: 2570, n: 1, d: "4005", t: "400506", v: 7, s: "active" },
    );
    assert.deepEqual(member!.village, { districtCode: "4005", tambonCode: "400506", villageNo: 7 }, "the village is remembered");
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0, "the flow has ended");

    const again = await say(h, user, "ประกาศเจตนารมณ์");
    assert.equal(again.length, 1);
    assert.ok(isCertificate(again[0]!));
    assert.match(flexText(again[0]!), /ท่านประกาศเจตนารมณ์ในปีงบประมาณนี้แล้ว/);
    assert.equal(certificateNumber(again[0]!), 1);
    assert.equal(await Pledge.countDocuments({ memberId: member!._id }), 1);
  });

  test("a member whose village is known skips the questions; without profile permission the certificate has no name", async () => {
    const user = makeUserId("pledge-known");
    await Member.create({ lineUserId: user, village: { districtCode: "4001", tambonCode: "400101", villageNo: 3 } });
    const start = await say(h, user, "ปฏิญาณ");
    assert.equal(start.length, 2);
    assert.match(gist(start[1]!), /ยืนยันการประกาศเจตนารมณ์ .* หมู่ที่ 3 ต\.ในเมือง อ\.เมืองขอนแก่น/);
    assert.match(flexText(start[1]!), /ใช้หมู่บ้านที่ท่านเคยแจ้งไว้/);
    const done = await tap(h, user, "a=pledge.confirm");
    assert.ok(isCertificate(done[0]!));
    assert.match(flexText(done[0]!), /ผู้ร่วมประกาศเจตนารมณ์/, "profile 404: a neutral title instead of a name");
  });

  test("typed names: a district variant, a typo to confirm, several candidates, an unknown place; then a typed tambon and a Thai-digit village", async () => {
    const user = makeUserId("pledge-typed");
    await say(h, user, "ประกาศเจตนารมณ์");
    const unknown = await say(h, user, "กรุงเทพ");
    assert.match(gist(unknown[0]!), /ไม่พบชื่ออำเภอนี้/);
    assert.match(gist(unknown[1]!), /อำเภอไหน/, "the list is shown again");

    const many = await say(h, user, "ภู");
    const offered = many[0]!.quickReply!.items!.map((i) => (i.action as { data?: string }).data).filter(Boolean);
    assert.ok(offered.includes("a=pledge.district&d=4020") && offered.includes("a=pledge.district&d=4016"));

    const typo = await say(h, user, "ชุมแผ");
    assert.match(gist(typo[0]!), /หมายถึงอำเภอชุมแพ ใช่ไหมคะ/);
    const yes = typo[0]!.quickReply!.items![0]!.action as { data: string };
    assert.equal(yes.data, "a=pledge.district&d=4005");

    const variant = await say(h, user, "อ.โคกโพธิ์ชัย");
    assert.match(gist(variant[0]!), /อำเภอโคกโพธิ์ไชย ท่านอยู่ตำบลไหน/, "ไชย/ชัย and the อ. prefix are understood");
    await say(h, user, "ยกเลิก");

    await say(h, user, "ประกาศเจตนารมณ์");
    const muang = await say(h, user, "Muang");
    assert.match(gist(muang[0]!), /อำเภอเมืองขอนแก่น/);
    const tambon = await say(h, user, "ต.ในเมือง");
    assert.match(gist(tambon[0]!), /ตำบลในเมือง อำเภอเมืองขอนแก่น/);
    const bad = await say(h, user, "บ้านเลขที่ 99/1");
    assert.match(gist(bad[0]!), /กรุณาพิมพ์หมู่ที่เป็นตัวเลข/);
    const confirm = await say(h, user, "ม.๑๒");
    assert.match(gist(confirm[0]!), /หมู่ที่ 12 ต\.ในเมือง อ\.เมืองขอนแก่น/);
    const done = await say(h, user, "ยืนยัน");
    assert.ok(isCertificate(done[0]!));
  });

  test("ยกเลิก at any step ends the flow without a pledge, and the old confirm button no longer commits", async () => {
    const user = makeUserId("pledge-cancel");
    await Member.create({ lineUserId: user, village: { districtCode: "4010", tambonCode: "401001", villageNo: 2 } });
    await say(h, user, "ประกาศเจตนารมณ์");
    const cancelled = await say(h, user, "ยกเลิก");
    assert.match(gist(cancelled[0]!), /ยกเลิกการประกาศเจตนารมณ์แล้ว/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
    const stale = await tap(h, user, "a=pledge.confirm");
    assert.match(gist(stale[0]!), /ปุ่มนี้ใช้ไม่ได้แล้ว/);
    const member = await Member.findOne({ lineUserId: user }).lean();
    assert.equal(await Pledge.countDocuments({ memberId: member!._id }), 0);

    await say(h, user, "ประกาศเจตนารมณ์");
    await tap(h, user, "a=pledge.change");
    await tap(h, user, "a=pledge.district&d=4010");
    const midway = await tap(h, user, "a=flow.cancel");
    assert.match(gist(midway[0]!), /ยกเลิกการประกาศเจตนารมณ์แล้ว/);
  });

  test("an expired flow says so politely and stores nothing", async () => {
    const user = makeUserId("pledge-expire");
    await say(h, user, "ประกาศเจตนารมณ์");
    await tap(h, user, "a=pledge.district&d=4012");
    clock = new Date(clock.getTime() + 31 * 60_000);
    const late = await tap(h, user, "a=pledge.tambon&t=401201");
    assert.equal(late.length, 1);
    assert.match(gist(late[0]!), /หมดเวลาแล้ว \(เกิน 30 นาที\)/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
    const member = await Member.findOne({ lineUserId: user }).lean();
    assert.equal(await Pledge.countDocuments({ memberId: member!._id }), 0);
  });

  test("in a group chat the bot asks to pledge in the 1:1 chat", async () => {
    const user = makeUserId("pledge-group");
    const ev = h.line.events.text(user, "ประกาศเจตนารมณ์");
    (ev as { source: unknown }).source = { type: "group", groupId: `C${"1".repeat(32)}`, userId: user };
    await h.line.sendWebhook([ev]);
    await h.settle();
    const replies = h.line.requests.filter((r) => r.endpoint === "reply" && r.status === 200);
    assert.equal(replies.length, 1);
    assert.match(JSON.stringify(replies[0]!.body), /แชตส่วนตัวกับสุจริต/);
    assert.equal(await FlowState.countDocuments({ chatKey: { $regex: "^group:" } }), 0, "no flow is started for the group");
  });
});
