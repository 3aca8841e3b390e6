import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../src/errors";
import { AuditLog } from "../../src/models/audit-log.model";
import { Complaint } from "../../src/models/complaint.model";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { submitComplaint } from "../../src/services/complaint.service";
import {
  addInternalNote,
  changeStatus,
  exportComplaintRows,
  getComplaint,
  listComplaints,
  messageReporter,
  openComplaintEvidence,
  revealIdentity,
  type OfficerScope,
} from "../../src/services/complaint-query.service";
import { notifyStatusChange } from "../../src/services/complaint-notify";
import { startHarness, type Harness } from "../helpers/harness";
import { codeIn, fileComplaint, jpeg, say, sendImage, tap, type Msg } from "./complaint-driver";

// The service API of the officer dashboard: scope, filters, the status workflow,
// identity protection and its audit trail, the streamed export.
let h: Harness;
const ALL: OfficerScope = { districts: "all", canSeeIdentity: true };
const KK: OfficerScope = { districts: ["4001"], canSeeIdentity: true };
const KK_NO_ID: OfficerScope = { districts: ["4001"], canSeeIdentity: false };
const CHUMPHAE: OfficerScope = { districts: ["4005"], canSeeIdentity: true };
const me = { kind: "officer" as const, id: "off-7" };
const named = makeUserId("off-named");
const anon = makeUserId("off-anon");
const ids: Record<string, string> = {};

before(async () => {
  h = await startHarness("complaint-officer");
  // Through the chat: a named case in Mueang with a photo, an anonymous one in Chum Phae.
  await tap(h, named, "a=complaint.start");
  await tap(h, named, "a=complaint.category&c=bribe");
  await say(h, named, "เจ้าหน้าที่เทศบาลเรียกเงินค่าใบอนุญาตเพิ่ม 3,000 บาท");
  await say(h, named, "เสร็จ");
  await say(h, named, "เจ้าหน้าที่กองช่าง เทศบาลนครขอนแก่น");
  await say(h, named, "เมืองขอนแก่น");
  await say(h, named, "ในเมือง");
  await say(h, named, "ข้าม");
  await say(h, named, "ไม่แน่ใจ");
  h.line.putContent("off-photo", { contentType: "image/jpeg", body: jpeg(3000) });
  await sendImage(h, named, { messageId: "off-photo" });
  await say(h, named, "ถัดไป");
  await tap(h, named, "a=complaint.identity&v=named");
  await say(h, named, "ประยุทธ์ ซื่อตรง");
  const review = await say(h, named, "0898765432");
  const confirm = JSON.stringify(review.at(-1)).match(/a=complaint\.confirm&d=[0-9a-f-]+/)![0];
  ids.named = String((await Complaint.findOne({ trackingCode: codeIn(await tap(h, named, confirm)) }))!._id);
  ids.anon = String((await Complaint.findOne({ trackingCode: codeIn(await fileComplaint(h, anon, { district: "ชุมแพ", category: "procurement" })) }))!._id);
  // Volume for paging, straight through the service.
  for (let i = 0; i < 23; i++) {
    await submitComplaint(h.bot.deps, {
      draftId: randomUUID(), lineUserId: makeUserId(`off-bulk-${i}`), category: i % 2 ? "abuse_of_power" : "other",
      what: `เรื่องทดสอบจำนวนมากที่ ${i} มีการใช้อำนาจ`, where: { districtCode: "4001" }, when: { unsure: true }, evidence: [], anonymous: true,
    });
  }
});
after(async () => h.close());

const pushesTo = (user: string) => h.line.deliveries.filter((d) => d.to === user && d.via === "push").flatMap((d) => d.messages as Msg[]);

