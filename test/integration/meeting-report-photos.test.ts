import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import sharp from "sharp";
import { AuditLog } from "../../src/models/audit-log.model";
import { MeetingReport } from "../../src/models/meeting-report.model";
import { evidenceBucket } from "../../src/services/evidence.service";
import { MEETING_PHOTO_BUCKET } from "../../src/services/meeting-photo.service";
import { startHarness, type Harness } from "../helpers/harness";
import { photoWithGps } from "../unit/media/strip-metadata.test";
import { exchange, gists, jpeg, say, sendImage, type Msg } from "./complaint-driver";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "./dashboard-client";
import { IN_MUEANG_5, bkk, createTestMeeting, seedMembers, settableClock, villageMeeting } from "./reminder-fixtures";

// Issue 23 item 1: after the counts, the headman sends up to 5 photos of the activity.
// They are stored without EXIF/GPS, named by the report (not the person), kept when
// the report is given again, and served to officers of the district (admins: all)
// from the ITA pack's links, each view audited.
const clock = settableClock(bkk("2026-12-05T11:00:00"));
let h: Harness;
let headman: string;
let base: string;
const clients: Record<"kk" | "other" | "admin", DashboardClient> = {} as never;

before(async () => {
  h = await startHarness("meeting-report-photos", { now: clock.now });
  headman = (await seedMembers("photo-h", 1, IN_MUEANG_5, { role: "headman" }))[0]!;
  await createTestMeeting(h, villageMeeting(IN_MUEANG_5, "monthly:5@09:00"), bkk("2026-12-01T10:00:00"));
  base = baseUrlOf(h.webhookUrl);
  await makeOfficer("photo-kk", "officer", ["4001"]);
  await makeOfficer("photo-other", "officer", ["4002"]);
  await makeOfficer("photo-admin", "admin");
  for (const [k, name] of [["kk", "photo-kk"], ["other", "photo-other"], ["admin", "photo-admin"]] as const) {
    clients[k] = new DashboardClient(base);
    await clients[k].login(name, TEST_PASSWORD);
  }
});
after(async () => h.close());

