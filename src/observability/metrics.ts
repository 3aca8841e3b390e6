import { Counter, Registry, Summary, collectDefaultMetrics } from "prom-client";

// Process-wide metrics for GET /metrics, kept by prom-client: Node's default
// process metrics (event-loop lag, GC, heap, handles, CPU) plus the project's own
// counters, latency summary and complaint-list gauge. Counters are per process:
// Prometheus sums replicas. Backlog gauges are read from MongoDB at scrape time
// (metrics-gauges.ts).
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** The latency summary covers the last ten minutes, in five rotating buckets. */
export const HANDLER_WINDOW_SECONDS = 600;

const webhookRequests = new Counter({
  name: "sujarit_webhook_requests_total",
  help: "POST /webhook answers by HTTP status.",
  labelNames: ["status"],
  registers: [registry],
});

const eventsProcessed = new Counter({
  name: "sujarit_events_processed_total",
  help: "Inbox events that left the worker, by outcome.",
  labelNames: ["outcome"],
  registers: [registry],
});

const handlerSeconds = new Summary({
  name: "sujarit_handler_duration_seconds",
  help: `Time the routing table took per event (handler and services), over the last ${HANDLER_WINDOW_SECONDS / 60} minutes.`,
  percentiles: [0.5, 0.9, 0.99],
  maxAgeSeconds: HANDLER_WINDOW_SECONDS,
  ageBuckets: 5,
  registers: [registry],
});

export function countWebhookRequest(status: number): void {
  webhookRequests.inc({ status: String(status) });
}

/** One stored event left the worker: done, skipped, failed, retry-later, or error (the DB threw). */
export function countEventProcessed(outcome: string): void {
  eventsProcessed.inc({ outcome });
}

export function observeHandlerSeconds(seconds: number): void {
  handlerSeconds.observe(seconds);
}

export function resetMetrics(): void {
  webhookRequests.reset();
  eventsProcessed.reset();
  handlerSeconds.reset();
}
