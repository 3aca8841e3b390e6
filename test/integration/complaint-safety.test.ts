import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId } from "../../src/dev/line-emulator";
import { Complaint } from "../../src/models/complaint.model";
import { FlowState } from "../../src/models/flow-state.model";
import { RateLimitError } from "../../src/errors";
import { countComplaintsToday, eraseReporterLinks, submitComplaint } from "../../src/services/complaint.service";
import { MAX_TRACKING_MISSES_PER_HOUR, countTrackingMiss, trackingPaused } from "../../src/services/complaint-track-limit";
import { MAX_EVIDENCE_BYTES } from "../../src/services/evidence.service";
import { startHarness, type Harness } from "../helpers/harness";
import { sealedAt } from "../../src/security/seal-places";
import { PNG_1PX } from "./dashboard-client";
import { buttonData, codeIn, deliverLikeLine, fileComplaint, gist, gists, jpeg, messagesTo, say, sendImage, tap } from "./complaint-driver";

// Protection of reporters and of the data: encryption at rest, the daily limit,
// failed downloads, literal storage of hostile input, idle expiry, and many
// reporters at once. The clock is injected so days and idle time can pass; it keeps
// running between jumps, because the inbox and outbox schedule retries on it.
let h: Harness;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const setClock = (at: string) => (offsetMs = new Date(at).getTime() - Date.now());
const advance = (ms: number) => (offsetMs += ms);
before(async () => {
  setClock("2026-11-26T03:00:00Z"); // 10:00 in Bangkok
  h = await startHarness("complaint-safety", { now });
});
after(async () => h.close());

describe("encryption at rest", () => {
  test("the raw complaint document holds no LINE id, name or phone in plain text", async () => {
    const user = makeUserId("safe-crypto");
    const out = await fileComplaint(h, user, { anonymous: false, name: "บุญมี ศรีสุข", phone: "0891234567" });
    const raw = await mongoose.connection.collection("complaints").findOne({ trackingCode: codeIn(out) });
    assert.ok(raw);
    const json = JSON.stringify(raw);
    assert.ok(!json.includes(user), "no plaintext LINE id");
    assert.ok(!json.includes(user.slice(1)), "not even without its U prefix");
    assert.ok(!json.includes("บุญมี") && !json.includes("0891234567"), "no plaintext contact");
    assert.match(String(raw.reporterSealed), /^v2:k1:/, "sealed with a key id (rotation)");
    assert.match(String(raw.contactSealed), /^v2:k1:/);
    assert.equal(h.bot.deps.sealer.open(String(raw.reporterSealed), sealedAt.complaintReporter(String(raw._id))), user);
    const flows = await mongoose.connection.collection("flowstates").find({}).toArray();
    assert.ok(!JSON.stringify(flows).includes("บุญมี"), "contact is sealed in the flow data too");
  });
});

