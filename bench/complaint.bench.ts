import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";
import { makeUserId } from "../src/dev/line-emulator";
import { COMPLAINT_FLOW_ID, COMPLAINT_FLOW_TTL_MS, COMPLAINT_FLOW_VERSION, type ComplaintDraft } from "../src/flows/complaint-draft";
import { Complaint } from "../src/models/complaint.model";
import { FlowState } from "../src/models/flow-state.model";
import { storeEvidence } from "../src/services/evidence.service";
import { startHarness, type Harness } from "../test/helpers/harness";
import sharp from "sharp";
import { seededRandom } from "../src/util/seeded-random";

// The two figures of issue 5, on whatever MONGODB_URI points at (else the embedded
// mongo-java-server, in memory, started here):
//  1. The complaint confirm step at a steady open-loop rate (default 50/s for 30 s):
//     from the signed postback to the receipt recorded by the LINE emulator. Every
//     user is already at the review step (flow state written beforehand, as the flow
//     leaves it), so each timed event is a confirmation: rate-limit check, insert
//     with a unique tracking code, audit row, receipt. Duplicates and misses counted.
//  2. Evidence photos of 1 MB from the emulator's content API into GridFS: the
//     evidence service alone (one at a time, and 4 at once), then whole image events
//     through the webhook at the evidence step.
export interface ComplaintBenchOptions {
  /** COMPLAINT_BENCH_DURATION_S, default 30. */
  durationS?: number;
  /** COMPLAINT_BENCH_RATE, confirmations per second, default 50. */
  rate?: number;
  /** COMPLAINT_BENCH_PHOTOS, photos per photo measurement, default 40. */
  photos?: number;
  drainTimeoutS?: number;
  log?: (line: string) => void;
}

const MB = 1024 * 1024;
const envNumber = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(ms: number[]): Record<string, number | null> {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! * 10) / 10 : null);
  return { count: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.length ? Math.round(s.at(-1)! * 10) / 10 : null };
}

/** A real JPEG of about 1 MB (noise does not compress): the bot decodes and re-encodes every photo to drop its metadata. */
async function photo(seed: number): Promise<Buffer> {
  const rnd = seededRandom(seed);
  const [width, height] = [1400, 1000];
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (rnd() * 256) | 0;
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
  if (jpeg.length < MB * 0.7) throw new Error(`bench photo only ${jpeg.length} bytes`);
  return jpeg;
}

/** Sends with LINE's redelivery: non-2xx answers are retried (counted). */
async function sendLikeLine(h: Harness, ev: Parameters<Harness["line"]["sendWebhook"]>[0][number], counts: { rejected: number }): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const body = attempt === 0 ? ev : { ...ev, deliveryContext: { isRedelivery: true } };
    const res = await h.line.sendWebhook([body]).catch(() => ({ status: 0 }));
    if (res.status >= 200 && res.status < 300) return;
    counts.rejected++;
    await sleep(500);
  }
}

function reviewDraft(i: number): ComplaintDraft {
  return {
    draftId: randomUUID(),
    category: "bribe",
    what: `เจ้าหน้าที่เรียกเงินค่าดำเนินการเพิ่ม ${i} บาท โดยไม่ออกใบเสร็จ`,
    who: null,
    where: { districtCode: ["4001", "4005", "4002"][i % 3] },
    when: { unsure: true },
    photos: [],
    imageSets: [],
    anonymous: true,
  };
}

