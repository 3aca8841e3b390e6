import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";

// `npm test`: uses MONGODB_URI when set, else starts the embedded database
// (mongo-java-server, memory backend) on a free loopback port, and runs node's test
// runner. Each test file uses a database of its own on that server.
function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

/** The closing lines: how many tests were skipped, grouped by reason, with a few names each. */
function skipSummary(file: string): string {
  let lines: string[] = [];
  try {
    lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return "skipped: (no skip report was written)";
  }
  if (lines.length === 0) return "skipped: none";
  const byReason = new Map<string, string[]>();
  let suites = 0;
  for (const line of lines) {
    const { file: f, name, reason, suite } = JSON.parse(line) as { file?: string; name: string; reason: string; suite?: boolean };
    if (suite) suites++;
    const list = byReason.get(reason) ?? [];
    list.push(`${f ? path.basename(f) : "?"}: ${name}${suite ? " (a whole suite)" : ""}`);
    byReason.set(reason, list);
  }
  const out = [`skipped ${lines.length - suites} test(s)${suites ? ` and ${suites} suite(s)` : ""}, and why:`];
  for (const [reason, names] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`  ${names.length} × ${reason}`);
    for (const n of names.slice(0, 3)) out.push(`      ${n}`);
    if (names.length > 3) out.push(`      … and ${names.length - 3} more`);
  }
  return out.join("\n");
}

// Files that spend most of their time waiting (a real cron minute, a killed and
// restarted bot, a browser) start first, so the others run in their waits instead
// of after them: the run's wall time is then about the sum of the work over the slots.
const WAITS_LONGEST = ["test/integration/first-steps.test.ts", "test/integration/faults/bot-kill.test.ts", "test/e2e/chat-cards.e2e.test.ts", "test/e2e/dashboard-pages.e2e.test.ts"];

function waitsFirst(file: string): number {
  const i = WAITS_LONGEST.indexOf(file.split(path.sep).join("/"));
  return i < 0 ? WAITS_LONGEST.length : i;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const filters = process.argv.slice(2);
  const files = findTests(path.join(root, "test"))
    .map((f) => path.relative(root, f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort((a, b) => waitsFirst(a) - waitsFirst(b) || a.localeCompare(b));
  if (files.length === 0) {
    // node --test with no files would run whatever it finds, compiled copies included.
    console.log("no test files match");
    process.exit(0);
  }
  let db: EmbeddedDb | undefined;
  const env = { ...process.env };
  if (!env.MONGODB_URI) {
    db = await startEmbeddedDb({ backend: "memory", log: (l) => console.error(l) });
    env.MONGODB_URI = db.uri;
    env.SUJARIT_TEST_EMBEDDED_DB = "1";
  }
  // Three files at once on 2 cores: the suite keeps both busy only with a third, since
  // many files wait on timers, child processes and browsers (measured: 2 at a time
  // used 66 % of the cores, 194 s; 3 at a time 157 s, every test passing).
  // LINE's OpenAPI spec is an extra check, used when a copy sits beside the clone
  // (../shared/line-openapi, the developers' workspace); src/ only reads LINE_OPENAPI_DIR.
  const besideClone = path.resolve(root, "..", "shared", "line-openapi");
  if (env.LINE_OPENAPI_DIR === undefined && existsSync(besideClone)) env.LINE_OPENAPI_DIR = besideClone;
  const concurrency = env.TEST_CONCURRENCY ?? "3";
  const started = Date.now();
  // No --test-force-exit: it cut the tail of a file's report now and then (measured on
  // the unit tests: 1 run in 8 lost up to 13 tests without failing; 0 in 6 without it).
  // Every file closes what it opens, so the run ends on its own.
  const skipsDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-skips-"));
  const skipsFile = path.join(skipsDir, "skips.jsonl");
  const reporters = ["--test-reporter=spec", "--test-reporter-destination=stdout", "--test-reporter=./test/skip-summary-reporter.mjs", `--test-reporter-destination=${skipsFile}`];
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-timeout=300000", ...reporters, ...files],
    { cwd: root, env, stdio: "inherit" },
  );
  const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  console.log(skipSummary(skipsFile));
  rmSync(skipsDir, { recursive: true, force: true });
  console.log(`test wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db?.stop();
  process.exit(code);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
