import { setTimeout as delay } from "node:timers/promises";
import type { BotProcess } from "./bot-process";

// What the benchmarks read from a running bot: its memory (from /proc) and its
// backlog and counters (from its own GET /metrics, as Prometheus would).

export interface RssSampler {
  peakBytes(): number;
  stop(): void;
}

export function rssSampler(bot: BotProcess, everyMs = 250): RssSampler {
  let peak = bot.rssBytes() ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, bot.rssBytes() ?? 0);
  }, everyMs);
  return {
    peakBytes: () => peak,
    stop: () => clearInterval(timer),
  };
}

/** Parses one sample of a Prometheus text exposition, e.g. sample(text, 'sujarit_outbox_messages{state="failed"}'). */
export function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

export async function readMetrics(bot: BotProcess): Promise<string> {
  const res = await fetch(`${bot.url}/metrics`, { signal: AbortSignal.timeout(5000) });
  return res.text();
}

/** The inbox backlog (events, plus requests still in the journal), or undefined when the scrape could not read the database (busy or down). */
export function backlogOf(text: string): number | undefined {
  if (sample(text, "sujarit_metrics_db_up") !== 1) return undefined;
  return sample(text, "sujarit_inbox_backlog") + sample(text, "sujarit_inbox_journal_requests");
}

export function processedOf(text: string): number {
  return ["done", "skipped", "failed"].reduce((n, s) => n + sample(text, `sujarit_events_processed_total{outcome="${s}"}`), 0);
}

export interface Drain {
  seconds: number;
  processed: number;
  eventsPerSecond: number;
  /** -1 when the last scrape could not read the database */
  backlogLeft: number;
}

/** Waits (bounded) until the bot's inbox backlog is empty; how long it took and how fast it processed. */
export async function drainInbox(bot: BotProcess, timeoutMs: number): Promise<Drain> {
  const started = Date.now();
  let text = await readMetrics(bot).catch(() => "");
  const before = processedOf(text);
  while (backlogOf(text) !== 0 && Date.now() - started < timeoutMs) {
    await delay(500);
    text = await readMetrics(bot).catch(() => text);
  }
  const seconds = (Date.now() - started) / 1000;
  const processed = processedOf(text) - before;
  return { seconds, processed, eventsPerSecond: seconds > 0 ? processed / seconds : 0, backlogLeft: backlogOf(text) ?? -1 };
}
