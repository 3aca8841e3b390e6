import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { connectDb, disconnectDb } from "../src/db";
import { listDistricts, listTambons } from "../src/content/areas/areas";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";
import { makeUserId } from "../src/dev/line-emulator";
import { PLEDGE_FLOW_ID, PLEDGE_FLOW_TTL_MS, PLEDGE_FLOW_VERSION } from "../src/flows/pledge.flow";
import { Member, memberIdFor } from "../src/models/member.model";
import { Pledge } from "../src/models/pledge.model";
import { FlowState } from "../src/models/flow-state.model";
import { campaignYearOf } from "../src/services/pledge.service";
import { clearPledgeStatsCache, districtRanking, pledgeCountsByArea } from "../src/services/pledge-stats.service";
import { aggregatePledgeCounts, rebuildPledgeTallies } from "../src/services/pledge-tally.service";
import { startHarness } from "../test/helpers/harness";
import { startCpuMeter } from "./lib/cpu";
import { FLOOR_WRITES_PER_PLEDGE, measurePledgeFloor, type FloorRun } from "./lib/db-floor";

// Two figures of issue 4, measured on whatever MONGODB_URI points at (else the
// embedded mongo-java-server, in memory, started here):
//  1. The pledge confirm path, from a signed webhook to the certificate reply
//     recorded at the LINE emulator, at a steady open-loop rate (default 100
//     pledges/s for 60 s). Each user is already at the confirm step (flow state
//     written beforehand, as pledge.start would leave it), so every event timed is a
//     confirmation. Errors and duplicates are counted, not assumed. Beside it, the
//     database floor (lib/db-floor.ts): the least database work a confirmation
//     needs, run on the same database without the bot; the ratio of the two says
//     how much of the gap is the bot's.
//  2. The district ranking over a year of 500,000 pledges (and as many members):
//     p50/p95/p99 of districtRanking(), read from the running counters, next to the
//     one-off cost of a $group over the pledges themselves.
export interface PledgeBenchOptions {
  /** Seconds of steady load (PLEDGE_BENCH_DURATION_S). Default 60. */
  durationS?: number;
  /** Confirmations per second. Default 100. */
  rate?: number;
  /** Pledges loaded for the ranking query (PLEDGE_BENCH_RANKING_PLEDGES). Default 500,000. */
  rankingPledges?: number;
  /** Members loaded for the per-1,000 ranking. Default: as many as pledges. */
  rankingMembers?: number;
  /** Timed ranking queries. Default 200. */
  rankingQueries?: number;
  /** How long to wait for the last replies after the load stops. Default 120 s. */
  drainTimeoutS?: number;
  /** Seconds of each database-floor run (bench/lib/db-floor.ts). Default 10. */
  floorSeconds?: number;
  /** Which figures to measure (PLEDGE_BENCH_PARTS="confirm,ranking"). Default both. */
  parts?: ("confirm" | "ranking")[];
  log?: (line: string) => void;
}

