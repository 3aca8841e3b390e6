import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { findRepoRoot } from "../util/repo-root";

// The embedded MongoDB wire-protocol server for dev and tests: mongo-java-server 1.47
// (tools/mongo-dev, a small Maven project built once into .cache/mongo-dev/). Tests use
// its memory backend; `npm run dev` and `npm run db` its H2 file in .data/, which
// flushes about once a second (a kill -9 can lose the last second: fine for dev).
// Production uses real MongoDB; what this server lacks is in the README.
const ROOT = findRepoRoot(__dirname);
const TOOL_DIR = path.join(ROOT, "tools", "mongo-dev");
const CACHE_DIR = path.join(ROOT, ".cache", "mongo-dev");

export interface EmbeddedDb {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function listSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) listSources(p, out);
    else out.push(p);
  }
  return out;
}

function sourceHash(): string {
  const h = createHash("sha256");
  for (const f of [path.join(TOOL_DIR, "pom.xml"), ...listSources(path.join(TOOL_DIR, "src"))]) h.update(readFileSync(f));
  return h.digest("hex").slice(0, 12);
}

function missing(what: string): Error {
  return new Error(
    `${what} is not installed, so the embedded database (mongo-java-server) cannot be built. ` +
      "Install Java 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), " +
      "or set MONGODB_URI to a MongoDB you run (for example `docker compose up mongo`).",
  );
}

/** Builds the launcher jar once per source version and returns its path. */
export function ensureMongoDevJar(log: (line: string) => void = () => {}): string {
  const jar = path.join(CACHE_DIR, `mongo-dev-${sourceHash()}.jar`);
  if (existsSync(jar)) return jar;
  if (spawnSync("java", ["-version"]).status !== 0) throw missing("Java");
  if (spawnSync("mvn", ["-v"]).status !== 0) throw missing("Maven");
  log(`building the embedded database (mongo-java-server) into ${path.relative(ROOT, jar)} …`);
  const started = Date.now();
  const build = spawnSync("mvn", ["-q", "-B", "package"], { cwd: TOOL_DIR, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) throw new Error(`mvn package in tools/mongo-dev failed (exit ${build.status})`);
  mkdirSync(CACHE_DIR, { recursive: true });
  copyFileSync(path.join(TOOL_DIR, "target", "mongo-dev.jar"), jar);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return jar;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** 0 or unset: the server picks a free port and prints it. */
  port?: number;
  /** "memory" (tests) or "h2" (dev: data survives restarts in `file`). */
  backend?: "memory" | "h2";
  /** The H2 file; default .data/mongo-dev.mv. */
  file?: string;
  /** JVM heap cap; default 2g. */
  maxHeap?: string;
  log?: (line: string) => void;
}

/** Starts mongo-java-server on loopback and resolves once it prints its URI. */
export async function startEmbeddedDb(opts: StartOptions = {}): Promise<EmbeddedDb> {
  const jar = ensureMongoDevJar(opts.log);
  const backend = opts.backend ?? "memory";
  // G1: ParallelGC paused the server 1–2.8 s at a few hundred thousand documents.
  const args = [`-Xmx${opts.maxHeap ?? "2g"}`, "-XX:+UseG1GC", "-jar", jar, "--port", String(opts.port ?? 0), "--backend", backend, "--exit-on-stdin-eof"];
  if (backend === "h2") {
    const file = opts.file ?? path.join(ROOT, ".data", "mongo-dev.mv");
    mkdirSync(path.dirname(file), { recursive: true });
    args.push("--file", file);
  }
  // stdin stays a pipe we hold: if this process dies, the server sees EOF and exits.
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"] });
  const uri = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`the embedded database did not start within 30 s: ${err}`)), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /MONGODB_URI=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-4000);
      if (opts.log && /\bERROR\b|Exception/.test(chunk.toString())) opts.log(chunk.toString().trimEnd());
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded database exited (code ${code}): ${err.slice(-2000)}`));
    });
  });
  return {
    uri,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