describe("list and get", () => {
  test("a district officer sees only their district's cases; paging and counts per status follow the scope", async () => {
    const page1 = await listComplaints(KK, {}, { page: 1, pageSize: 10 });
    assert.equal(page1.total, 24);
    assert.equal(page1.items.length, 10);
    assert.equal(page1.countsByStatus.received, 24);
    const page3 = await listComplaints(KK, {}, { page: 3, pageSize: 10 });
    assert.equal(page3.items.length, 4);
    assert.ok(!page1.items.concat(page3.items).some((c) => c.id === ids.anon), "a Chum Phae case is out of scope");
    const chumphae = await listComplaints(CHUMPHAE, {});
    assert.deepEqual(chumphae.items.map((c) => c.id), [ids.anon]);
    assert.equal((await listComplaints(ALL, {})).total, 25);
  });

  test("filters: category, status, date range, tracking code (any case), and nothing for a malformed code", async () => {
    assert.equal((await listComplaints(ALL, { category: "abuse_of_power" })).total, 11);
    assert.equal((await listComplaints(ALL, { status: ["resolved"] })).total, 0);
    assert.equal((await listComplaints(ALL, { from: new Date(Date.now() + 3_600_000) })).total, 0);
    const c = await Complaint.findById(ids.named);
    const byCode = await listComplaints(ALL, { code: c!.trackingCode.toLowerCase().replace(/-/g, "") });
    assert.deepEqual(byCode.items.map((x) => x.id), [ids.named]);
    assert.equal((await listComplaints(ALL, { code: '{"$gt":""}' })).total, 0);
    await assert.rejects(listComplaints(ALL, { category: { $ne: "x" } } as never), ValidationError);
    await assert.rejects(listComplaints(ALL, { districtCodes: ["4001", { $gt: "" }] } as never), ValidationError);
  });

  test("get returns the case without any identity, audits the view, and hides out-of-scope cases as not found", async () => {
    const v = await getComplaint(h.bot.deps, KK, me, ids.named);
    assert.equal(v.anonymous, false);
    assert.equal(v.identityAvailable, true);
    assert.equal(v.evidence.length, 1);
    assert.equal(v.where.tambonName, "ในเมือง");
    const json = JSON.stringify(v);
    assert.ok(!json.includes(named) && !json.includes("ประยุทธ์") && !json.includes("0898765432") && !json.includes("v1:k1:") && !json.includes("v2:k1:"), "no identity in the view");
    assert.equal(await AuditLog.countDocuments({ action: "complaint.viewed", complaintId: v.id, "actor.id": "off-7" }), 1);
    await assert.rejects(getComplaint(h.bot.deps, CHUMPHAE, me, ids.named), NotFoundError);
    const photo = await openComplaintEvidence(h.bot.deps, KK, me, ids.named, v.evidence[0]!.fileId);
    const chunks: Buffer[] = [];
    for await (const part of photo.stream) chunks.push(part as Buffer);
    assert.equal(Buffer.concat(chunks).length, photo.size, "the stored (re-encoded) photo whole");
    assert.ok(photo.size > 100);
    await assert.rejects(openComplaintEvidence(h.bot.deps, CHUMPHAE, me, ids.named, v.evidence[0]!.fileId), NotFoundError);
  });
});

describe("identity", () => {
  test("a named reporter's contact is revealed to an allowed role and audited; refusals are audited too", async () => {
    assert.deepEqual(await revealIdentity(h.bot.deps, KK, me, ids.named), { name: "ประยุทธ์ ซื่อตรง", phone: "0898765432" });
    assert.equal(await AuditLog.countDocuments({ action: "complaint.identity_viewed", complaintId: ids.named }), 1);
    await assert.rejects(revealIdentity(h.bot.deps, KK_NO_ID, me, ids.named), ForbiddenError);
    await assert.rejects(revealIdentity(h.bot.deps, ALL, me, ids.anon), ForbiddenError);
    assert.equal(await AuditLog.countDocuments({ action: "complaint.identity_denied" }), 2);
  });

  test("the export streams rows in scope; identity columns only on request, for allowed roles, each audited", async () => {
    const rows = [];
    for await (const r of exportComplaintRows(h.bot.deps, KK, me, {}, { includeIdentity: true })) rows.push(r);
    assert.equal(rows.length, 24);
    const row = rows.find((r) => r.reporterName)!;
    assert.equal(row.reporterPhone, "0898765432");
    assert.equal(rows.filter((r) => r.reporterName).length, 1, "anonymous rows never carry identity");
    assert.equal(await AuditLog.countDocuments({ action: "complaint.identity_viewed", "detail.via": "export" }), 1);
    const plain = [];
    for await (const r of exportComplaintRows(h.bot.deps, KK, me, { category: "bribe" })) plain.push(r);
    assert.equal(plain.length, 1);
    assert.equal(plain[0]!.reporterName, "");
    const denied = exportComplaintRows(h.bot.deps, KK_NO_ID, me, {}, { includeIdentity: true });
    await assert.rejects(denied.next(), ForbiddenError);
  });
});