describe("rate limit", () => {
  test("a sixth complaint on the same Bangkok day is refused politely; the next day it works", async () => {
    const user = makeUserId("safe-limit");
    for (let i = 0; i < 5; i++) await fileComplaint(h, user, { what: `เรื่องที่ ${i + 1} มีการเรียกรับเงินค่าบริการ` });
    assert.equal(await Complaint.countDocuments({ reporterIndex: h.bot.deps.sealer.blindIndex(user) }), 5);
    const refused = await tap(h, user, "a=complaint.start");
    assert.match(gist(refused[0]!), /ครบ 5 เรื่องแล้ว/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
    setClock("2026-11-26T17:30:00Z"); // 00:30 the next day in Bangkok (still the 26th in UTC)
    const allowed = await tap(h, user, "a=complaint.start");
    assert.match(gist(allowed[0]!), /เลือกประเภท/);
    await say(h, user, "ยกเลิก");
  });
});

describe("rate limit at the service", () => {
  const submission = (user: string, draftId: string) => ({
    draftId, lineUserId: user, category: "bribe" as const, what: "มีการเรียกรับเงินค่าบริการที่สำนักงาน", where: { districtCode: "4001" }, when: { unsure: true }, evidence: [], anonymous: true,
  });

  test("two confirmations racing for the fifth slot: one is filed, one is refused; a retried draft gets its own case back", async () => {
    setClock("2026-11-28T03:00:00Z");
    const user = makeUserId("safe-race");
    const deps = h.bot.deps;
    for (let i = 0; i < 4; i++) await submitComplaint(deps, submission(user, `race-${i}`));
    assert.equal(await countComplaintsToday(deps, user), 4);
    const results = await Promise.allSettled([submitComplaint(deps, submission(user, "race-a")), submitComplaint(deps, submission(user, "race-b"))]);
    assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
    assert.ok(results.some((r) => r.status === "rejected" && r.reason instanceof RateLimitError));
    assert.equal(await Complaint.countDocuments({ reporterIndex: deps.sealer.blindIndex(user) }), 5);
    const filed = results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof submitComplaint>>>;
    const again = await submitComplaint(deps, submission(user, filed.value.complaint.draftId));
    assert.equal(again.created, false, "a redelivered confirmation at the limit returns its case");
    assert.equal(String(again.complaint._id), String(filed.value.complaint._id));
    await assert.rejects(submitComplaint(deps, submission(user, "race-c")), RateLimitError);
  });

  test("wrong tracking codes: ten in one clock hour pause lookups through the next hour, then they resume", async () => {
    const idx = "blind-index-of-a-guesser";
    const at = (iso: string) => new Date(iso);
    for (let i = 0; i < MAX_TRACKING_MISSES_PER_HOUR - 1; i++) await countTrackingMiss(idx, at("2026-11-30T10:59:50Z"));
    assert.equal(await trackingPaused(idx, at("2026-11-30T10:59:55Z")), false, "nine misses: not yet");
    await countTrackingMiss(idx, at("2026-11-30T10:59:58Z"));
    assert.equal(await trackingPaused(idx, at("2026-11-30T10:59:59Z")), true);
    assert.equal(await trackingPaused(idx, at("2026-11-30T11:59:59Z")), true, "the hour after a full one still pauses");
    assert.equal(await trackingPaused(idx, at("2026-11-30T12:00:00Z")), false);
  });

  test("data deletion frees the day's slots with the rest of the reporter's links", async () => {
    setClock("2026-11-29T03:00:00Z");
    const user = makeUserId("safe-erase");
    for (let i = 0; i < 5; i++) await submitComplaint(h.bot.deps, submission(user, `erase-${i}`));
    assert.equal(await countComplaintsToday(h.bot.deps, user), 5);
    assert.equal(await eraseReporterLinks(h.bot.deps.sealer, user, now()), 5);
    assert.equal(await countComplaintsToday(h.bot.deps, user), 0);
    const idx = h.bot.deps.sealer.blindIndex(user);
    assert.equal(await mongoose.connection.collection("claims").countDocuments({ _id: { $regex: idx } } as never), 0, "no claim names the blind index");
  });
});

describe("evidence downloads", () => {
  async function atEvidenceStep(user: string): Promise<void> {
    await tap(h, user, "a=complaint.start");
    await tap(h, user, "a=complaint.category&c=bribe");
    await say(h, user, "มีการเรียกเงินค่าคิวที่โรงพยาบาล");
    await say(h, user, "เสร็จ");
    await say(h, user, "ข้าม");
    await say(h, user, "ไม่ทราบ");
    await say(h, user, "ไม่แน่ใจ");
  }

  test("a photo the emulator reports gone (410), an oversized one and a non-image each get a clear message", async () => {
    const user = makeUserId("safe-evidence");
    await atEvidenceStep(user);
    h.line.putContent("gone-1", { status: 410 });
    let out = await sendImage(h, user, { messageId: "gone-1" });
    assert.match(gist(out[0]!), /ดาวน์โหลดไม่ได้แล้ว/);
    h.line.putContent("big-1", { contentType: "image/jpeg", body: jpeg(MAX_EVIDENCE_BYTES + 1) });
    out = await sendImage(h, user, { messageId: "big-1" });
    assert.match(gist(out[0]!), /ใหญ่เกิน 10 MB/);
    h.line.putContent("pdf-1", { contentType: "image/jpeg", body: Buffer.from("%PDF-1.4 not an image") });
    out = await sendImage(h, user, { messageId: "pdf-1" });
    assert.match(gist(out[0]!), /JPEG, PNG หรือ WEBP/);
    h.line.putContent("png-1", { contentType: "image/png", body: PNG_1PX });
    out = await sendImage(h, user, { messageId: "png-1" });
    assert.equal(gists(out), "ได้รับรูปที่ 1/5 แล้วค่ะ", "one short answer after a photo");
    assert.equal(await mongoose.connection.collection("evidence.files").countDocuments({ "metadata.messageId": { $in: ["gone-1", "big-1", "pdf-1"] } }), 0);
    await say(h, user, "ยกเลิก");
  });

  test("a set of 6 photos keeps 5 and explains the rest in one answer", async () => {
    const user = makeUserId("safe-six");
    await atEvidenceStep(user);
    const replies: string[] = [];
    for (let i = 1; i <= 6; i++) {
      h.line.putContent(`six-${i}`, { contentType: "image/jpeg", body: jpeg(1000 + i) });
      replies.push(gists(await sendImage(h, user, { messageId: `six-${i}`, imageSet: { id: "SIX", index: i, total: 6 } })));
    }
    assert.deepEqual(replies.slice(0, 5), ["", "", "", "", ""]);
    assert.match(replies[5]!, /ได้รับรูป 5 จาก 6 รูป/);
    assert.match(replies[5]!, /สูงสุด 5 รูป/);
    await say(h, user, "ยกเลิก");
  });
});

describe("hostile input", () => {
  test("operator-like strings, HTML, emoji and mixed scripts are stored literally; NUL is dropped", async () => {
    const user = makeUserId("safe-inject");
    const what = `{"$gt": ""} {$where: "sleep(1000)"} <script>alert(1)</script> 😀🇹🇭 ทดสอบ Test ๑๒๓ a.b $x\u0000end`;
    const who = `{"$ne": null} '; DROP TABLE complaints; -- นาย ก.`;
    const out = await fileComplaint(h, user, { what, who });
    const c = await Complaint.findOne({ trackingCode: codeIn(out) }).lean();
    assert.equal(c!.what, what.replace("\u0000", ""));
    assert.equal(c!.who, who);
    const tracked = await say(h, user, `ติดตามเรื่อง {"$gt": ""}`);
    assert.match(gist(tracked[0]!), /รหัสติดตามไม่ถูกต้อง|ไม่พบ/, "an operator as a code finds nothing");
  });
});

describe("expiry", () => {
  test("an idle flow expires after 30 minutes with a message on how to start again", async () => {
    const user = makeUserId("safe-expiry");
    await tap(h, user, "a=complaint.start");
    await tap(h, user, "a=complaint.category&c=bribe");
    await say(h, user, "มีการเรียกเงิน");
    advance(29 * 60_000);
    const still = await say(h, user, "ที่สำนักงานเทศบาล");
    assert.match(gist(still[0]!), /รับข้อความแล้ว/, "29 minutes idle: still open, and the clock restarts");
    advance(31 * 60_000);
    const expired = await say(h, user, "เสร็จ");
    assert.match(gist(expired[0]!), /หมดเวลาแล้ว/);
    assert.match(gist(expired[0]!), /แจ้งเรื่อง/);
    assert.equal(await FlowState.countDocuments({ chatKey: h.chatKey(user) }), 0);
  });
});

describe("many reporters at once", () => {
  test("20 reporters going through the flow at the same time get 20 complaints with distinct codes and one receipt each", async () => {
    const users = Array.from({ length: 20 }, (_, i) => makeUserId(`safe-many-${i}`));
    // Every step is sent by all 20 at once (one signed webhook each), then the bot settles.
    const wave = async (event: (u: string, i: number) => Parameters<Harness["line"]["sendWebhook"]>[0][number]) => {
      await Promise.all(users.map((u, i) => deliverLikeLine(h, [event(u, i)])));
      await h.settle();
    };
    const text = (t: string | ((i: number) => string)) => (u: string, i: number) => h.line.events.text(u, typeof t === "string" ? t : t(i));
    const postback = (d: string) => (u: string) => h.line.events.postback(u, d);
    await wave(postback("a=complaint.start"));
    await wave(postback("a=complaint.category&c=bribe"));
    await wave(text((i) => `เรื่องพร้อมกันที่ ${i} มีการเรียกรับเงินค่าบริการ`));
    await wave(text("เสร็จ"));
    await wave(text("ข้าม"));
    await wave(text("ไม่ทราบ"));
    await wave(text("ไม่แน่ใจ"));
    await wave(text("ถัดไป"));
    await wave(postback("a=complaint.identity&v=anonymous"));
    const confirms = users.map((u) => {
      const review = messagesTo(h, u).at(-1)!;
      return buttonData(review, /ยืนยันส่งเรื่อง/);
    });
    await wave((u, i) => h.line.events.postback(u, confirms[i]!));
    const receipts = users.map((u) => messagesTo(h, u).filter((m) => /ส่งเรื่องเรียบร้อยแล้ว/.test(gist(m))));
    assert.deepEqual(receipts.map((r) => r.length), users.map(() => 1), "one receipt each");
    const codes = receipts.map(codeIn);
    assert.equal(new Set(codes).size, 20);
    for (const u of users) assert.equal(await Complaint.countDocuments({ reporterIndex: h.bot.deps.sealer.blindIndex(u) }), 1);
  });
});
