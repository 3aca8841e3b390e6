import { spawn } from "node:child_process";

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs a command to its end with stdin written and closed; its exit code (1 when killed) and what it printed. */
export function runCaptured(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string }): Promise<Captured> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, out, err }));
    child.stdin.end(opts.stdin ?? "");
  });
}