async function benchConfirm(h: Harness, o: Required<Omit<ComplaintBenchOptions, "log">>, log: (l: string) => void): Promise<Record<string, unknown>> {
  const total = Math.round(o.rate * o.durationS);
  const users = Array.from({ length: total }, (_, i) => makeUserId(`bench-complaint-${i}`));
  const drafts = users.map((_, i) => reviewDraft(i));
  const expiresAt = new Date(Date.now() + COMPLAINT_FLOW_TTL_MS + o.durationS * 2000);
  log(`confirm: preparing ${total} users at the review step`);
  for (let i = 0; i < total; i += 2000) {
    await FlowState.insertMany(
      users.slice(i, i + 2000).map((u, j) => ({ _id: h.chatKey(u), chatKey: h.chatKey(u), flowId: COMPLAINT_FLOW_ID, version: COMPLAINT_FLOW_VERSION, step: "review", data: drafts[i + j], expiresAt })),
      { ordered: false },
    );
  }
  h.line.reset();
  const sentAt = new Map<string, number>();
  const counts = { rejected: 0 };
  const inflight: Promise<void>[] = [];
  log(`confirm: ${o.rate}/s for ${o.durationS} s`);
  const started = Date.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * o.rate) + 1);
    for (; next < due; next++) {
      const u = users[next]!;
      sentAt.set(u, Date.now());
      inflight.push(sendLikeLine(h, h.line.events.postback(u, `a=complaint.confirm&d=${drafts[next]!.draftId}`), counts));
    }
    await sleep(5);
  }
  const sendSeconds = (Date.now() - started) / 1000;
  await Promise.all(inflight);
  const receipts = () => {
    const byUser = new Map<string, number[]>();
    for (const d of h.line.deliveries) {
      if (d.messages.some((m) => String((m as { altText?: string }).altText ?? "").includes("รหัสติดตามเรื่อง"))) byUser.set(d.to, [...(byUser.get(d.to) ?? []), d.at]);
    }
    return byUser;
  };
  const deadline = Date.now() + o.drainTimeoutS * 1000;
  while (Date.now() < deadline && receipts().size < total) await sleep(250);
  const allAnsweredAfterS = (Date.now() - started) / 1000;
  await sleep(1000);
  const got = receipts();
  const latencies: number[] = [];
  let duplicates = 0;
  for (const [u, times] of got) {
    latencies.push(times[0]! - sentAt.get(u)!);
    duplicates += times.length - 1;
  }
  const stored = await Complaint.find({}, { trackingCode: 1 }).lean();
  const result = {
    target: { ratePerS: o.rate, durationS: o.durationS, confirmations: total },
    achievedSendRatePerS: Math.round((total / sendSeconds) * 10) / 10,
    allAnsweredAfterS: Math.round(allAnsweredAfterS * 10) / 10,
    latencyMs: summary(latencies),
    webhookRejections: counts.rejected,
    missingReceipts: total - got.size,
    duplicateReceipts: duplicates,
    storedComplaints: stored.length,
    distinctCodes: new Set(stored.map((c) => c.trackingCode)).size,
  };
  log(`confirm: ${JSON.stringify(result)}`);
  return result;
}

