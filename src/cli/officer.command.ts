import { DomainError } from "../errors";
import { OFFICER_ROLES, type OfficerRole } from "../models/officer.model";
import { createOfficer, issueApiToken, normalizeUsername } from "../services/officer.service";
import { Officer } from "../models/officer.model";
import { announceCliDatabase, withCliDatabase, type CliDatabase } from "./cli-db";
import type { CliCommand } from "./commands";
import { promptNewPassword, type HiddenInput } from "./prompt-password";

// `npm run cli -- officer:create --username u --role admin [--districts 4001,4002]`
// creates a dashboard account (the first admin comes from here). In a terminal it asks
// for the password twice without echo; otherwise it reads standard input (first line) or
// the variable named by --password-env. Never from the command line, where `ps` and shell
// history see it. The database: MONGODB_URI, else the running `npm run dev` (cli-db.ts).
// `officer:token --username svc [--label text] [--scope read|case] [--days 90]` issues an
// API token for a service account: read-only unless --scope case, 90 days unless --days.
export interface CliIo {
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  /** Asks for a new password twice without echo; only set when standard input is a terminal. */
  promptPassword?: () => Promise<string>;
  out: (line: string) => void;
}

export function parseFlags(args: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) throw new Error(`unexpected argument "${a}"`);
    const eq = a.indexOf("=");
    if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
    else {
      const v = args[i + 1];
      if (v === undefined || v.startsWith("--")) throw new Error(`${a} needs a value`);
      flags[a.slice(2)] = v;
      i++;
    }
  }
  return flags;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let s = "";
  for await (const chunk of stream) s += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  return s;
}

const stdin = process.stdin as HiddenInput;
const defaultIo: CliIo = {
  env: process.env,
  readStdin: () => readAll(process.stdin),
  promptPassword: stdin.isTTY ? () => promptNewPassword(stdin, process.stderr) : undefined,
  out: (l) => console.log(l),
};

const withDb = <T>(env: NodeJS.ProcessEnv, run: () => Promise<T>, found?: CliDatabase): Promise<T> => withCliDatabase(env, run, found);

function explain(err: unknown): never {
  if (err instanceof DomainError) throw new Error(err.userMessage ? `${err.message} (${err.userMessage})` : err.message);
  throw err;
}

export async function officerCreate(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const f = parseFlags(args);
  if (!f.username) throw new Error("--username is required");
  const role = f.role as OfficerRole;
  if (!OFFICER_ROLES.includes(role)) throw new Error(`--role must be one of ${OFFICER_ROLES.join(", ")}`);
  const service = f.kind === "service";
  // Which database first: nobody should type a password twice to learn there is none.
  const db = announceCliDatabase(io.env);
  let password: string | undefined;
  if (!service) {
    if (f["password-env"]) {
      password = io.env[f["password-env"]];
      if (!password) throw new Error(`the variable ${f["password-env"]} (from --password-env) is empty or unset`);
    } else if (io.promptPassword) {
      password = await io.promptPassword();
    } else {
      password = (await io.readStdin()).split(/\r?\n/)[0] ?? "";
      if (!password) throw new Error("give the password on standard input (echo … | npm run cli -- officer:create …) or with --password-env VAR");
    }
  }
  const districts = f.districts ? f.districts.split(",").map((d) => d.trim()).filter(Boolean) : [];
  const officer = await withDb(
    io.env,
    () => createOfficer({ username: f.username!, role, districts, password, displayName: f["display-name"], kind: service ? "service" : "human" }).catch(explain),
    db,
  );
  io.out(`created ${officer.kind} account "${officer.username}" (${officer.role}${officer.districts.length ? `: ${officer.districts.join(",")}` : ""})`);
  return 0;
}

export async function officerToken(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const f = parseFlags(args);
  if (!f.username) throw new Error("--username is required");
  const token = await withDb(io.env, async () => {
    const o = await Officer.findOne({ username: normalizeUsername(f.username!) });
    if (!o) throw new Error(`no account "${f.username}"`);
    const scope = f.scope === "case" ? "case" : "read";
    return (await issueApiToken(String(o._id), f.label ?? "cli", new Date(), { scope, days: f.days ? Number(f.days) : undefined }).catch(explain)).token;
  });
  io.out(token);
  return 0;
}

export const officerCommands: Record<string, CliCommand> = {
  "officer:create": {
    summary: "create a dashboard account: --username u --role admin|officer|viewer [--districts 4001,4002] [--password-env VAR] [--kind service]",
    run: (args) => officerCreate(args),
  },
  "officer:token": {
    summary: "issue an API token for a service account (printed once): --username u [--label text] [--scope read|case] [--days 1-365]",
    run: (args) => officerToken(args),
  },
};
