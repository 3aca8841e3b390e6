import mongoose from "mongoose";
import { makeUserId } from "../../src/dev/line-emulator";
import { signBody } from "../../src/dev/line-emulator/signature";
import { seededRandom } from "../../src/util/seeded-random";
import type { Harness } from "../../test/helpers/harness";
import { TEST_CHANNEL_SECRET } from "../../test/helpers/test-config";

// Issue 18, "Done when": signed webhook bodies, valid and broken, with texts of up
// to 1 MB, against the real bot. Pass: no 500, no crash, every chat finishes (no
// stuck inbox row), and memory stays bounded. The suite runs a
// short version (test/integration/security/webhook-fuzz.test.ts); the full run is
//   npx tsx tools/fuzz/run-webhook-fuzz.ts [count]   (10,000 by default)
export interface FuzzOptions {
  count: number;
  seed?: number;
  /** Distinct LINE users the events come from. */
  users?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  maxTextBytes?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  sent: number;
  statuses: Record<string, number>;
  events: number;
  maxTextChars: number;
  /** Largest heap and RSS seen while sending and settling (MB). */
  peakHeapMb: number;
  peakRssMb: number;
  heapAfterMb: number;
  settleSeconds: number;
  openInboxRows: number;
  deadLetters: number;
  seconds: number;
}

const THAI = "กขคงจฉชซญดตถทนบปผพฟภมยรลวศษสหอฮะาิีึืุูเแโใไ่้๊๋็์ไม่รับไม่ให้ ร้องเรียน ประกาศเจตนารมณ์ ";
const ODD = ["\u0000", "\uD800", "\uDFFF", "\u202E", "\uFEFF", "😀", "👍🏽", "\r\n", "\t", "$where", "{{", "<script>", "'; drop", "%s%n", "../../"];
const POSTBACKS = ["a=complaint.start", "a=complaint.category&c=bribe", "a=pledge.confirm", "a=menu.show", "a=flow.cancel", "a=complaint.identity&v=anonymous", "a=unknown.action", "", "a=" + "x".repeat(400), "c=KK-AAA-BBB-CCC&a=complaint.track"];
const WORDS = ["เมนู", "no gift", "ไม่รับ ไม่ให้", "ร้องเรียน", "ยกเลิก", "เสร็จ", "ข้าม", "ชุมแพ", "ถัดไป", "ติดตามเรื่อง KK-ABC-DEF-GHJ", "ประกาศเจตนารมณ์", "ลบข้อมูลของฉัน"];

export async function runWebhookFuzz(h: Harness, opts: FuzzOptions): Promise<FuzzResult> {
  const rnd = seededRandom(opts.seed ?? 18);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const users = Array.from({ length: opts.users ?? 200 }, (_, i) => makeUserId(`fuzz-${i}`));
  const maxBytes = opts.maxTextBytes ?? 1_000_000;
  let maxTextChars = 0;

  function text(): string {
    const r = rnd();
    if (r < 0.45) return pick(WORDS);
    // 90% short, 10% long: log-uniform from 500 characters up to about 1 MB.
    const len = r < 0.9 ? Math.floor(rnd() * 400) : Math.floor(Math.exp(Math.log(500) + rnd() * (Math.log(maxBytes / 1.2) - Math.log(500))));
    const alphabet = rnd() < 0.5 ? THAI : "no gift ไม่รับ abc 123 ";
    let s = "";
    while (s.length < len) s += rnd() < 0.02 ? pick(ODD) : alphabet.slice(Math.floor(rnd() * alphabet.length));
    s = s.slice(0, len);
    maxTextChars = Math.max(maxTextChars, s.length);
    return s;
  }

  function event(): Record<string, unknown> {
    const user = pick(users);
    const r = rnd();
    let ev: Record<string, unknown>;
    if (r < 0.55) ev = h.line.events.text(user, text()) as never;
    else if (r < 0.75) ev = h.line.events.postback(user, pick(POSTBACKS)) as never;
    else if (r < 0.8) ev = h.line.events.image(user, { messageId: `fuzz-img-${Math.floor(rnd() * 1e9)}` }) as never;
    else if (r < 0.83) ev = h.line.events.follow(user) as never;
    else if (r < 0.85) ev = h.line.events.unfollow(user) as never;
    else ev = h.line.events.text(user, text()) as never;
    // Break some of them on purpose.
    const b = rnd();
    if (b < 0.03) delete ev.source;
    else if (b < 0.06) ev.type = pick(["", "unknown", 7, null, "message"]);
    else if (b < 0.09) (ev as { message?: unknown }).message = pick([null, 5, "text", { type: "text", text: 42 }, { type: "text" }]);
    else if (b < 0.11) ev.timestamp = pick(["yesterday", -1, 1e20, null]);
    else if (b < 0.13) ev.webhookEventId = pick(["", "dup-event-id", 12, "x".repeat(300)]);
    else if (b < 0.15) ev.source = { type: "user", userId: pick(["", "U", "../push", "U" + "0".repeat(32), 5]) };
    else if (b < 0.16) ev.mode = "standby";
    return ev;
  }

  function body(): string {
    const r = rnd();
    if (r < 0.02) return pick(["", "null", "[]", "{", "{\"events\":{}}", "{\"events\":null}", "\u0000\u0001", "{\"events\":[1,2,3]}"]);
    if (r < 0.03) return JSON.stringify({ destination: "x", events: [JSON.parse("[".repeat(200) + "]".repeat(200))] });
    const n = rnd() < 0.8 ? 1 : 1 + Math.floor(rnd() * 8);
    return JSON.stringify({ destination: "Ufuzz", events: Array.from({ length: n }, event) });
  }

  const statuses: Record<string, number> = {};
  let events = 0;
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const sampler = setInterval(sample, 200);
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= opts.count) return;
      const payload = body();
      events += (payload.match(/"webhookEventId"/g) ?? []).length;
      let status = 0;
      try {
        const res = await fetch(h.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signBody(TEST_CHANNEL_SECRET, payload) }, body: payload });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (i % 1000 === 999) opts.log?.(`  ${i + 1} sent, statuses ${JSON.stringify(statuses)}, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  // Every chat must finish: poll until no inbox row is open.
  const settleStarted = Date.now();
  let open = 0;
  for (let i = 0; i < 1800; i++) {
    await h.bot.worker.pollOnce();
    await h.bot.worker.idle();
    open = await mongoose.connection.collection("inboxevents").countDocuments({ state: { $in: ["pending", "processing", "committed"] } });
    if (open === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  clearInterval(sampler);
  sample();
  global.gc?.();
  const deadLetters = await mongoose.connection.collection("inboxevents").countDocuments({ deadLetter: true });
  return {
    sent: opts.count,
    statuses,
    events,
    maxTextChars,
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    heapAfterMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    settleSeconds: Math.round((Date.now() - settleStarted) / 1000),
    openInboxRows: open,
    deadLetters,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
