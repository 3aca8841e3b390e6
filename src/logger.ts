import { createHash } from "node:crypto";
import pino from "pino";
import { prettyDestination, type PrettyOptions } from "./logger-pretty";

// Structured logs through pino: one JSON line per event, `t` (ISO time), `level`
// (its name) and `msg` first, as before. LINE user ids are hashed and complaint
// text is never passed here (STYLE.md rule 10); redaction hashes id fields a
// caller passes by mistake and censors secrets. `LOG_FORMAT=pretty` (npm run dev)
// prints one short human line per event instead (logger-pretty.ts).
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFormat = "json" | "pretty";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions extends PrettyOptions {
  format?: LogFormat;
}

export function hashUserId(userId: string | undefined): string | undefined {
  if (!userId) return undefined;
  return createHash("sha256").update(userId).digest("hex").slice(0, 12);
}

/** Fields the logger writes itself; a caller's field of the same name is kept as `_<name>`. */
export const RESERVED_FIELDS: readonly string[] = ["t", "level", "msg"];
const ID_FIELDS = ["userId", "lineUserId"];
const SECRET_FIELDS = ["password", "token", "accessToken", "channelAccessToken", "secret", "channelSecret", "authorization", "cookie", "replyToken", "key"];
/**
 * Top-level fields and the nested places they come in (a webhook `source`, request
 * `headers`). Explicit paths: pino's `*.field` wildcards cost 5x per line (measured).
 */
export const REDACT_PATHS: readonly string[] = [...ID_FIELDS, ...SECRET_FIELDS, "source.userId", "event.source.userId", "headers.authorization", "headers.cookie", "config.headers.Authorization"];

function censor(value: unknown, path: string[]): unknown {
  if (ID_FIELDS.includes(path[path.length - 1]!)) return typeof value === "string" ? hashUserId(value) : "[redacted]";
  return "[redacted]";
}

/** At most the first four stack frames, on one line, as before the pino swap. */
function serializeErr(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  return { name: err.name, message: err.message, stack: err.stack?.split("\n").slice(0, 4).join(" | ") };
}

function guard(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  if (!RESERVED_FIELDS.some((k) => k in fields)) return fields;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[RESERVED_FIELDS.includes(k) ? `_${k}` : k] = v;
  return out;
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (m, f) => p.debug(guard(f), m),
    info: (m, f) => p.info(guard(f), m),
    warn: (m, f) => p.warn(guard(f), m),
    error: (m, f) => p.error(guard(f), m),
    child: (fields) => wrap(p.child(guard(fields))),
  };
}

/**
 * `write` receives each line without its newline (tests capture them); by default
 * lines go to standard output synchronously, so none is lost when the process exits.
 */
export function createLogger(level: LogLevel = "info", base: Record<string, unknown> = {}, write?: (line: string) => void, opts: LoggerOptions = {}): Logger {
  const json: pino.DestinationStream = write ? { write: (s: string) => write(s.endsWith("\n") ? s.slice(0, -1) : s) } : pino.destination({ dest: 1, sync: true });
  const dest = opts.format === "pretty" ? prettyDestination(json, opts) : json;
  const p = pino(
    {
      level,
      base: null,
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }), log: opts.format === "pretty" ? undefined : dropDev },
      serializers: { err: serializeErr },
      redact: { paths: [...REDACT_PATHS], censor },
    },
    dest,
  );
  return wrap(Object.keys(base).length ? p.child(guard(base)) : p);
}

/** The dev-only preview (`dev`: who said what) never reaches a JSON line. */
function dropDev(fields: Record<string, unknown>): Record<string, unknown> {
  if (!("dev" in fields)) return fields;
  const { dev: _dev, ...rest } = fields;
  return rest;
}
