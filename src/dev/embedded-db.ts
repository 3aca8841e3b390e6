import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { findRepoRoot } from "../util/repo-root";

// The embedded MongoDB wire-protocol server for dev and tests: FerretDB v1.24
// (SQLite backend) compiled from tools/ferretdb, with an index on the expression
// its _id lookups use (tools/ferretdb/idindex.go). Production uses real MongoDB.
const ROOT = findRepoRoot(__dirname);
const TOOL_DIR = path.join(ROOT, "tools", "ferretdb");
const CACHE_DIR = path.join(ROOT, ".cache", "ferretdb");

export interface EmbeddedDb {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function sourceHash(): string {
  const h = createHash("sha256");
  for (const f of ["go.mod", "go.sum", ...readdirSync(TOOL_DIR).filter((n) => n.endsWith(".go")).sort()]) {
    const p = path.join(TOOL_DIR, f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  return h.digest("hex").slice(0, 12);
}

/** Builds the launcher once per source version and returns the binary's path. */
export function ensureFerretDbBinary(log: (line: string) => void = () => {}): string {
  const bin = path.join(CACHE_DIR, `ferretdb-${sourceHash()}`);
  if (existsSync(bin)) return bin;
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) {
    throw new Error(
      "Go is not installed, so the embedded database (FerretDB) cannot be built. " +
        "Either install Go 1.24+, or set MONGODB_URI to a MongoDB you run (for example `docker compose up mongo`).",
    );
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`building the embedded database (FerretDB) into ${path.relative(ROOT, bin)} …`);
  const started = Date.now();
  const build = spawnSync("go", ["build", "-o", bin, "."], { cwd: TOOL_DIR, encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) throw new Error(`go build of tools/ferretdb failed (exit ${build.status})`);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
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
  port?: number;
  dataDir?: string;
  /** false: FerretDB as shipped, without the index on its _id lookups (a benchmark's baseline). */
  idIndex?: boolean;
  log?: (line: string) => void;
}

/** Starts FerretDB on loopback and resolves once it prints its URI. */
export async function startEmbeddedDb(opts: StartOptions = {}): Promise<EmbeddedDb> {
  const bin = ensureFerretDbBinary(opts.log);
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? path.join(ROOT, ".data", "ferretdb");
  mkdirSync(dataDir, { recursive: true });
  const args = ["-listen", `127.0.0.1:${port}`, "-data", dataDir, ...(opts.idIndex === false ? ["-id-index=false"] : [])];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  const uri = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`FerretDB did not start within 30 s: ${err}`)), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /MONGODB_URI=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`FerretDB exited (code ${code}): ${err.slice(-2000)}`));
    });
  });
  return {
    uri,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
