import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import mongoose, { Types } from "mongoose";
import sharp from "sharp";
import { makeUserId } from "../../../src/dev/line-emulator";
import type { Logger } from "../../../src/logger";
import { Complaint } from "../../../src/models/complaint.model";
import { Member } from "../../../src/models/member.model";
import { Pledge } from "../../../src/models/pledge.model";
import { evidenceBucket } from "../../../src/services/evidence.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { buttonData, messagesTo, say, sendImage, tap } from "../complaint-driver";
import { photoWithGps } from "../../unit/media/strip-metadata.test";

// Issue 18 items 3 and 6: one person pledges and files an anonymous complaint with
// a photo that carries GPS. Without DATA_ENCRYPTION_KEY, neither the database nor
// the logs join the two: no shared field value, no log value, no timing match that
// leads on to the pledge; and the stored photo has no GPS.
const records: Record<string, unknown>[] = [];
function capturingLogger(base: Record<string, unknown> = {}): Logger {
  const emit = (level: string) => (msg: string, fields?: Record<string, unknown>) => void records.push({ level, msg, ...base, ...fields });
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error"), child: (f) => capturingLogger({ ...base, ...f }) };
}

let h: Harness;
// Moved forward before the confirmation, so its reply token is stale and the answer goes
// as a push through the outbox (what a backlog does): that row must not name the person either.
let skew = 0;
const clock = () => new Date(Date.now() + skew);
before(async () => {
  h = await startHarness("sec-anon", { logger: capturingLogger(), now: clock });
});
after(async () => h.close());

/** Every string a value holds (ids as hex), for joining records on equal values. */
function tokens(v: unknown, out = new Set<string>()): Set<string> {
  if (v instanceof Types.ObjectId) out.add(v.toHexString());
  else if (typeof v === "string") {
    if (/^[A-Za-z0-9_:+/=.-]{16,}$/.test(v)) out.add(v); // ids, keys, hashes, sealed values (not words)
  } else if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) >= 1e6 && Math.abs(v) < 1e12) out.add(String(v)); // ids, not counts or ms timestamps
  } else if (v instanceof Date || v instanceof Buffer || v === null || v === undefined) return out;
  else if (Array.isArray(v)) v.forEach((x) => tokens(x, out));
  else if (typeof v === "object") for (const x of Object.values(v as object)) tokens(x, out);
  return out;
}

/** Exact times (a time to the hour is shared by everyone that hour, and joins nothing). */
function dates(v: unknown, out: number[] = []): number[] {
  if (v instanceof Date) {
    if (v.getTime() % 3_600_000 !== 0) out.push(v.getTime());
  } else if (typeof v === "number" && v > 1.5e12 && v < 2.5e12 && v % 3_600_000 !== 0) out.push(v); // ms timestamps
  else if (Array.isArray(v)) v.forEach((x) => dates(x, out));
  else if (v && typeof v === "object" && !(v instanceof Types.ObjectId) && !(v instanceof Buffer)) for (const x of Object.values(v as object)) dates(x, out);
  return out;
}

interface Node {
  name: string;
  tokens: Set<string>;
  dates: number[];
}

/** The records reachable from `start` by equal values, or by times within `ms` (a timing join), each with how it was reached. */
function reachable(nodes: Node[], start: Node, ms: number): Map<Node, string> {
  const seen = new Map<Node, string>([[start, "start"]]);
  const queue = [start];
  while (queue.length) {
    const a = queue.shift()!;
    for (const b of nodes) {
      if (seen.has(b)) continue;
      const shared = [...a.tokens].find((t) => b.tokens.has(t));
      const timed = a.dates.find((x) => b.dates.some((y) => Math.abs(x - y) <= ms));
      if (shared !== undefined || timed !== undefined) {
        seen.set(b, `${a.name} ${shared !== undefined ? `value ${shared.slice(0, 24)}` : `time ${new Date(timed!).toISOString()}`}`);
        queue.push(b);
      }
    }
  }
  return seen;
}