const envNumber = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summary(ms: number[]): Record<string, number | null> {
  const s = [...ms].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? null) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function benchConfirmPath(o: Required<Omit<PledgeBenchOptions, "log" | "parts">>, log: (l: string) => void, floor: FloorRun[], dbPid?: number): Promise<Record<string, unknown>> {
  // Production polling, not the tests' 100 ms; WORKER_CONCURRENCY as a deployment would set it.
  const h = await startHarness("bench_pledge_confirm", { pollMs: 1000, env: process.env.WORKER_CONCURRENCY ? { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY } : {} });
  try {
    const total = Math.round(o.rate * o.durationS);
    const users = Array.from({ length: total }, (_, i) => makeUserId(`bench-pledge-${i}`));
    const districts = listDistricts();
    const now = new Date();
    log(`confirm path: preparing ${total} users at the confirm step`);
    for (let i = 0; i < total; i += 2000) {
      const slice = users.slice(i, i + 2000);
      const areas = slice.map((_, j) => {
        const d = districts[(i + j) % districts.length]!;
        const tambons = listTambons(d.code);
        return { districtCode: d.code, tambonCode: tambons[(i + j) % tambons.length]!.code, villageNo: 1 + ((i + j) % 15) };
      });
      // Friends of the account, as people who pledge are: the certificate carries their LINE name.
      slice.forEach((userId, j) => h.line.addUser({ userId, displayName: `ผู้ร่วมประกาศ ${i + j + 1}`, language: "th" }));
      await Member.insertMany(slice.map((lineUserId, j) => ({ _id: memberIdFor(lineUserId), lineUserId, village: areas[j] })), { ordered: false });
      await FlowState.insertMany(
        slice.map((u, j) => ({
          _id: h.chatKey(u),
          chatKey: h.chatKey(u),
          flowId: PLEDGE_FLOW_ID,
          version: PLEDGE_FLOW_VERSION,
          step: "confirm",
          data: { ...areas[j], remembered: true },
          expiresAt: new Date(now.getTime() + PLEDGE_FLOW_TTL_MS + o.durationS * 1000 * 2),
        })),
        { ordered: false },
      );
    }
    h.line.reset();

    const sentAt = new Map<string, number>();
    let rejected = 0;
    let transportErrors = 0;
    const inflight: Promise<unknown>[] = [];
    const send = async (user: string) => {
      const ev = h.line.events.postback(user, "a=pledge.confirm");
      sentAt.set(user, Date.now());
      // LINE redelivers a non-2xx answer; do the same, and count every rejection.
      for (let attempt = 0; attempt < 10; attempt++) {
        const body = attempt === 0 ? ev : { ...ev, deliveryContext: { isRedelivery: true } };
        const res = await h.line.sendWebhook([body]).catch(() => ({ status: 0 }));
        if (res.status >= 200 && res.status < 300) return;
        if (res.status === 0) transportErrors++;
        else rejected++;
        await sleep(1000);
      }
    };
    log(`confirm path: sending ${o.rate}/s for ${o.durationS} s`);
    const started = Date.now();
    const cpuSpent = startCpuMeter(dbPid);
    let next = 0;
    while (next < total) {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * o.rate) + 1);
      for (; next < due; next++) inflight.push(send(users[next]!));
      await sleep(5);
    }
    const sendSeconds = (Date.now() - started) / 1000;
    await Promise.all(inflight);
    const deadline = Date.now() + o.drainTimeoutS * 1000;
    const certificatesFor = () => {
      const byUser = new Map<string, number[]>();
      for (const d of h.line.deliveries) {
        const cert = d.messages.some((m) => String((m as { altText?: string }).altText ?? "").includes("ใบประกาศเจตนารมณ์"));
        if (cert) byUser.set(d.to, [...(byUser.get(d.to) ?? []), d.at]);
      }
      return byUser;
    };
    while (Date.now() < deadline && certificatesFor().size < total) await sleep(250);
    const drainedAfterS = (Date.now() - started) / 1000;
    const cpu = cpuSpent();
    await sleep(1000); // late duplicates, if any, would show up here

    const certs = certificatesFor();
    const latencies: number[] = [];
    let duplicates = 0;
    for (const [user, times] of certs) {
      latencies.push(times[0]! - sentAt.get(user)!);
      duplicates += times.length - 1;
    }
    const otherReplies = h.line.deliveries.filter((d) => !certs.has(d.to)).length;
    // Let confirmations in flight finish first: a number claimed for a pledge not yet
    // stored is no gap (a retry of that pledge reuses it), but it would look like one.
    await h.bot.worker.stop();
    const pledges = await Pledge.find({}, { number: 1 }).lean();
    const numbers = new Set(pledges.map((p) => p.number));
    const firstAnswers = [...certs.values()].map((t) => t[0]!);
    const answeringS = firstAnswers.length > 0 ? (Math.max(...firstAnswers) - started) / 1000 : 0;
    const answeredPerS = answeringS > 0 ? Math.round((firstAnswers.length / answeringS) * 10) / 10 : 0;
    const bestFloor = Math.max(...floor.map((f) => f.pledgesPerS));
    const result = {
      target: { ratePerS: o.rate, durationS: o.durationS, pledges: total },
      workerConcurrency: h.bot.deps.config.workerConcurrency,
      answeredPerS,
      ratioToDatabaseFloor: Math.round((answeredPerS / bestFloor) * 100) / 100,
      achievedSendRatePerS: Math.round((total / sendSeconds) * 10) / 10,
      allAnsweredAfterS: Math.round(drainedAfterS * 10) / 10,
      latencyMs: summary(latencies),
      // From the first send to the last certificate. This process runs the bot, the LINE emulator and the webhook sender.
      cpuMsPerPledge: {
        botEmulatorAndSender: Math.round((cpu.thisProcessS * 1000 * 10) / total) / 10,
        database: cpu.otherProcessS === null ? null : Math.round((cpu.otherProcessS * 1000 * 10) / total) / 10,
      },
      webhookRejections: rejected,
      transportErrors,
      missingCertificates: total - certs.size,
      nonCertificateReplies: otherReplies,
      duplicateCertificates: duplicates,
      storedPledges: pledges.length,
      distinctNumbers: numbers.size,
      numbersDense: numbers.size === pledges.length && Math.max(...pledges.map((p) => p.number ?? 0)) === pledges.length,
    };
    log(`confirm path: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await h.close();
  }
}

/** Half the pledges in a quarter of the districts, like a province where some districts campaign harder. */
function skewedDistrict(i: number, codes: string[]): string {
  return i % 2 === 0 ? codes[i % Math.ceil(codes.length / 4)]! : codes[i % codes.length]!;
}

async function benchRanking(o: Required<Omit<PledgeBenchOptions, "log" | "parts">>, uri: string, log: (l: string) => void): Promise<Record<string, unknown>> {
  await connectDb(uri, `bench_pledge_rank_${Date.now().toString(36)}`);
  try {
    const now = new Date();
    const year = campaignYearOf(now, 10, "Asia/Bangkok");
    const codes = listDistricts().map((d) => d.code);
    const expected: Record<string, number> = {};
    log(`ranking: loading ${o.rankingPledges} pledges and ${o.rankingMembers} members`);
    let t = performance.now();
    const BATCH = 5000;
    for (let i = 0; i < o.rankingPledges; i += BATCH) {
      const docs = [];
      for (let j = i; j < Math.min(o.rankingPledges, i + BATCH); j++) {
        const districtCode = skewedDistrict(j, codes);
        const tambons = listTambons(districtCode);
        expected[districtCode] = (expected[districtCode] ?? 0) + 1;
        docs.push({
          _id: `${year}:m:${j.toString(16).padStart(24, "0")}`,
          campaignYear: year,
          number: j + 1,
          districtCode,
          tambonCode: tambons[j % tambons.length]!.code,
          villageNo: 1 + (j % 20),
          status: "active",
          source: "line",
          pledgedAt: now,
          monthKey: "2569-12",
        });
      }
      await Pledge.collection.insertMany(docs as never[], { ordered: false });
    }
    for (let i = 0; i < o.rankingMembers; i += BATCH) {
      const docs = [];
      for (let j = i; j < Math.min(o.rankingMembers, i + BATCH); j++) {
        const districtCode = skewedDistrict(j, codes);
        docs.push({ lineUserId: `U${j.toString(16).padStart(32, "0")}`, followed: true, role: "resident", meetingReminders: false, village: { districtCode, tambonCode: listTambons(districtCode)[0]!.code, villageNo: 1 } });
      }
      await Member.collection.insertMany(docs as never[], { ordered: false });
    }
    const loadS = (performance.now() - t) / 1000;

    t = performance.now();
    const exact = await aggregatePledgeCounts(year);
    const groupMs = performance.now() - t;
    t = performance.now();
    const tally = await rebuildPledgeTallies(year, now);
    const rebuildMs = performance.now() - t;
    const countsAgree = codes.every((c) => (tally.districts[c] ?? 0) === (expected[c] ?? 0)) && exact.reduce((s, r) => s + r.count, 0) === o.rankingPledges;

    clearPledgeStatsCache();
    const time = async (fn: () => Promise<unknown>) => {
      const s = performance.now();
      await fn();
      return performance.now() - s;
    };
    const coldMs = await time(() => districtRanking(year, "perThousand"));
    const byCount: number[] = [];
    const byRate: number[] = [];
    const byTambon: number[] = [];
    for (let q = 0; q < o.rankingQueries; q++) {
      byCount.push(await time(() => districtRanking(year, "count")));
      byRate.push(await time(() => districtRanking(year, "perThousand")));
      byTambon.push(await time(() => pledgeCountsByArea(year, { districtCode: codes[q % codes.length] })));
    }
    const top = (await districtRanking(year, "count"))[0]!;
    const result = {
      pledges: o.rankingPledges,
      members: o.rankingMembers,
      loadSeconds: Math.round(loadS),
      districtRankingByCountMs: summary(byCount),
      districtRankingPerThousandMs: summary(byRate),
      tambonCountsMs: summary(byTambon),
      firstRankingColdMs: Math.round(coldMs),
      groupOverAllPledgesMs: Math.round(groupMs),
      rebuildTalliesMs: Math.round(rebuildMs),
      countsAgreeWithGroup: countsAgree,
      topDistrict: { nameTh: top.nameTh, linePledges: top.linePledges },
    };
    log(`ranking: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDb();
  }
}

