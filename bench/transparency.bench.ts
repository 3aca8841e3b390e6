import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { AppDeps } from "../src/app-deps";
import { connectDb, disconnectDb } from "../src/db";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";
import { createPublicRouter } from "../src/dashboard/public.router";
import { buildItaPack, PROVINCE } from "../src/services/ita/ita-pack.service";
import { campaignYearOf } from "../src/services/pledge.service";
import { countTransparencyFigures } from "../src/services/transparency/transparency-figures";
import { createTransparencySource } from "../src/services/transparency/transparency.service";
import { createSealer } from "../src/security/sealer";
import { seedComplaints, seedPledges, seedVillagesAndReports } from "./dashboard-seed";

// `runTransparencyBench()` (issue 23): with 100,000 complaints and 500,000 pledges,
// GET /transparency served from its once-a-minute build (target p95 < 50 ms), against
// the baseline of counting the figures for each request (what the cache saves, same
// run); and the ITA pack of one district and of the province (target < 10 s).
const TZ = "Asia/Bangkok";
const round = (x: number) => Math.round(x * 10) / 10;

function quantiles(samples: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
  return { n: s.length, p50: round(q(0.5)), p95: round(q(0.95)), max: round(s.at(-1) ?? 0) };
}

function timeGet(url: string): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      res.on("data", () => undefined);
      res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`${url}: ${res.statusCode}`))));
    }).on("error", reject);
  });
}

export async function runTransparencyBench(opts: { complaints?: number; pledges?: number; requests?: number; log?: (s: string) => void } = {}): Promise<Record<string, unknown>> {
  const log = opts.log ?? console.log;
  const nComplaints = opts.complaints ?? 100_000;
  const nPledges = opts.pledges ?? 500_000;
  let db: EmbeddedDb | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) uri = (db = await startEmbeddedDb({ maxHeap: "6g" })).uri;
  const now = new Date();
  const server = http.createServer();
  try {
    await connectDb(uri, `bench_transp_${randomBytes(3).toString("hex")}`);
    const t0 = performance.now();
    await seedComplaints(nComplaints, createSealer({ keyId: "k1", key: randomBytes(32) }), now, log);
    await seedPledges(nPledges, campaignYearOf(now, 10, TZ), now, log);
    await seedVillagesAndReports(now);
    log(`seeded ${nComplaints.toLocaleString("en-US")} complaints and ${nPledges.toLocaleString("en-US")} pledges in ${round((performance.now() - t0) / 1000)} s`);

    // Baseline: counting the figures, which is what each request would cost without the build cache.
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await countTransparencyFigures({ now, startMonth: 10, timeZone: TZ });
      counts.push(performance.now() - t);
    }
    const baseline = quantiles(counts);
    log(`  baseline, counted per request: p50 ${baseline.p50} ms`);

    const source = createTransparencySource({ now: () => new Date(), startMonth: 10, timeZone: TZ });
    const app = express().use(createPublicRouter({ config: { timezone: TZ }, now: () => new Date() } as unknown as AppDeps, source));
    server.on("request", app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/transparency`;
    const first = await timeGet(url);
    const samples: number[] = [];
    for (let i = 0; i < (opts.requests ?? 500); i++) samples.push(await timeGet(url));
    const page = quantiles(samples);
    log(`  /transparency: first ${round(first)} ms, then p50 ${page.p50} ms, p95 ${page.p95} ms over ${page.n} requests; ${source.builds()} build(s)`);

    const year = campaignYearOf(now, 10, TZ);
    const packs: Record<string, number> = {};
    for (const agency of ["4001", PROVINCE]) {
      const t = performance.now();
      await buildItaPack({ agency, campaignYear: year, startMonth: 10, timeZone: TZ, now });
      packs[agency] = round((performance.now() - t) / 1000);
      log(`  ITA pack ${agency}: ${packs[agency]} s`);
    }
    return {
      database: process.env.MONGODB_URI ? "MongoDB at MONGODB_URI" : "embedded mongo-java-server 1.47 (memory backend)",
      complaints: nComplaints,
      pledges: nPledges,
      countedPerRequestMs: baseline,
      page: { firstMs: round(first), ...page, builds: source.builds(), p95AgainstBaselineP50: Math.round((page.p95 / baseline.p50) * 1000) / 1000 },
      itaPackSeconds: packs,
      pass: { page: page.p95 < 50, districtPack: packs["4001"]! < 10 },
    };
  } finally {
    server.close();
    await disconnectDb().catch(() => undefined);
    await db?.stop();
  }
}