test("an anonymous complaint and a pledge by one person cannot be joined from the database or the logs; the photo's GPS is gone", async () => {
  const user = makeUserId("anon-and-pledge");
  h.line.addUser({ userId: user, displayName: "ผู้ใช้ทดสอบ" });
  await Member.create({ lineUserId: user, displayName: "ผู้ใช้ทดสอบ", village: { districtCode: "4016", tambonCode: "401601", villageNo: 5 } });
  await say(h, user, "ประกาศเจตนารมณ์");
  await tap(h, user, "a=pledge.confirm");
  const pledge = (await Pledge.findOne({}).lean())!;
  assert.ok(pledge.number, "pledged");

  await tap(h, user, "a=complaint.start");
  await tap(h, user, "a=complaint.category&c=bribe");
  await say(h, user, "เจ้าหน้าที่เรียกเงิน 500 บาทเพื่อออกเอกสารให้เร็วขึ้น");
  await say(h, user, "เสร็จ");
  await say(h, user, "เจ้าหน้าที่การเงิน อบต.");
  await say(h, user, "ชุมแพ");
  await say(h, user, "ข้าม");
  await say(h, user, "ไม่แน่ใจ");
  h.line.putContent("gps-photo", { contentType: "image/jpeg", body: await photoWithGps("jpeg") });
  await sendImage(h, user, { messageId: "gps-photo" });
  await say(h, user, "ถัดไป");
  await tap(h, user, "a=complaint.identity&v=anonymous");
  const confirm = buttonData(messagesTo(h, user).at(-1)!, /ยืนยันส่งเรื่อง/);
  // Stored by a process that then stops; handled a minute later by the next one.
  await h.restart({ processing: false, now: clock, logger: capturingLogger() });
  assert.equal((await h.line.sendWebhook([h.line.events.postback(user, confirm)])).status, 200);
  skew = 60_000;
  await h.restart({ now: clock, logger: capturingLogger() });
  await h.settle();
  assert.ok(h.line.requests.some((r) => r.endpoint === "push" && r.status === 200), "the confirmation went as a push");
  const complaint = (await Complaint.findOne({}).lean())!;
  assert.equal(complaint.anonymous, true);
  assert.equal(complaint.evidence.length, 1);

  // Item 6: the stored photo has no EXIF, GPS or camera name.
  const chunks: Buffer[] = [];
  for await (const c of evidenceBucket().openDownloadStream(complaint.evidence[0]!.fileId)) chunks.push(c as Buffer);
  const stored = Buffer.concat(chunks);
  assert.equal((await sharp(stored).metadata()).exif, undefined);
  assert.equal(stored.includes(Buffer.from("SecretPhone")), false);

  // The database without the key: every record of every collection.
  const nodes: Node[] = [];
  for (const info of await mongoose.connection.db!.listCollections().toArray()) {
    if (info.name.endsWith(".chunks")) continue; // photo bytes
    for (const doc of await mongoose.connection.collection(info.name).find({}).toArray()) {
      nodes.push({ name: `${info.name}/${String(doc._id)}`, tokens: tokens(doc), dates: dates(doc) });
    }
  }
  const complaintNode = nodes.find((n) => n.name === `complaints/${String(complaint._id)}`)!;
  const pledgeSide = new Set([`pledges/${String(pledge._id)}`, `members/${String(pledge.memberId)}`]);
  const linked = reachable(nodes, complaintNode, 50);
  const how = [...linked].map(([n, via]) => `${n.name} <- ${via}`).join("\n");
  assert.deepEqual([...linked.keys()].map((n) => n.name).filter((n) => pledgeSide.has(n)), [], `the complaint reaches the pledge:\n${how}`);

  // The logs: no value in a line about the complaint is in a line about the pledge.
  const about = (needles: string[]) => records.filter((r) => needles.some((n) => JSON.stringify(r).includes(n)));
  const complaintLines = about([String(complaint._id), complaint.trackingCode]);
  const pledgeLines = about([String(pledge._id), `"number":${pledge.number}`]);
  assert.ok(complaintLines.length > 0 && pledgeLines.length > 0, "both are logged");
  // Identifier-like values (as in the database check), but not the process's own instance id.
  const values = (rs: Record<string, unknown>[]) => new Set(rs.flatMap((r) => [...tokens(Object.entries(r).filter(([k]) => k !== "instance").map(([, v]) => v))]));
  const shared = [...values(complaintLines)].filter((v) => values(pledgeLines).has(v));
  assert.deepEqual(shared, [], "a log value joins the complaint and the pledge");
});