export async function runPledgeBench(opts: PledgeBenchOptions = {}): Promise<Record<string, unknown>> {
  const log = opts.log ?? ((l: string) => console.error(`[pledge bench] ${l}`));
  const rankingPledges = opts.rankingPledges ?? envNumber("PLEDGE_BENCH_RANKING_PLEDGES") ?? 500_000;
  const o = {
    durationS: opts.durationS ?? envNumber("PLEDGE_BENCH_DURATION_S") ?? 60,
    rate: opts.rate ?? envNumber("PLEDGE_BENCH_RATE") ?? 100,
    rankingPledges,
    rankingMembers: opts.rankingMembers ?? envNumber("PLEDGE_BENCH_RANKING_MEMBERS") ?? rankingPledges,
    rankingQueries: opts.rankingQueries ?? 200,
    drainTimeoutS: opts.drainTimeoutS ?? 120,
    floorSeconds: opts.floorSeconds ?? 10,
  };
  const parts = opts.parts ?? ((process.env.PLEDGE_BENCH_PARTS?.split(",") ?? ["confirm", "ranking"]) as ("confirm" | "ranking")[]);
  let db: EmbeddedDb | undefined;
  let dataDir: string | undefined;
  const hadUri = process.env.MONGODB_URI;
  if (!hadUri) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-bench-pledge-"));
    db = await startEmbeddedDb({ log });
    process.env.MONGODB_URI = db.uri;
  }
  try {
    const backend = process.env.BENCH_DATABASE ?? (hadUri ? "MONGODB_URI (as given)" : "embedded mongo-java-server 1.47, memory backend");
    // The floor first, on the same database: the least work a pledge needs, without the bot.
    const floor = parts.includes("confirm") ? await measurePledgeFloor(process.env.MONGODB_URI!, o.floorSeconds, [1, 4, 16]) : undefined;
    if (floor) log(`database floor: ${JSON.stringify(floor)}`);
    const confirmPath = floor ? await benchConfirmPath(o, log, floor, db?.process.pid ?? envNumber("BENCH_DATABASE_PID")) : "skipped";
    const ranking = parts.includes("ranking") ? await benchRanking(o, process.env.MONGODB_URI!, log) : "skipped";
    const databaseFloor = floor ? { writesPerPledge: FLOOR_WRITES_PER_PLEDGE, secondsPerRun: o.floorSeconds, runs: floor } : "skipped";
    return { backend, cores: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), node: process.version, databaseFloor, confirmPath, ranking };
  } finally {
    if (db) {
      delete process.env.MONGODB_URI;
      await db.stop();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runPledgeBench()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0); // the runtime's background pollers may still hold timers
    })
    .catch((err: Error) => {
      console.error(err);
      process.exit(1);
    });
}
