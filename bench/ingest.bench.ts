import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import path from "node:path";
import autocannon from "autocannon";
import { mongo } from "mongoose";
import { makeUserId, signBody, startLineEmulator, type LineEmulator } from "../src/dev/line-emulator";
import { REPO_ROOT, botEnv, startBotProcess, type BotProcess } from "./lib/bot-process";
import { drainInbox, rssSampler } from "./lib/bot-probes";
import type { BenchSection, Figure } from "./lib/report";

// Webhook ingest: signed bodies of 1 and 10 events, driven with autocannon over
// loopback, into the real server (a child process) and into the baseline, a bare
// express server that only checks the HMAC on the same bodies (also a child).
// Measured: peak throughput, and p50/p99 at a fixed 500 events/s. The bot's peak
// RSS is read from /proc while it takes this load and processes it.
const SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "bench-ingest-access-token";

export interface IngestOptions {
  mongoUri: string;
  quick?: boolean;
  compiledEntry?: string;
  log?: (line: string) => void;
}

/** Unique, correctly signed bodies of `events` text events, each from its own user. */
function bodyMaker(line: LineEmulator, events: number, tag: string) {
  let n = 0;
  return (): Buffer => {
    const evs = Array.from({ length: events }, () => {
      n += 1;
      return line.events.text(makeUserId(`${tag}-${n % 2000}`), "ไม่รับ ไม่ให้");
    });
    return Buffer.from(JSON.stringify({ destination: "U" + "0".repeat(32), events: evs }));
  };
}

