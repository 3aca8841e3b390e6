import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";
import { runE2eBench } from "./e2e.bench";
import { runDatabaseBench } from "./database.bench";
import { runIngestBench } from "./ingest.bench";
import { compileBot } from "./lib/bot-process";
import { recordMarkdown, sectionMarkdown, type BenchSection } from "./lib/report";
import { mergeSections, splitSections, type Section } from "./lib/merge";
import { scalingMarkdown } from "./lib/scaling";

// `npm run bench [-- names…] [--quick] [--full]` runs the benchmarks and writes
// BENCHMARKS.md. Names: database, ingest, e2e (here), and the domain modules pledge,
// complaint, reminder, dashboard (each engineer's bench/<name>.bench.ts, loaded
// if present). --quick: seconds per run and small data sets. Default: a
// "standard" scale that finishes in tens of minutes on 2 cores; --full: each
// module's own defaults (the issues' targets).
type Scale = "quick" | "standard" | "full";
type Runner = (uri: string, scale: Scale, compiledEntry: string | undefined) => Promise<BenchSection | Record<string, unknown>>;

const log = (l: string) => console.error(`[bench] ${l}`);
let embeddedDb = false; // the run started its own mongo-java-server (no MONGODB_URI given)

// Domain modules: file, exported function, and options per scale (undefined = the module's defaults).
const DOMAIN: Record<string, { fn: string; title: string; opts: Partial<Record<Scale, Record<string, unknown>>> }> = {
  announcement: { fn: "runAnnouncementBench", title: "Announcement to a 200,000-recipient segment (bench/announcement.bench.ts)", opts: { quick: { recipients: 20_000 } } },
  reminder: { fn: "runReminderBench", title: "Reminder fan-out (bench/reminder.bench.ts)", opts: { quick: { villages: 24, residents: 2_000 } } },
  dashboard: { fn: "runDashboardBench", title: "Dashboard queries (bench/dashboard.bench.ts)", opts: { quick: { complaints: 1_000, pledges: 5_000, minSamples: 3, budgetMsPerCase: 15_000 }, standard: { complaints: 100_000, pledges: 500_000, minSamples: 5, budgetMsPerCase: 30_000 } } },
  pledge: { fn: "runPledgeBench", title: "Pledges (bench/pledge.bench.ts)", opts: { quick: { durationS: 5, rate: 10, rankingPledges: 10_000, rankingQueries: 20, drainTimeoutS: 30, floorSeconds: 2 }, standard: { durationS: 60, rate: 100, rankingPledges: 500_000, rankingQueries: 100, drainTimeoutS: 120 } } },
  transparency: { fn: "runTransparencyBench", title: "Transparency page and ITA pack (bench/transparency.bench.ts)", opts: { quick: { complaints: 2_000, pledges: 10_000, requests: 100 }, standard: { complaints: 100_000, pledges: 500_000, requests: 500 } } },
  complaint: { fn: "runComplaintBench", title: "Complaints (bench/complaint.bench.ts)", opts: { quick: { durationS: 5, rate: 2, photos: 5, drainTimeoutS: 30 }, standard: { durationS: 20, rate: 50, photos: 20, drainTimeoutS: 120 } } },
};

const OWN: Record<string, Runner> = {
  database: (uri, scale) => runDatabaseBench({ uri, sizes: scale === "quick" ? [1_000, 10_000] : [1_000, 10_000, 50_000, 100_000], embedded: embeddedDb, log }),
  ingest: (uri, scale, entry) => runIngestBench({ mongoUri: uri, quick: scale === "quick", compiledEntry: entry, log }),
  e2e: (uri, scale, entry) => runE2eBench({ mongoUri: uri, quick: scale === "quick", compiledEntry: entry, log }),
};

function domainRunner(name: string): Runner | undefined {
  const d = DOMAIN[name];
  if (!d || !existsSync(path.join(__dirname, `${name}.bench.ts`))) return undefined;
  return async (_uri, scale) => {
    const mod = (await import(`./${name}.bench`)) as Record<string, (o?: Record<string, unknown>) => Promise<Record<string, unknown>>>;
    const fn = mod[d.fn];
    if (typeof fn !== "function") throw new Error(`bench/${name}.bench.ts has no ${d.fn}()`);
    return fn({ ...(d.opts[scale] ?? {}), log });
  };
}

