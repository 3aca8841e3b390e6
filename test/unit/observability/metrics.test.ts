import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import {
  countEventProcessed,
  countWebhookRequest,
  observeHandlerSeconds,
  registry,
  resetMetrics,
} from "../../../src/observability/metrics";

// /metrics must stay parseable by Prometheus, keep the metric names operators alert
// on (docs/scale-out.md), and carry Node's standard process metrics (prom-client).
beforeEach(() => resetMetrics());

const SAMPLE = /^(# (HELP|TYPE) \w+ .+|\w+(\{(\w+="[^"]*",?)+\})? (NaN|[-+0-9.e]+|[+-]Inf))$/i; // prom-client writes "Nan", which Prometheus (Go ParseFloat) reads

describe("metrics", () => {
  test("counters, the summary and the gauge render in the text exposition format", async () => {
    countWebhookRequest(200);
    countWebhookRequest(200);
    countWebhookRequest(401);
    countEventProcessed("done");
    for (let i = 1; i <= 10; i++) observeHandlerSeconds(i / 100);
    const text = await registry.metrics();
    assert.match(text, /^# HELP sujarit_webhook_requests_total .+\n# TYPE sujarit_webhook_requests_total counter\n/m);
    assert.match(text, /^sujarit_webhook_requests_total\{status="200"\} 2$/m);
    assert.match(text, /^sujarit_webhook_requests_total\{status="401"\} 1$/m);
    assert.match(text, /^sujarit_events_processed_total\{outcome="done"\} 1$/m);
    assert.match(text, /^# TYPE sujarit_handler_duration_seconds summary$/m);
    const median = Number(/^sujarit_handler_duration_seconds\{quantile="0.5"\} (\S+)$/m.exec(text)![1]);
    assert.ok(median >= 0.05 && median <= 0.06, `median ${median}`);
    assert.match(text, /^sujarit_handler_duration_seconds\{quantile="0.99"\} 0.1$/m);
    assert.match(text, /^sujarit_handler_duration_seconds_count 10$/m);
    assert.match(text, /^sujarit_handler_duration_seconds_sum 0.55\d*$/m);
    for (const line of text.trim().split("\n").filter((l) => l !== "")) assert.match(line, SAMPLE, line);
  });

  test("Node's default metrics: event-loop lag, GC, heap, handles, CPU", async () => {
    const text = await registry.metrics();
    for (const name of ["nodejs_eventloop_lag_seconds", "nodejs_gc_duration_seconds", "nodejs_heap_size_used_bytes", "nodejs_active_handles_total", "process_cpu_seconds_total", "process_resident_memory_bytes"]) {
      assert.match(text, new RegExp(`^# TYPE ${name} `, "m"), name);
    }
  });

  test("label values with quotes, backslashes and newlines are escaped", async () => {
    countEventProcessed('q"b\\n\nz');
    assert.ok((await registry.metrics()).includes('sujarit_events_processed_total{outcome="q\\"b\\\\n\\nz"} 1'));
  });
});
