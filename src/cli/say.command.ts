import { readFileSync } from "node:fs";
import path from "node:path";
import { devRuntimePath, readDevRuntime } from "../dev/dev-runtime";
import { SimClient, type SendResult, type SimEventInput } from "../dev/line-emulator/sim-client";
import { describeMessage } from "../dev/line-emulator/sim-format";
import type { SimEntry } from "../dev/line-emulator/sim-transcript";
import type { CliCommand } from "./commands";
import { tapEvent, TapError } from "./say-tap";

// `npm run cli -- say "ไม่รับ ไม่ให้" [--user <name | U…>] [--postback "a=…"]`: talks to the
// bot running under `npm run dev` as a simulated LINE user, through the emulator's /__sim
// API (a signed webhook, exactly like LINE), and prints the reply readably.

export const DEFAULT_EMULATOR_URL = "http://127.0.0.1:3001";

export const SAY_USAGE = `usage: npm run cli -- say "<text>" [options]
  --user, -u <name|key|U…>   who speaks: resident (default), headman, officer, a display name or a LINE user id
  --tap, -t "<label>"        tap a button or quick reply the bot sent last (as in the simulator)
  --postback, -p "a=…"       send a postback instead of text (as a button tap)
  --display-text "<text>"    the words the tap shows in the chat (with --postback)
  --param key=value          postback params, e.g. --param datetime=2025-12-09T09:00 (repeatable)
  --location lat,lng[,title] send a location
  --image <file>             send an image (jpeg, png, gif, webp)
  --sticker | --follow | --unfollow
  --timeout <seconds>        how long to wait for the first reply (default 15)
  --json                     print the raw transcript entries
environment: EMULATOR_URL (default: the running npm run dev's, else ${DEFAULT_EMULATOR_URL})`;

export interface SayOptions {
  user: string;
  /** a button label to tap, resolved against the chat's latest bot messages */
  tap?: string;
  params?: Record<string, string>;
  event?: SimEventInput;
  image?: string;
  timeoutMs: number;
  json: boolean;
}

class UsageError extends Error {}

const IMAGE_TYPES: Record<string, string> = { ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp" };

/** Parses the words after `say`; throws UsageError with what is wrong. */
export function parseSayArgs(args: readonly string[]): SayOptions {
  const opts: SayOptions = { user: "resident", timeoutMs: 15_000, json: false };
  const words: string[] = [];
  const params: Record<string, string> = {};
  let postback: string | undefined;
  let displayText: string | undefined;
  const value = (i: number, flag: string) => {
    const v = args[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--user" || a === "-u") opts.user = value(i++, a);
    else if (a === "--tap" || a === "-t") opts.tap = value(i++, a);
    else if (a === "--postback" || a === "-p") postback = value(i++, a);
    else if (a === "--display-text") displayText = value(i++, a);
    else if (a === "--param") {
      const [k, ...rest] = value(i++, a).split("=");
      if (!k || rest.length === 0) throw new UsageError("--param takes key=value");
      params[k] = rest.join("=");
    } else if (a === "--location") {
      const [lat, lng, ...title] = value(i++, a).split(",");
      opts.event = { type: "location", latitude: Number(lat), longitude: Number(lng), ...(title.length ? { title: title.join(",").trim() } : {}) };
    } else if (a === "--image") opts.image = value(i++, a);
    else if (a === "--sticker") opts.event = { type: "sticker" };
    else if (a === "--follow" || a === "--unfollow") opts.event = { type: a === "--follow" ? "follow" : "unfollow" };
    else if (a === "--timeout") opts.timeoutMs = Number(value(i++, a)) * 1000;
    else if (a === "--json") opts.json = true;
    else if (a.startsWith("-") && a.length > 1) throw new UsageError(`unknown option ${a}`);
    else words.push(a);
  }
  if (opts.tap) {
    if (Object.keys(params).length) opts.params = params;
    return opts;
  }
  if (postback) opts.event = { type: "postback", data: postback, ...(displayText ? { displayText } : {}), ...(Object.keys(params).length ? { params } : {}) };
  else if (words.length > 0 && !opts.event) opts.event = { type: "text", text: words.join(" ") };
  if (!opts.event && !opts.image) throw new UsageError("say what? give the text, or --postback, --location, --image, --sticker, --follow");
  if (!(opts.timeoutMs > 0)) throw new UsageError("--timeout takes a number of seconds");
  return opts;
}

/** The transcript entries as the terminal shows them. */
export function formatReplies(entries: readonly SimEntry[]): string {
  const out: string[] = [];
  for (const e of entries) {
    if (e.from === "bot") {
      const [first, ...rest] = describeMessage(e.message);
      out.push(`สุจริต ◂ ${first ?? ""}`, ...rest.map((l) => `         ${l}`));
    } else if (e.from === "system") {
      out.push(`(${e.text})`, ...(e.details ?? []).map((d) => `   - ${d}`));
    }
  }
  return out.join("\n");
}

function describeSent(sent: SendResult): string {
  const ev = sent.entry.event;
  const said =
    ev.type === "text" ? ev.text : ev.type === "postback" ? (ev.displayText ?? `postback ${ev.data}`) : ev.type === "location" ? `ตำแหน่ง ${ev.latitude}, ${ev.longitude}` : `[${ev.type}]`;
  return `${sent.user.displayName} ▸ ${said}`;
}

async function runSay(args: readonly string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(SAY_USAGE);
    return 0;
  }
  let opts: SayOptions;
  try {
    opts = parseSayArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${SAY_USAGE}`);
    return 2;
  }
  const client = new SimClient(process.env.EMULATOR_URL ?? readDevRuntime(devRuntimePath())?.emulatorUrl ?? DEFAULT_EMULATOR_URL);
  let sent: SendResult;
  if (opts.image) {
    const type = IMAGE_TYPES[path.extname(opts.image).toLowerCase()];
    if (!type) throw new Error(`--image must be a .jpg, .png, .gif or .webp file`);
    sent = await client.sendImage(opts.user, readFileSync(opts.image), type);
  } else if (opts.tap) {
    const { user, entries } = await client.messages(opts.user, 0);
    let event: SimEventInput;
    try {
      event = tapEvent(entries, opts.tap, opts.params);
    } catch (err) {
      if (!(err instanceof TapError)) throw err;
      console.error(err.message);
      return 2;
    }
    sent = await client.send(user.userId, event);
  } else sent = await client.send(opts.user, opts.event!);
  const replies = await client.collectReplies(sent.user.userId, sent.entry.seq, { timeoutMs: opts.timeoutMs });
  if (opts.json) console.log(JSON.stringify({ sent: sent.entry, replies }, null, 2));
  else console.log(`${describeSent(sent)}\n${formatReplies(replies)}`);
  if (replies.some((e) => e.from === "bot")) return 0;
  // unfollow has no reply token: silence is the right answer.
  if (sent.entry.event.type === "unfollow") return 0;
  console.error(`ไม่มีคำตอบจากบอทภายใน ${opts.timeoutMs / 1000} วินาที (no reply)`);
  return 1;
}

export const sayCommands: Readonly<Record<string, CliCommand>> = {
  say: { summary: 'chat with the dev bot as a simulated LINE user: say "ไม่รับ ไม่ให้" [--user headman] [--postback "a=…"]', run: runSay },
};
