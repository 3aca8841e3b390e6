import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import {
  countEventProcessed,
  countWebhookRequest,
  metrics,
  observeHandlerSeconds,
  processFamilies,
  quantile,
  renderFamilies,
  resetMetrics,
} from "../../../src/observability/metrics";

// /metrics must stay parseable by Prometheus: one HELP and TYPE per family,
// label values escaped, summaries with quantiles, _sum and _count.
beforeEach(() => resetMetrics());

describe("metrics", () => {
  test("quantile uses the nearest rank and is NaN when empty", () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(quantile(v, 0.5), 50);
    assert.equal(quantile(v, 0.99), 99);
    assert.equal(quantile(v, 1), 100);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  test("counters and the summary render in the text exposition format", () => {
    countWebhookRequest(200);
    countWebhookRequest(200);
    countWebhookRequest(401);
    countEventProcessed("done");
    for (let i = 1; i <= 10; i++) observeHandlerSeconds(i / 100);
    const text = renderFamilies(processFamilies());
    assert.match(text, /^# HELP sujarit_webhook_requests_total .+\n# TYPE sujarit_webhook_requests_total counter\n/m);
    assert.match(text, /^sujarit_webhook_requests_total\{status="200"\} 2$/m);
    assert.match(text, /^sujarit_webhook_requests_total\{status="401"\} 1$/m);
    assert.match(text, /^sujarit_events_processed_total\{outcome="done"\} 1$/m);
    assert.match(text, /^sujarit_handler_duration_seconds\{quantile="0.5"\} 0.05$/m);
    assert.match(text, /^sujarit_handler_duration_seconds_count 10$/m);
    assert.match(text, /^sujarit_handler_duration_seconds_sum 0.55\d*$/m);
    for (const line of text.trim().split("\n")) {
      assert.match(line, /^(# (HELP|TYPE) \w+ .+|\w+(\{(\w+="[^"]*",?)+\})? (NaN|[-+0-9.e]+|[+-]Inf))$/, line);
    }
  });

  test("the latency window keeps the latest observations only", () => {
    for (let i = 0; i < 3000; i++) observeHandlerSeconds(i < 900 ? 100 : 0.001);
    assert.equal(metrics.handlerSeconds.count, 3000);
    assert.equal(metrics.handlerSeconds.window.length, 2048);
    assert.equal(quantile(metrics.handlerSeconds.window, 0.99), 0.001, "old slow samples have left the window");
  });

  test("label values with quotes, backslashes and newlines are escaped", () => {
    const text = renderFamilies([{ name: "x", help: "h", type: "gauge", samples: [{ labels: { a: 'q"b\\n\nz' }, value: 1 }] }]);
    assert.ok(text.includes('x{a="q\\"b\\\\n\\nz"} 1'));
  });
});
