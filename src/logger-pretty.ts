import type { DestinationStream } from "pino";

// The dev terminal's format (LOG_FORMAT=pretty, the default of `npm run dev`): one
// short human line per record instead of JSON, e.g.
//   10:42:03 ต้อย ▸ "ไม่รับ ไม่ให้" → pledge.start (12 ms)
// for a handled event, and `10:42:05 WARN outbox send failed status=500` for the
// rest, warnings yellow and errors red on a colour terminal. The `dev` preview (who
// said what) is added by the worker in this format only; JSON lines never carry it.
export interface PrettyOptions {
  /** Colour codes; default: standard output is a terminal and NO_COLOR is unset. */
  color?: boolean;
  /** A LINE user id's display name (the dev runner asks its emulator). */
  nameOf?: (userId: string) => string | undefined;
}

/** What process-event.ts adds to "event handled" in the pretty format. */
export interface DevPreview {
  /** The LINE user id, unhashed: this record is never written as JSON (logger.ts). */
  user?: string;
  said?: string;
}

const COLOURS: Record<string, string> = { warn: "\x1b[33m", error: "\x1b[31m", debug: "\x1b[2m" };
const RESET = "\x1b[0m";
const HIDDEN = new Set(["t", "level", "msg", "instance", "dev", "err", "webhookEventId"]);
const PREVIEW_CHARS = 40;

function clock(iso: unknown): string {
  const d = new Date(typeof iso === "string" ? iso : Date.now());
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

function value(v: unknown): string {
  if (typeof v === "string") return /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

function who(dev: DevPreview, opts: PrettyOptions): string {
  if (!dev.user) return "?";
  return opts.nameOf?.(dev.user) ?? `…${dev.user.slice(-6)}`;
}

function quoted(said: string | undefined): string {
  if (said === undefined) return "";
  const one = said.replace(/\s+/g, " ").trim();
  return ` "${one.length > PREVIEW_CHARS ? one.slice(0, PREVIEW_CHARS) + "…" : one}"`;
}

/** One JSON record as the dev line (no newline). */
export function formatPretty(rec: Record<string, unknown>, opts: PrettyOptions = {}): string {
  const level = String(rec.level ?? "info");
  const dev = rec.dev as DevPreview | undefined;
  let line: string;
  if (dev && rec.msg === "event handled") {
    const ms = typeof rec.ms === "number" ? ` (${rec.ms} ms)` : "";
    line = `${clock(rec.t)} ${who(dev, opts)} ▸${quoted(dev.said)} → ${String(rec.action ?? rec.route ?? "?")}${ms}`;
  } else {
    const tag = level === "info" ? "" : `${level.toUpperCase()} `;
    const rest = Object.entries(rec).filter(([k, v]) => !HIDDEN.has(k) && v !== undefined);
    const err = rec.err as { message?: string; stack?: string } | undefined;
    line = [`${clock(rec.t)} ${tag}${String(rec.msg ?? "")}`, ...rest.map(([k, v]) => `${k}=${value(v)}`), ...(err ? [`err=${value(err.message ?? err)}`] : [])].join(" ");
    if (err?.stack && level === "error") line += `\n    ${err.stack.split(" | ").slice(1).map((s) => s.trim()).join("\n    ")}`;
  }
  const colour = COLOURS[level];
  return opts.color && colour ? `${colour}${line}${RESET}` : line;
}

/** A pino destination that turns each JSON line into the dev line and hands it to `next`. */
export function prettyDestination(next: DestinationStream, opts: PrettyOptions = {}): DestinationStream {
  const o: PrettyOptions = { ...opts, color: opts.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR) };
  return {
    write(line: string) {
      let rec: Record<string, unknown>;
      try {
        rec = JSON.parse(line) as Record<string, unknown>;
      } catch {
        next.write(line);
        return;
      }
      next.write(formatPretty(rec, o) + "\n");
    },
  };
}
