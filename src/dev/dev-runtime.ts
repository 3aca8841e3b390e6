import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../util/repo-root";

// Where a running `npm run dev` is: its database (whose port changes at every start) and
// its LINE emulator, kept in <data dir>/dev-runtime.json (git-ignored, mode 600) for
// `npm run cli -- …`, which uses it when MONGODB_URI / EMULATOR_URL are not set.

export interface DevRuntime {
  pid: number;
  startedAt: string;
  mongodbUri: string;
  dbName: string;
  emulatorUrl: string;
  botUrl: string;
}

export const DEV_RUNTIME_FILE = "dev-runtime.json";

/** <DEV_DATA_DIR or .data>/dev-runtime.json */
export function devRuntimePath(env: NodeJS.ProcessEnv = process.env): string {
  const dataDir = env.DEV_DATA_DIR ? path.resolve(env.DEV_DATA_DIR) : path.join(findRepoRoot(__dirname), ".data");
  return path.join(dataDir, DEV_RUNTIME_FILE);
}

export function writeDevRuntime(file: string, rt: DevRuntime): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(rt, null, 2) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Removes the record, only if it is still this process's (a newer dev run keeps its own). */
export function removeDevRuntime(file: string, pid = process.pid): void {
  try {
    const rt = JSON.parse(readFileSync(file, "utf8")) as Partial<DevRuntime>;
    if (rt.pid === pid) rmSync(file, { force: true });
  } catch {
    // Already gone or unreadable: nothing to remove.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running dev mode's record; undefined when there is none or its process has ended. */
export function readDevRuntime(file: string): DevRuntime | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const rt = JSON.parse(readFileSync(file, "utf8")) as DevRuntime;
    if (typeof rt.pid !== "number" || typeof rt.mongodbUri !== "string" || !isAlive(rt.pid)) return undefined;
    return rt;
  } catch {
    return undefined;
  }
}
