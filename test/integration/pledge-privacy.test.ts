import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { FlowState } from "../../src/models/flow-state.model";
import { Member } from "../../src/models/member.model";
import { Pledge } from "../../src/models/pledge.model";
import { readYearTally } from "../../src/services/pledge-tally.service";
import { registerDeletionHook, type DeletionSubject } from "../../src/services/privacy.service";
import { startHarness, type Harness } from "../helpers/harness";
import { certificateNumber, gist, isCertificate, say, tap } from "./pledge-helpers";

// Withdrawal ("ถอนการประกาศ") and data deletion ("ลบข้อมูลของฉัน"): the person's link to
// a pledge goes, the anonymous count stays.
const clock = new Date("2027-03-01T03:00:00Z"); // fiscal year 2570
const YEAR = 2570;
let h: Harness;
before(async () => {
  h = await startHarness("pledge-privacy", { now: () => clock });
});
after(async () => h.close());

async function pledged(label: string, village = { districtCode: "4016", tambonCode: "401601", villageNo: 5 }) {
  const user = makeUserId(label);
  h.line.addUser({ userId: user, displayName: `ผู้ใช้ ${label}` });
  await Member.create({ lineUserId: user, displayName: `ผู้ใช้ ${label}`, village });
  await say(h, user, "ประกาศเจตนารมณ์");
  const [cert] = await tap(h, user, "a=pledge.confirm");
  assert.ok(isCertificate(cert!));
  const member = await Member.findOne({ lineUserId: user }).lean();
  return { user, memberId: member!._id, number: certificateNumber(cert!) };
}

describe("withdrawal", () => {
  test("ถอนการประกาศ asks first, withdraws once, lowers the counts; pledging again brings back the same number", async () => {
    const { user, memberId, number } = await pledged("withdraw");
    const before = await readYearTally(YEAR);
    const [prompt] = await say(h, user, "ถอนการประกาศ");
    assert.match(gist(prompt!), /ต้องการถอนการประกาศเจตนารมณ์ปีงบประมาณ 2570 ใช่ไหมคะ/);
    const [kept] = await tap(h, user, "a=pledge.withdrawKeep");
    assert.match(gist(kept!), /ยังอยู่เหมือนเดิม/);
    assert.equal((await Pledge.findOne({ memberId }).lean())!.status, "active");

    const [done] = await tap(h, user, `a=pledge.withdrawConfirm&y=${YEAR}`);
    assert.match(gist(done!), /ถอนการประกาศเจตนารมณ์ปีงบประมาณ 2570 เรียบร้อยแล้ว/);
    await tap(h, user, `a=pledge.withdrawConfirm&y=${YEAR}`); // a double tap changes nothing more
    const stored = await Pledge.findOne({ memberId }).lean();
    assert.equal(stored!.status, "withdrawn");
    const after = await readYearTally(YEAR);
    assert.deepEqual([after.total, after.districts["4016"]], [before.total - 1, (before.districts["4016"] ?? 0) - 1]);

    const [notPledged] = await say(h, user, "ใบประกาศ");
    assert.match(gist(notPledged!), /ยังไม่ได้ประกาศเจตนารมณ์/);
    const [noWithdraw] = await say(h, user, "ถอนการประกาศ");
    assert.match(gist(noWithdraw!), /ยังไม่ได้ประกาศเจตนารมณ์/);

    await say(h, user, "ประกาศเจตนารมณ์");
    const [again] = await tap(h, user, "a=pledge.confirm");
    assert.equal(certificateNumber(again!), number, "a renewed pledge keeps its number");
    assert.equal((await readYearTally(YEAR)).total, before.total);
    assert.equal(await Pledge.countDocuments({ memberId }), 1);
  });
});

describe("deletion", () => {
  test("ลบข้อมูลของฉัน → confirm: hooks run, the pledge loses its person but still counts, name and village are cleared", async () => {
    const seen: DeletionSubject[] = [];
    const unregister = registerDeletionHook(async (s) => {
      seen.push(s);
      return "เรื่องร้องเรียน: ลบตัวตนผู้แจ้งแล้ว";
    }, "test-complaints");
    try {
      const { user, memberId } = await pledged("delete", { districtCode: "4003", tambonCode: "400301", villageNo: 2 });
      const before = await readYearTally(YEAR);
      const [prompt] = await say(h, user, "ลบข้อมูลของฉัน");
      assert.match(gist(prompt!), /ท่านต้องการลบข้อมูลของท่านใช่ไหมคะ/);
      assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user), flowId: "privacy-delete" }), 1);
      const [done] = await tap(h, user, "a=privacy.deleteConfirm");
      assert.match(gist(done!), /ลบข้อมูลของท่านเรียบร้อยแล้ว/);
      assert.match(gist(done!), /เรื่องร้องเรียน: ลบตัวตนผู้แจ้งแล้ว/);

      assert.equal(seen.length, 1);
      assert.equal(seen[0]!.lineUserId, user);
      assert.equal(String(seen[0]!.memberId), String(memberId));
      assert.equal(await Pledge.countDocuments({ memberId }), 0, "no pledge points to the member any more");
      const anon = await Pledge.find({ districtCode: "4003", campaignYear: YEAR }).lean();
      assert.equal(anon.length, 1);
      assert.match(anon[0]!._id, /^2570:x:/);
      assert.deepEqual([anon[0]!.memberId, anon[0]!.number, anon[0]!.pledgedAt, anon[0]!.status, anon[0]!.villageNo], [undefined, undefined, undefined, "active", 2]);
      assert.deepEqual((await readYearTally(YEAR)).districts, before.districts, "the counts are unchanged");

      const member = await Member.findOne({ lineUserId: user }).lean();
      assert.equal(member!.displayName, undefined);
      assert.equal(member!.village, undefined);
      const [restart] = (await say(h, user, "ประกาศเจตนารมณ์")).slice(1);
      assert.match(gist(restart!), /อำเภอไหน/, "without a village the questions are asked again");
    } finally {
      unregister();
    }
  });

  test("the confirmation is needed: other text drops the request, and an old confirm button deletes nothing", async () => {
    const { user, memberId } = await pledged("keep-data", { districtCode: "4021", tambonCode: "402101", villageNo: 1 });
    await say(h, user, "ลบข้อมูลของฉัน");
    const [other] = await say(h, user, "ประกาศเจตนารมณ์");
    assert.ok(isCertificate(other!), "the text is answered as usual");
    const [late] = await tap(h, user, "a=privacy.deleteConfirm");
    assert.match(gist(late!), /ปุ่มนี้หมดอายุแล้ว/);
    assert.equal(await Pledge.countDocuments({ memberId }), 1);
    await say(h, user, "ลบข้อมูลของฉัน");
    const [kept] = await tap(h, user, "a=privacy.keep");
    assert.match(gist(kept!), /ไม่ได้ลบข้อมูล/);
    assert.equal((await Member.findOne({ lineUserId: user }).lean())!.village?.districtCode, "4021");
  });
});
