// Process-wide counters and a latency summary for GET /metrics (Prometheus text
// exposition format 0.0.4). Counters are per process: Prometheus sums replicas.
// Backlog gauges are read from MongoDB at scrape time (metrics-gauges.ts).

/** A sliding window of the latest observations, for summary quantiles. */
const WINDOW = 2048;

export interface Summary {
  count: number;
  sum: number;
  window: number[];
  next: number;
}

export interface MetricsState {
  webhookRequests: Map<string, number>;
  eventsProcessed: Map<string, number>;
  handlerSeconds: Summary;
}

function newSummary(): Summary {
  return { count: 0, sum: 0, window: [], next: 0 };
}

export const metrics: MetricsState = {
  webhookRequests: new Map(),
  eventsProcessed: new Map(),
  handlerSeconds: newSummary(),
};

function inc(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function countWebhookRequest(status: number): void {
  inc(metrics.webhookRequests, String(status));
}

/** One stored event left the worker: done, skipped, failed, retry-later, or error (the DB threw). */
export function countEventProcessed(outcome: string): void {
  inc(metrics.eventsProcessed, outcome);
}

export function observeHandlerSeconds(seconds: number): void {
  const s = metrics.handlerSeconds;
  s.count += 1;
  s.sum += seconds;
  if (s.window.length < WINDOW) s.window.push(seconds);
  else s.window[s.next] = seconds;
  s.next = (s.next + 1) % WINDOW;
}

/** Nearest-rank quantile of the window; NaN when empty (Prometheus accepts NaN). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function resetMetrics(): void {
  metrics.webhookRequests.clear();
  metrics.eventsProcessed.clear();
  metrics.handlerSeconds = newSummary();
}

export type Labels = Record<string, string>;

export interface Sample {
  labels?: Labels;
  value: number;
  suffix?: string;
}

export interface Family {
  name: string;
  help: string;
  type: "counter" | "gauge" | "summary";
  samples: Sample[];
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

/** Renders metric families in the text exposition format. */
export function renderFamilies(families: readonly Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels ?? {});
      const l = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
      lines.push(`${f.name}${s.suffix ?? ""}${l} ${formatValue(s.value)}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** The in-process families: webhook requests, processed events, handler latency. */
export function processFamilies(): Family[] {
  const s = metrics.handlerSeconds;
  return [
    {
      name: "sujarit_webhook_requests_total",
      help: "POST /webhook answers by HTTP status.",
      type: "counter",
      samples: [...metrics.webhookRequests].map(([status, value]) => ({ labels: { status }, value })),
    },
    {
      name: "sujarit_events_processed_total",
      help: "Inbox events that left the worker, by outcome.",
      type: "counter",
      samples: [...metrics.eventsProcessed].map(([outcome, value]) => ({ labels: { outcome }, value })),
    },
    {
      name: "sujarit_handler_duration_seconds",
      help: `Time the routing table took per event (handler and services), over the last ${WINDOW} events.`,
      type: "summary",
      samples: [
        ...[0.5, 0.9, 0.99].map((q) => ({ labels: { quantile: String(q) }, value: quantile(s.window, q) })),
        { suffix: "_sum", value: s.sum },
        { suffix: "_count", value: s.count },
      ],
    },
  ];
}