const isSection = (x: unknown): x is BenchSection => typeof x === "object" && x !== null && "figures" in x && "title" in x;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scale: Scale = args.includes("--quick") ? "quick" : args.includes("--full") ? "full" : "standard";
  const all = [...Object.keys(OWN), ...Object.keys(DOMAIN)];
  const names = args.filter((a) => !a.startsWith("--"));
  for (const n of names) if (!all.includes(n)) throw new Error(`unknown benchmark "${n}"; known: ${all.join(", ")}`);
  const chosen = names.length > 0 ? names : all;

  const started = new Date();
  const loadStart = os.loadavg();
  let db: EmbeddedDb | undefined;
  if (!process.env.MONGODB_URI) {
    db = await startEmbeddedDb({ backend: "memory", maxHeap: "4g", log });
    process.env.MONGODB_URI = db.uri; // the domain modules read it
    process.env.BENCH_DATABASE = "embedded mongo-java-server 1.47, memory backend (started by bench/run.ts)"; // and name it so
    if (db.process.pid) process.env.BENCH_DATABASE_PID = String(db.process.pid); // whose CPU time the pledge bench counts
    embeddedDb = true;
  }
  const uri = process.env.MONGODB_URI!;
  log("compiling the bot (tsc) so that its memory is the production build's");
  const entry = compileBot(log);

  const parts: string[] = [];
  const sections: BenchSection[] = [];
  try {
    for (const name of chosen) {
      const runner = OWN[name] ?? domainRunner(name);
      if (!runner) {
        parts.push(`## ${DOMAIN[name]?.title ?? name}\n\nNot available: bench/${name}.bench.ts is not in this tree.\n`);
        continue;
      }
      log(`running ${name} (${scale})`);
      const t0 = Date.now();
      try {
        const out = await runner(uri, scale, entry);
        const took = `\n_${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s of wall time, in the run started ${started.toISOString()}._\n`;
        if (isSection(out)) {
          sections.push(out);
          parts.push(sectionMarkdown(out) + took);
        } else parts.push(recordMarkdown(DOMAIN[name]?.title ?? name, out) + took);
      } catch (err) {
        log(`${name} failed: ${(err as Error).stack}`);
        parts.push(`## ${DOMAIN[name]?.title ?? name}\n\nFailed in this run: ${(err as Error).message.split("\n")[0]}\n`);
      }
    }
  } finally {
    await db?.stop();
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const header = [
    "# Sujarit benchmarks",
    "",
    `Written by \`npm run bench${args.length ? " -- " + args.join(" ") : ""}\` (scale: ${scale}) on ${started.toISOString()} (${new Date().toISOString()} at the end).`,
    "",
    `- Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    `- Load average (1/5/15 min) at the start ${loadStart.map((x) => x.toFixed(1)).join(" / ")}, at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}: other work on the machine shares the 2 cores.`,
    `- Database: ${db ? "the embedded mongo-java-server 1.47 with its memory backend (with Sujarit's index planner: declared indexes are kept and used, see the README), on the same machine" : "MONGODB_URI (set by the caller)"}; every figure that touches the database is bounded by it.`,
    `- Bot: ${entry ? "compiled with tsc, run as `node " + path.relative(path.join(__dirname, ".."), entry) + "`" : "`tsx src/index.ts` (tsc emitted nothing)"}, a child process configured only by its environment; the load generator, the LINE emulator and the baselines run beside it on the same cores.`,
    `- Full-scale runs of the domain benchmarks made during development are in \`bench/BENCHMARKS-notes.md\`; \`npm run bench -- --full\` repeats them.`,
    "",
  ];
  const out = path.join(__dirname, "..", "BENCHMARKS.md");
  const fresh = splitSections([...parts, sections.some((x) => x.title === "Webhook ingest") || names.length === 0 ? scalingMarkdown(sections) : ""].join("\n")).sections;
  let kept: Section[] = fresh;
  if (names.length > 0 && existsSync(out)) {
    // A partial run: the other sections stay as they were measured, each with its own date.
    kept = mergeSections(splitSections(readFileSync(out, "utf8")).sections, fresh);
    header.push(`Only ${names.join(", ")} ran this time; the other sections are from earlier runs, dated on their last line.`, "");
  }
  const body = [...header, ...kept.map((x) => x.text)].join("\n");
  writeFileSync(out, body);
  console.log(body);
}

main()
  .then(() => process.exit(0))
  .catch((err: Error) => {
    console.error(err);
    process.exit(1);
  });
