import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "../../src/dev/embedded-db";

// The real server (`src/index.ts`, configured only by the environment) as a child
// process: its memory is its own, and SIGKILL kills only it. Benchmarks and the
// fault tests both start bots this way.
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface BotEnvInput {
  mongoUri: string;
  dbName: string;
  lineUrl: string;
  channelSecret: string;
  accessToken: string;
  extra?: Record<string, string>;
}

/** The environment contract of ARCHITECTURE.md, pointed at the emulator. */
export function botEnv(i: BotEnvInput): Record<string, string> {
  return {
    MONGODB_URI: i.mongoUri,
    MONGODB_DB: i.dbName,
    LINE_CHANNEL_SECRET: i.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: i.accessToken,
    LINE_API_BASE_URL: i.lineUrl,
    LINE_DATA_API_BASE_URL: i.lineUrl,
    LINE_TIMEOUT_MS: "3000",
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SESSION_SECRET: randomBytes(24).toString("hex"),
    LOG_LEVEL: "warn",
    SCHEDULER_ENABLED: "false",
    ...i.extra,
  };
}

export interface BotProcess {
  pid: number;
  port: number;
  url: string;
  child: ChildProcess;
  /** Last lines the bot wrote to stderr/stdout (for failure messages). */
  tail(): string;
  /** Peak resident set size so far (Linux VmHWM), or the current RSS elsewhere; bytes. */
  peakRssBytes(): number | undefined;
  rssBytes(): number | undefined;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartBotOptions {
  env: Record<string, string>;
  port?: number;
  /** a compiled entry (dist/src/index.js); default: src/index.ts through tsx */
  compiledEntry?: string;
  /** another TypeScript entry run through tsx (the benchmark baselines) */
  tsEntry?: string;
  readyTimeoutMs?: number;
}

function procStatusKb(pid: number, field: "VmHWM" | "VmRSS"): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
    const kb = Number(ps.stdout?.trim());
    return Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
  }
}

export async function startBotProcess(opts: StartBotOptions): Promise<BotProcess> {
  const port = opts.port ?? (await freePort());
  const args = opts.compiledEntry ? [opts.compiledEntry] : ["--import", "tsx", opts.tsEntry ?? path.join(REPO_ROOT, "src", "index.ts")];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...opts.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (b: Buffer) => {
    tail = (tail + b.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (code ${child.exitCode}) before it was ready:\n${tail}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the bot was not ready within ${opts.readyTimeoutMs ?? 30_000} ms:\n${tail}`);
    }
    await delay(100);
  }
  return {
    pid: child.pid!,
    port,
    url,
    child,
    tail: () => tail,
    peakRssBytes: () => procStatusKb(child.pid!, "VmHWM"),
    rssBytes: () => procStatusKb(child.pid!, "VmRSS"),
    async kill(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Compiles the app with tsc into .cache/bench-dist; returns the entry, or undefined if tsc failed. */
export function compileBot(log: (l: string) => void = () => {}): string | undefined {
  const outDir = path.join(REPO_ROOT, ".cache", "bench-dist");
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--outDir", outDir, "--noEmitOnError", "false", "--sourceMap", "false"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  const entry = path.join(outDir, "src", "index.js");
  if (!existsSync(entry)) {
    log(`tsc produced no ${path.relative(REPO_ROOT, entry)} (exit ${r.status}); running the bot through tsx`);
    return undefined;
  }
  if (r.status !== 0) log(`tsc reported type errors (exit ${r.status}) but emitted the bot; using it`);
  return entry;
}