async function benchPhotos(h: Harness, o: Required<Omit<ComplaintBenchOptions, "log">>, log: (l: string) => void): Promise<Record<string, unknown>> {
  const n = o.photos;
  for (let i = 0; i < 3 * n; i++) h.line.putContent(`bench-photo-${i}`, { contentType: "image/jpeg", body: await photo(i) });
  const store = async (i: number) => {
    const t = performance.now();
    await storeEvidence(h.bot.deps.line, { messageId: `bench-photo-${i}`, draftId: `bench-draft-${i}`, reporterIndex: "bench", now: new Date() });
    return performance.now() - t;
  };
  log(`photos: ${n} × 1 MB, one at a time`);
  let t = performance.now();
  const serial: number[] = [];
  for (let i = 0; i < n; i++) serial.push(await store(i));
  const serialS = (performance.now() - t) / 1000;
  log(`photos: ${n} × 1 MB, 4 at once`);
  t = performance.now();
  const parallel: number[] = [];
  for (let i = n; i < 2 * n; i += 4) parallel.push(...(await Promise.all([i, i + 1, i + 2, i + 3].filter((k) => k < 2 * n).map(store))));
  const parallelS = (performance.now() - t) / 1000;

  // Whole image events: users at the evidence step each send one photo.
  const users = Array.from({ length: n }, (_, i) => makeUserId(`bench-photo-user-${i}`));
  const expiresAt = new Date(Date.now() + COMPLAINT_FLOW_TTL_MS);
  await FlowState.insertMany(users.map((u, i) => ({ _id: h.chatKey(u), chatKey: h.chatKey(u), flowId: COMPLAINT_FLOW_ID, version: COMPLAINT_FLOW_VERSION, step: "evidence", data: reviewDraft(i), expiresAt })));
  h.line.reset();
  log(`photos: ${n} image events through the webhook, 4 users at once`);
  const counts = { rejected: 0 };
  const e2e: number[] = [];
  t = performance.now();
  for (let i = 0; i < n; i += 4) {
    await Promise.all(
      users.slice(i, i + 4).map(async (u, j) => {
        const s = Date.now();
        await sendLikeLine(h, h.line.events.image(u, { messageId: `bench-photo-${2 * n + i + j}` }), counts);
        await h.line.waitFor(() => h.line.deliveries.some((d) => d.to === u), 60_000);
        e2e.push(Date.now() - s);
      }),
    );
  }
  const e2eS = (performance.now() - t) / 1000;
  const result = {
    photoBytes: MB,
    serviceOneAtATime: { photos: n, seconds: Math.round(serialS * 10) / 10, mbPerS: Math.round((n / serialS) * 10) / 10, perPhotoMs: summary(serial) },
    serviceFourAtOnce: { photos: n, seconds: Math.round(parallelS * 10) / 10, mbPerS: Math.round((n / parallelS) * 10) / 10, perPhotoMs: summary(parallel) },
    webhookEvents: { photos: n, seconds: Math.round(e2eS * 10) / 10, mbPerS: Math.round((n / e2eS) * 10) / 10, toReplyMs: summary(e2e), webhookRejections: counts.rejected },
  };
  log(`photos: ${JSON.stringify(result)}`);
  return result;
}

export async function runComplaintBench(opts: ComplaintBenchOptions = {}): Promise<Record<string, unknown>> {
  const log = opts.log ?? ((l: string) => console.error(`[complaint bench] ${l}`));
  const o = {
    durationS: opts.durationS ?? envNumber("COMPLAINT_BENCH_DURATION_S") ?? 30,
    rate: opts.rate ?? envNumber("COMPLAINT_BENCH_RATE") ?? 50,
    photos: opts.photos ?? envNumber("COMPLAINT_BENCH_PHOTOS") ?? 40,
    drainTimeoutS: opts.drainTimeoutS ?? 120,
  };
  let db: EmbeddedDb | undefined;
  let dataDir: string | undefined;
  const hadUri = process.env.MONGODB_URI;
  if (!hadUri) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-bench-complaint-"));
    db = await startEmbeddedDb({ log });
    process.env.MONGODB_URI = db.uri;
  }
  try {
    const backend = process.env.BENCH_DATABASE ?? (hadUri ? "MONGODB_URI (as given)" : "embedded mongo-java-server 1.47, memory backend");
    const confirmH = await startHarness("bench_complaint_confirm", { pollMs: 1000 }); // production polling, not the tests' 100 ms
    let confirmStep: Record<string, unknown>;
    try {
      confirmStep = await benchConfirm(confirmH, o, log);
    } finally {
      await confirmH.close();
    }
    const photoH = await startHarness("bench_complaint_photos");
    let photos: Record<string, unknown>;
    try {
      photos = await benchPhotos(photoH, o, log);
    } finally {
      await photoH.close();
    }
    return { backend, cores: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), node: process.version, confirmStep, photos };
  } finally {
    if (db) {
      delete process.env.MONGODB_URI;
      await db.stop();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runComplaintBench()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err: Error) => {
      console.error(err);
      process.exit(1);
    });
}