describe("workflow", () => {
  test("a status change needs a note and an allowed move; referral needs a target; stale writes conflict", async () => {
    const deps = h.bot.deps;
    await assert.rejects(changeStatus(deps, ALL, me, { complaintId: ids.anon, to: "under_review", note: "   " }), ValidationError);
    await assert.rejects(changeStatus(deps, ALL, me, { complaintId: ids.anon, to: "resolved", note: "ปิด" }), ConflictError, "received cannot jump to resolved (a conflict with the case's state: 409)");
    await assert.rejects(changeStatus(deps, ALL, me, { complaintId: ids.anon, to: "referred", note: "ส่งต่อ" }), ValidationError);
    await assert.rejects(changeStatus(deps, ALL, me, { complaintId: ids.anon, to: "under_review", note: "x", expectedStatus: "referred" }), ConflictError);
    const v = await changeStatus(deps, ALL, me, { complaintId: ids.anon, to: "referred", note: "ส่งให้ศูนย์ดำรงธรรมจังหวัด", referredTo: "damrongdham" });
    assert.equal(v.status, "referred");
    assert.equal(v.statusHistory.length, 2);
    await assert.rejects(changeStatus(deps, KK, me, { complaintId: ids.anon, to: "resolved", note: "x" }), NotFoundError, "out of scope");
    await h.settle();
    const pushes = pushesTo(anon);
    assert.equal(pushes.length, 1);
    assert.match(JSON.stringify(pushes[0]), /ศูนย์ดำรงธรรม/);
    // The push is keyed on the change: sending it again delivers nothing new.
    const c = await Complaint.findById(ids.anon);
    await notifyStatusChange(deps, c!, c!.statusHistory[1]!);
    await h.settle();
    assert.equal(pushesTo(anon).length, 1);
    assert.equal(await AuditLog.countDocuments({ action: "complaint.status_changed", complaintId: ids.anon }), 1);
  });

  test("officers changing the same case at once, each from the status their page showed: one wins, the others get a conflict", async () => {
    const deps = h.bot.deps;
    const id = (await listComplaints(KK, { category: "other" }, { pageSize: 1 })).items[0]!.id;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        changeStatus(deps, KK, { kind: "officer", id: `o${i}` }, { complaintId: id, to: i % 2 ? "dismissed" : "under_review", note: `เจ้าหน้าที่คนที่ ${i}`, expectedStatus: "received" }),
      ),
    );
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) if (r.status === "rejected") assert.ok(r.reason instanceof ConflictError, String(r.reason));
    const c = await Complaint.findById(id);
    assert.equal(c!.statusHistory.length, 2, "one change recorded");
    // The loser can act on the new state afterwards.
    const next = c!.status === "under_review" ? "referred" : "under_review";
    await changeStatus(deps, KK, me, { complaintId: id, to: next, note: "ดำเนินการต่อ", referredTo: "nacc" });
  });

  test("concurrent notes and messages on one case are all kept", async () => {
    const deps = h.bot.deps;
    const id = (await listComplaints(KK, { category: "abuse_of_power" }, { pageSize: 1 })).items[0]!.id;
    await Promise.all(Array.from({ length: 10 }, (_, i) => addInternalNote(deps, KK, { kind: "officer", id: `n${i}` }, { complaintId: id, text: `บันทึก ${i}` })));
    await Promise.all(Array.from({ length: 5 }, (_, i) => messageReporter(deps, KK, me, { complaintId: id, text: `คำถาม ${i}` })));
    const v = await getComplaint(deps, KK, me, id);
    assert.equal(v.internalNotes.length, 10);
    assert.equal(v.thread.length, 5);
    assert.equal(v.awaitingReporter, true);
  });

  test("internal notes are never pushed; messages to the reporter are, and mark the case as awaiting an answer", async () => {
    const deps = h.bot.deps;
    const before = await OutboxMessage.countDocuments();
    const noted = await addInternalNote(deps, KK, me, { complaintId: ids.named, text: "ตรวจสอบกับกองช่างแล้ว ยังไม่พบใบเสร็จ" });
    assert.equal(noted.internalNotes.length, 1);
    assert.equal(await OutboxMessage.countDocuments(), before, "no push for a staff note");
    const asked = await messageReporter(deps, KK, me, { complaintId: ids.named, text: "มีสำเนาใบเสร็จหรือไม่คะ" });
    assert.equal(asked.awaitingReporter, true);
    await h.settle();
    assert.match(JSON.stringify(pushesTo(named).at(-1)), /มีสำเนาใบเสร็จหรือไม่คะ/);
    const told = await messageReporter(deps, KK, me, { complaintId: ids.named, text: "ขอบคุณสำหรับข้อมูลค่ะ", expectsReply: false });
    assert.equal(told.thread.length, 2);
    assert.doesNotMatch(JSON.stringify(told.internalNotes), /ขอบคุณ/);
  });
});
