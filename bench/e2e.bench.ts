import { randomBytes } from "node:crypto";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { startLineEmulator, type LineEmulator } from "../src/dev/line-emulator";
import { BOT_MODULES } from "../src/handlers";
import { ActionRegistry } from "../src/webhook/router";
import { REPO_ROOT, botEnv, startBotProcess, type BotProcess } from "./lib/bot-process";
import { drainInbox } from "./lib/bot-probes";
import { fmt, type BenchSection, type Figure } from "./lib/report";
import { newSession, nextEvent, type Session, type SessionKind } from "./lib/sessions";
import { seededRandom } from "../src/util/seeded-random";

// End to end: from a signed event leaving the emulator to the reply recorded at
// the emulator, at a steady 200 events/s of mixed traffic (explainers, pledge
// steps, complaint steps when those actions are registered), and at 10 events/s
// for the unsaturated latency. Each simulated person waits for the answer before
// the next step. The baseline is a bot with no database that replies at once.
const SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "bench-e2e-access-token";
const ANSWER_TIMEOUT_MS = 30_000;

export interface E2eOptions {
  mongoUri: string;
  quick?: boolean;
  compiledEntry?: string;
  rate?: number;
  log?: (line: string) => void;
}

export interface Run {
  latencies: Record<SessionKind | "all", number[]>;
  sent: number;
  unanswered: number;
  shed: number;
  seconds: number;
}

export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Open loop at `rate` events/s for `seconds`; each session sends its next step after its answer. */
export async function drive(line: LineEmulator, kinds: SessionKind[], weights: number[], rate: number, seconds: number): Promise<Run> {
  const rand = seededRandom(2025_12_09);
  const run: Run = { latencies: { all: [], explainer: [], pledge: [], complaint: [] }, sent: 0, unanswered: 0, shed: 0, seconds };
  const idle: Session[] = [];
  const waiting = new Map<string, { s: Session; at: number }>();
  let made = 0;
  let seen = line.deliveries.length;
  const pickKind = () => {
    let r = rand() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < kinds.length; i++) if ((r -= weights[i]!) <= 0) return kinds[i]!;
    return kinds[0]!;
  };
  const collect = () => {
    const now = Date.now();
    for (; seen < line.deliveries.length; seen++) {
      const d = line.deliveries[seen]!;
      const w = waiting.get(d.to);
      if (!w) continue;
      waiting.delete(d.to);
      const ms = d.at - w.at;
      run.latencies.all.push(ms);
      run.latencies[w.s.kind].push(ms);
      w.s.lastReply = d.messages;
      idle.push(w.s);
    }
    for (const [user, w] of waiting) {
      if (now - w.at > ANSWER_TIMEOUT_MS) {
        waiting.delete(user);
        run.unanswered += 1;
      }
    }
  };
  const started = Date.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    while (Date.now() < due) {
      collect();
      await delay(Math.min(5, Math.max(0, due - Date.now())));
    }
    collect();
    let ev;
    let s: Session | undefined;
    while (!ev && (s = idle.shift())) ev = nextEvent(line, s, rand);
    if (!ev) {
      if (waiting.size > 20_000) {
        run.shed += 1; // the bot is too far behind: a real crowd would wait too
        continue;
      }
      s = newSession(pickKind(), made++);
      ev = nextEvent(line, s, rand)!;
    }
    waiting.set(s!.user, { s: s!, at: Date.now() });
    run.sent += 1;
    void line.sendWebhook([ev]);
  }
  const end = Date.now() + ANSWER_TIMEOUT_MS;
  while (waiting.size > 0 && Date.now() < end) {
    collect();
    await delay(20);
  }
  run.unanswered += waiting.size;
  return run;
}

