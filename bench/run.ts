import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb } from "../src/dev/embedded-db";
import { runComplaintBench } from "./complaint.bench";
import { runDashboardBench } from "./dashboard.bench";
import { runIngestBench } from "./ingest.bench";
import { runPledgeBench } from "./pledge.bench";
import { runReminderBench } from "./reminder.bench";
import type { LoadResult } from "./lib/load";

// `npm run bench [-- names…] [--quick]`: runs the benchmarks and writes BENCHMARKS.md.
// Default: webhook ingest against its baseline. Named extras: pledge, complaint,
// reminder, dashboard (each module prints its own figures; they take minutes).
const EXTRAS: Record<string, () => Promise<Record<string, unknown>>> = {
  pledge: () => runPledgeBench(),
  complaint: () => runComplaintBench(),
  reminder: () => runReminderBench(),
  dashboard: async () => ({ ...(await runDashboardBench()) }),
};

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");
const row = (name: string, r: LoadResult, base?: LoadResult | "self") =>
  `| ${name} | ${f(r.rps, 0)} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} | ${base === "self" ? "1.00" : base ? f(r.rps / base.rps, 2) : "–"} |`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const names = args.filter((a) => !a.startsWith("--"));
  const db = process.env.MONGODB_URI ? undefined : await startEmbeddedDb({ dataDir: path.join(os.tmpdir(), `sujarit-bench-${Date.now()}`) });
  const uri = process.env.MONGODB_URI ?? db!.uri;
  process.env.MONGODB_URI = uri;
  const started = new Date();
  const lines: string[] = [];
  try {
    const ingest = await runIngestBench(uri, quick);
    const r = (k: string) => ingest[k] as LoadResult;
    lines.push(
      "## Webhook ingest",
      "",
      "Signed bodies into the real server (a child process: `src/index.ts`), 16 keep-alive connections; the baseline is a bare express server that only checks the HMAC on the same bodies, measured in the same run.",
      "",
      "| Run | requests/s | p50 ms | p99 ms | non-2xx | ratio to baseline |",
      "|---|---|---|---|---|---|",
      row("baseline, 1 event/body", r("baseline_1"), "self"),
      row("bot, 1 event/body", r("bot_1"), r("baseline_1")),
      row("baseline, 10 events/body", r("baseline_10"), "self"),
      row("bot, 10 events/body", r("bot_10"), r("baseline_10")),
      row("bot, fixed 500 events/s (50 bodies × 10)", r("bot_500eps")),
      "",
      `Peak RSS of the bot under this load: **${ingest.peakRssMB} MB** (target < 200 MB).`,
      `Targets: ratio ≥ 0.5 of the baseline's throughput; p99 < 50 ms at 500 events/s.`,
      "",
    );
    for (const name of names) {
      const run = EXTRAS[name];
      if (!run) throw new Error(`unknown benchmark ${name}; known: ingest, ${Object.keys(EXTRAS).join(", ")}`);
      const figures = await run();
      lines.push(`## ${name}`, "", "```json", JSON.stringify(figures, null, 2), "```", "");
    }
  } finally {
    await db?.stop();
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const header = [
    "# Sujarit benchmarks",
    "",
    `Written by \`npm run bench${args.length ? " -- " + args.join(" ") : ""}\` on ${started.toISOString()}.`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}, load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}.`,
    `Database: ${db ? "embedded FerretDB 1.24 (SQLite backend)" : "MONGODB_URI"} — see README: FerretDB scans without secondary indexes and writes slowly, so database-bound figures here understate MongoDB.`,
    "",
  ];
  const extra = path.join(__dirname, "BENCHMARKS-notes.md");
  let notes = "";
  try {
    notes = require("node:fs").readFileSync(extra, "utf8");
  } catch {
    /* none */
  }
  writeFileSync(path.join(__dirname, "..", "BENCHMARKS.md"), [...header, ...lines, notes].join("\n"));
  console.log([...header, ...lines].join("\n"));
}

main()
  .then(() => process.exit(0))
  .catch((err: Error) => {
    console.error(err);
    process.exit(1);
  });