interface Load {
  rps: number;
  okRps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

async function cannon(url: string, make: () => Buffer, o: { connections: number; seconds: number; rate?: number }): Promise<Load> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: o.connections,
    duration: o.seconds,
    overallRate: o.rate,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => {
          const body = make();
          return { ...req, body, headers: { ...req.headers, "content-type": "application/json", "x-line-signature": signBody(SECRET, body) } };
        },
      },
    ],
  });
  const requests = result.requests.sent;
  return {
    requests,
    rps: requests / result.duration,
    okRps: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A bot process with a database of its own, taken down and dropped by `done`. */
async function freshBot(opts: IngestOptions, line: LineEmulator, peaks: number[]) {
  const env = botEnv({ mongoUri: opts.mongoUri, dbName: `bench_ingest_${randomBytes(3).toString("hex")}`, lineUrl: line.url, channelSecret: SECRET, accessToken: TOKEN, extra: { LOG_LEVEL: "warn" } });
  const bot: BotProcess = await startBotProcess({ env, compiledEntry: opts.compiledEntry });
  const rss = rssSampler(bot);
  // It idles a few seconds first: its start-up writes (indexes, area data, the rich
  // menu) are not part of ingest.
  await delay(3000);
  const done = async () => {
    rss.stop();
    peaks.push(rss.peakBytes(), bot.peakRssBytes() ?? 0);
    await bot.kill("SIGTERM");
    await dropDatabases(opts.mongoUri, [env.MONGODB_DB!]);
  };
  return { bot, done };
}

// Peak runs store 100,000s of events; on the in-memory test server they would stay in
// its heap and slow (or, at 4 GB, stop) what runs after.
async function dropDatabases(uri: string, names: string[]): Promise<void> {
  const client = await new mongo.MongoClient(uri).connect();
  for (const db of names) await client.db(db).dropDatabase().catch(() => undefined);
  await client.close();
}

export async function runIngestBench(opts: IngestOptions): Promise<BenchSection> {
  const log = opts.log ?? (() => {});
  const seconds = opts.quick ? 3 : 10;
  const line = await startLineEmulator({ channelSecret: SECRET, channelAccessToken: TOKEN, validateSchema: false, rateLimits: { reply: 1e6, push: 1e6 } });
  const base = await startBotProcess({ env: { LINE_CHANNEL_SECRET: SECRET }, tsEntry: path.join(REPO_ROOT, "bench", "lib", "baseline-server.ts") });
  const durableDb = `bench_durable_${randomBytes(3).toString("hex")}`;
  const durable = await startBotProcess({ env: { LINE_CHANNEL_SECRET: SECRET, MONGODB_URI: opts.mongoUri, MONGODB_DB: durableDb }, tsEntry: path.join(REPO_ROOT, "bench", "lib", "baseline-server.ts") });
  const raw: Record<string, unknown> = {};
  const figures: Figure[] = [];
  const rssPeaks: number[] = [];
  try {
    // Fixed 500 events/s first, on an empty inbox: 500 bodies of 1, then 50 bodies of 10, per second.
    const fixed = await freshBot(opts, line, rssPeaks);
    for (const [events, rate] of [[1, 500], [10, 50]] as const) {
      log(`ingest: ${events}-event bodies at ${rate}/s (500 events/s), ${seconds} s each`);
      const b = await cannon(`${base.url}/webhook`, bodyMaker(line, events, "fb"), { connections: 50, seconds, rate });
      const s = await cannon(`${fixed.bot.url}/webhook`, bodyMaker(line, events, `fs${events}`), { connections: 50, seconds, rate });
      raw[`fixed500_${events}`] = { baseline: b, bot: s };
      figures.push({ name: `p99 at 500 events/s, ${events}-event bodies`, value: s.p99, unit: "ms", baseline: b.p99, better: "lower", target: "< 50 ms", met: s.p99 < 50 && s.non2xx === 0 });
      figures.push({ name: `p50 at 500 events/s, ${events}-event bodies`, value: s.p50, unit: "ms", baseline: b.p50, better: "lower" });
      raw[`drain_after_fixed_${events}`] = await drainInbox(fixed.bot, 90_000);
    }
    await fixed.done();
    // Peak throughput: as fast as 32 keep-alive connections go. Each size gets a fresh
    // bot, taken down (with what it has not yet answered) before the next baselines run:
    // a 1-event peak stores about 140,000 events, whose backlog would otherwise share
    // the 2 cores with the 10-event baselines and halve them.
    for (const events of [1, 10]) {
      log(`ingest: peak throughput, ${events}-event bodies, ${seconds} s each`);
      const b = await cannon(`${base.url}/webhook`, bodyMaker(line, events, "pb"), { connections: 32, seconds });
      const d = await cannon(`${durable.url}/webhook`, bodyMaker(line, events, `pd${events}`), { connections: 32, seconds });
      await dropDatabases(opts.mongoUri, [durableDb]);
      const peak = await freshBot(opts, line, rssPeaks);
      const s = await cannon(`${peak.bot.url}/webhook`, bodyMaker(line, events, `ps${events}`), { connections: 32, seconds });
      raw[`peak_${events}`] = { baseline: b, durableBaseline: d, bot: s };
      figures.push({ name: `accepted requests/s, ${events}-event bodies (2xx only)`, value: s.okRps, unit: "req/s", baseline: b.okRps, better: "higher", target: "≥ 0.5 × baseline", met: s.okRps >= 0.5 * b.okRps });
      figures.push({
        name: `accepted requests/s, ${events}-event bodies, against the durable baseline (HMAC + one insertMany)`,
        value: s.okRps,
        unit: "req/s",
        baseline: d.okRps,
        better: "higher",
        target: "≥ 0.8 × baseline (aim)",
        met: s.okRps >= 0.8 * d.okRps,
      });
      figures.push({ name: `p99 at peak, ${events}-event bodies`, value: s.p99, unit: "ms", baseline: b.p99, better: "lower" });
      figures.push({ name: `503 answers at peak (inbox insert over its 1 s deadline; LINE redelivers), ${events}-event bodies`, value: s.non2xx, unit: `of ${s.requests}`, baseline: b.non2xx });
      // How fast the stored backlog is answered, for a minute (the e2e section measures answers).
      raw[`drain_after_peak_${events}`] = await drainInbox(peak.bot, opts.quick ? 20_000 : 60_000);
      await peak.done();
    }
  } finally {
    await base.kill("SIGTERM");
    await durable.kill("SIGTERM");
    await line.close();
    await dropDatabases(opts.mongoUri, [durableDb]);
  }
  const peakMb = Math.max(...rssPeaks) / 2 ** 20;
  figures.push({ name: "peak RSS of the bot under ingest load and processing", value: peakMb, unit: "MB", target: "< 200 MB", met: peakMb < 200 });
  raw.peakRssMb = peakMb;
  return {
    title: "Webhook ingest",
    intro:
      `Signed bodies driven with autocannon over loopback into the real server (\`${opts.compiledEntry ? "node " + path.relative(REPO_ROOT, opts.compiledEntry) : "tsx src/index.ts"}\`, a child process, processing on: every event is also answered through the emulator) and into the baseline, a bare express server in its own process that only checks the HMAC on the same bodies; the peak runs also drive the durable baseline, the same server storing each body's events with one \`insertMany\` into the same database before its 200. ` +
      `${seconds} s per run; fixed-rate runs first on an empty inbox, then peak runs with 32 connections, each body size against a fresh bot and database (taken down after a minute of answering its backlog, so that backlog does not run beside the next baselines). Ratios are Sujarit ÷ baseline. The peak runs, and the fixed 500 single-event requests/s, are floods by the bot's measure (400 requests in a second, \`src/webhook/ingest-load.ts\`): each request is stored as one journal row holding its events' inbox rows, moved into the inbox after the flood (\`src/webhook/inbox-journal.ts\`); the durable baseline stores one document per event.`,
    figures,
    raw,
  };
}