export async function runE2eBench(opts: E2eOptions): Promise<BenchSection> {
  const log = opts.log ?? (() => {});
  // The issue's rate, and a low one that shows the latency when the database is not saturated.
  const rates = [opts.rate ?? 200, 10];
  const seconds = opts.quick ? 5 : 20;
  const actions = new ActionRegistry(BOT_MODULES);
  const kinds: SessionKind[] = ["explainer"];
  const weights = [0.6];
  if (actions.get("pledge.start")) kinds.push("pledge"), weights.push(0.25);
  if (actions.get("complaint.start")) kinds.push("complaint"), weights.push(0.15);
  const line = await startLineEmulator({ channelSecret: SECRET, channelAccessToken: TOKEN, validateSchema: false, redeliver: { attempts: 30, delayMs: 1000 }, rateLimits: { reply: 1e6, push: 1e6, profile: 1e6 } });
  const raw: Record<string, unknown> = { kinds, weights, rates, seconds };
  let bot: BotProcess | undefined;
  let base: BotProcess | undefined;
  const figures: Figure[] = [];
  try {
    base = await startBotProcess({ env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, ECHO_LINE_URL: line.url }, tsEntry: path.join(REPO_ROOT, "bench", "lib", "baseline-server.ts") });
    line.setWebhookUrl(`${base.url}/webhook`);
    const baseline = new Map<number, Run>();
    for (const rate of rates) {
      log(`e2e: baseline (no database, replies at once), ${rate} events/s for ${seconds} s`);
      baseline.set(rate, await drive(line, ["explainer"], [1], rate, seconds));
      line.reset();
    }
    await base.kill("SIGTERM");

    const env = botEnv({ mongoUri: opts.mongoUri, dbName: `bench_e2e_${randomBytes(3).toString("hex")}`, lineUrl: line.url, channelSecret: SECRET, accessToken: TOKEN, extra: { LOG_LEVEL: "warn" } });
    bot = await startBotProcess({ env, compiledEntry: opts.compiledEntry });
    line.setWebhookUrl(`${bot.url}/webhook`);
    for (const rate of [...rates].reverse()) {
      log(`e2e: Sujarit, ${kinds.join(" + ")}, ${rate} events/s for ${seconds} s`);
      const s = await drive(line, kinds, weights, rate, seconds);
      const b = baseline.get(rate)!;
      raw[`drain_after_${rate}`] = await drainInbox(bot, 60_000);
      raw[`run_${rate}`] = {
        bot: { sent: s.sent, unanswered: s.unanswered, shed: s.shed, ...Object.fromEntries(kinds.map((k) => [k, { answered: s.latencies[k].length, p50: pct(s.latencies[k], 50), p99: pct(s.latencies[k], 99) }])) },
        baseline: { sent: b.sent, unanswered: b.unanswered, p50: pct(b.latencies.all, 50), p99: pct(b.latencies.all, 99) },
      };
      figures.push({ name: `p50, mixed, ${rate} events/s`, value: pct(s.latencies.all, 50), unit: "ms", baseline: pct(b.latencies.all, 50), better: "lower" });
      figures.push({ name: `p99, mixed, ${rate} events/s`, value: pct(s.latencies.all, 99), unit: "ms", baseline: pct(b.latencies.all, 99), better: "lower" });
      for (const k of kinds) {
        figures.push({ name: `p50 / p99 of ${k} steps at ${rate} events/s (${s.latencies[k].length} answered)`, value: pct(s.latencies[k], 50), unit: `ms / ${fmt(pct(s.latencies[k], 99))} ms` });
      }
      figures.push({ name: `events unanswered within 30 s at ${rate} events/s`, value: s.unanswered, unit: `of ${s.sent}`, baseline: b.unanswered });
      line.reset();
    }
  } finally {
    await bot?.kill("SIGTERM");
    await base?.kill("SIGTERM");
    await line.close();
  }
  return {
    title: "End to end",
    intro:
      `From a signed event leaving the LINE emulator to its reply recorded at the emulator, for ${seconds} s at ${rates.join(" and ")} events/s, each simulated person waiting for the answer before the next step (the second rate shows the latency when the database keeps up). ` +
      `Mix: ${kinds.map((k, i) => `${k} ${Math.round((weights[i]! / weights.reduce((a, c) => a + c, 0)) * 100)}%`).join(", ")}. ` +
      "The baseline is a bot with no database that checks the signature and replies at once (bench/lib/baseline-server.ts), at the same rates. Ratios are Sujarit ÷ baseline (lower is better).",
    figures,
    raw,
  };
}