const one = (ms: Msg[]): Msg => {
  assert.equal(ms.length, 1, gists(ms));
  return ms[0]!;
};
const chipTypes = (m: Msg) => (m.quickReply?.items ?? []).map((i) => (i.action?.type === "message" ? `message:${(i.action as { text: string }).text}` : i.action?.type));
const report = async () => (await MeetingReport.findOne({ tambonCode: "400101", villageNo: 5 }).lean())!;
const storedFiles = () => mongoose.connection.collection(`${MEETING_PHOTO_BUCKET}.files`).find({}).toArray();
async function bytesOf(fileId: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of evidenceBucket(MEETING_PHOTO_BUCKET).openDownloadStream(fileId as never)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
async function getBytes(c: DashboardClient, path: string) {
  const res = await fetch(base + path, { headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe("meeting report photos", () => {
  test("the headman reports counts, sends 2 photos (a redelivery adds nothing) and finishes", async () => {
    await say(h, headman, "รายงานผลประชุม");
    await say(h, headman, "45");
    const ask = one(await say(h, headman, "40"));
    assert.match(ask.text!, /ผู้เข้าประชุม 45 คน ร่วมประกาศเจตนารมณ์ 40 คน/);
    assert.match(ask.text!, /ท่านส่งรูปกิจกรรม.*สูงสุด 5 รูป/);
    assert.deepEqual(chipTypes(ask), ["camera", "cameraRoll", "message:เสร็จสิ้น", "message:ไม่มีรูป"]);

    h.line.putContent("mp-gps", { contentType: "image/jpeg", body: await photoWithGps("jpeg") });
    h.line.putContent("mp-2", { contentType: "image/jpeg", body: jpeg(3000) });
    assert.equal(one(await sendImage(h, headman, { messageId: "mp-gps" })).text, "ได้รับรูปที่ 1/5 แล้วค่ะ");
    assert.equal(one(await sendImage(h, headman, { messageId: "mp-2" })).text, "ได้รับรูปที่ 2/5 แล้วค่ะ");
    // LINE delivers the same photo event again (a new delivery of message mp-2).
    const again = { ...h.line.events.image(headman, { messageId: "mp-2" }), deliveryContext: { isRedelivery: true } };
    assert.match(one(await exchange(h, headman, again)).text!, /ได้รับรูปนี้แล้วค่ะ \(มี 2\/5 รูป\)/);
    assert.equal((await report()).photos.length, 2);
    assert.equal((await storedFiles()).length, 2);

    assert.match(one(await say(h, headman, "เสร็จสิ้น")).text!, /บันทึกรูปกิจกรรม 2 รูป.*ขอบคุณที่ร่วมสร้างชุมชนสุจริตค่ะ/);
    const r = await report();
    assert.deepEqual(r.photos.map((p) => [p.messageId, p.contentType]), [["mp-gps", "image/jpeg"], ["mp-2", "image/jpeg"]]);
    // After "เสร็จสิ้น" a photo is no longer taken into the report.
    h.line.putContent("mp-late", { contentType: "image/jpeg", body: jpeg(3100) });
    await sendImage(h, headman, { messageId: "mp-late" });
    assert.equal((await report()).photos.length, 2);
  });

  test("the stored photo has no EXIF or GPS, and its file names the report, not the person", async () => {
    const r = await report();
    const stored = await bytesOf(r.photos[0]!.fileId);
    const meta = await sharp(stored).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.format, "jpeg");
    for (const s of ["SecretPhone", "REPORTER-NAME", "Exif"]) assert.equal(stored.includes(Buffer.from(s)), false, s);
    for (const f of await storedFiles()) {
      assert.equal(f.metadata.reportId, String(r._id));
      assert.ok(!JSON.stringify(f).includes(headman), "the file names the headman");
      assert.equal(f.metadata.reporterIndex, undefined);
    }
  });

  test("reporting again replaces the counts but keeps the photos; a set past 5 is refused politely", async () => {
    await say(h, headman, "รายงานผลประชุม");
    await say(h, headman, "46");
    const ask = one(await say(h, headman, "41"));
    assert.match(ask.text!, /รายงานนี้มีรูปแล้ว 2\/5 รูป/);
    let r = await report();
    assert.deepEqual([r.attendedCount, r.pledgedCount, r.photos.length], [46, 41, 2]);

    const set = { id: "SET-MEETING-1", total: 4 };
    for (let i = 1; i <= 4; i++) h.line.putContent(`mp-set-${i}`, { contentType: "image/jpeg", body: jpeg(3200 + i) });
    for (let i = 1; i <= 3; i++) assert.deepEqual(await sendImage(h, headman, { messageId: `mp-set-${i}`, imageSet: { ...set, index: i } }), [], "quiet until the set is complete");
    const answer = one(await sendImage(h, headman, { messageId: "mp-set-4", imageSet: { ...set, index: 4 } }));
    assert.match(answer.text!, /ได้รับรูป 3 จาก 4 รูปค่ะ \(มี 5\/5 รูป\)/);
    assert.match(answer.text!, /รับรูปได้สูงสุด 5 รูปค่ะ/);
    assert.deepEqual(chipTypes(answer), ["message:เสร็จสิ้น"], "no camera chips when full");
    h.line.putContent("mp-7", { contentType: "image/jpeg", body: jpeg(3300) });
    assert.match(one(await sendImage(h, headman, { messageId: "mp-7" })).text!, /รับรูปได้สูงสุด 5 รูปค่ะ รูปที่เกินไม่ได้บันทึก/);
    r = await report();
    assert.equal(r.photos.length, 5);
    assert.deepEqual(r.photos.map((p) => p.messageId), ["mp-gps", "mp-2", "mp-set-1", "mp-set-2", "mp-set-3"]);
    assert.equal((await storedFiles()).length, 5, "refused photos leave no file");
    await say(h, headman, "เสร็จสิ้น");
  });

  test("the ITA pack links the photos; officers of the district and admins see them, others get 404; each view is audited", async () => {
    const r = await report();
    const ids = r.photos.map((p) => String(p.fileId));
    const pack = await clients.kk.get("/officer/ita/pack?agency=4001&year=2570");
    assert.equal(pack.status, 200);
    for (const id of ids) assert.ok(pack.text.includes(`/officer/ita/photos/${id}`), `link to ${id}`);

    const path = `/officer/ita/photos/${ids[0]}`;
    assert.equal((await getBytes(clients.other, path)).status, 404);
    assert.equal((await getBytes(clients.other, "/officer/ita/photos/0123456789abcdef01234567")).status, 404);
    assert.equal((await getBytes(new DashboardClient(base), path)).status, 303, "no session: to the login page");
    const audited = () => AuditLog.countDocuments({ action: "meeting.photo_viewed", "detail.fileId": ids[0] });
    assert.equal(await audited(), 0, "a refused view is not a view");

    const got = await getBytes(clients.admin, path);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get("content-type"), "image/jpeg");
    assert.equal(got.headers.get("x-content-type-options"), "nosniff");
    assert.match(got.headers.get("content-security-policy") ?? "", /default-src/);
    assert.ok(got.body.equals(await bytesOf(r.photos[0]!.fileId)), "the stored (stripped) bytes");
    assert.equal((await sharp(got.body).metadata()).exif, undefined);
    assert.equal((await getBytes(clients.kk, path)).status, 200);
    assert.equal(await audited(), 2);
  });

  test("ยกเลิก at the photo step keeps the report and its photos, and says so", async () => {
    await say(h, headman, "รายงานผลประชุม");
    await say(h, headman, "46");
    assert.match(one(await say(h, headman, "41")).text!, /มีรูปครบ 5 รูปแล้วค่ะ/);
    assert.match(one(await say(h, headman, "ยกเลิก")).text!, /หยุดรับรูปแล้วค่ะ ผลการประชุมและรูปที่ส่งมาบันทึกไว้แล้ว/);
    assert.equal((await report()).photos.length, 5);
  });

  test("after 30 minutes the photo step has expired: the photo is not kept and the headman is told the counts are saved", async () => {
    await say(h, headman, "รายงานผลประชุม");
    await say(h, headman, "47");
    await say(h, headman, "42");
    clock.set(bkk("2026-12-05T11:31:00"));
    h.line.putContent("mp-expired", { contentType: "image/jpeg", body: jpeg(3400) });
    assert.match(one(await sendImage(h, headman, { messageId: "mp-expired" })).text!, /หมดเวลาส่งรูปแล้วค่ะ ผลการประชุมบันทึกไว้แล้ว/);
    const r = await report();
    assert.deepEqual([r.attendedCount, r.photos.length], [47, 5]);
    clock.set(bkk("2026-12-05T11:00:00"));
  });

  test("the photo lookup by report and message has its index", async () => {
    const indexes = await mongoose.connection.collection(`${MEETING_PHOTO_BUCKET}.files`).indexes();
    assert.ok(indexes.some((i) => JSON.stringify(i.key) === JSON.stringify({ "metadata.reportId": 1, "metadata.messageId": 1 })), JSON.stringify(indexes));
  });
});
