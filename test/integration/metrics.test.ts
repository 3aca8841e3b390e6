import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { Reminder } from "../../src/models/reminder.model";
import { startHarness, type Harness } from "../helpers/harness";

// GET /metrics: what docs/scale-out.md tells operators to alert on, read from
// the shared database (backlog, failures, reminder lag) and from this process
// (webhook answers, events processed, handler latency).
let h: Harness;
before(async () => {
  h = await startHarness("metrics", { processing: false });
});
after(async () => h.close());

const base = () => h.webhookUrl.replace(/\/webhook$/, "");
const value = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

test("backlog, failures, reminder lag and counters in the Prometheus text format", async () => {
  const user = makeUserId("metrics");
  await h.line.sendWebhook([h.line.events.text(user, "no gift"), h.line.events.text(user, "เมนู")]);
  await h.line.sendWebhook([h.line.events.text(user, "x")], { signature: "bad" });
  await OutboxMessage.create({ dedupeKey: "m:failed", kind: "push", to: user, messages: "[]", retryKey: "k", state: "failed", nextAttemptAt: new Date(), purpose: "test" });
  const due = new Date(Date.now() - 90_000);
  await Reminder.create({ reminderKey: "m:r", meetingId: "6b0000000000000000000000", meetingRevision: 1, scope: "village", districtCode: "4001", occurrenceStart: new Date(Date.now() + 3_600_000), offset: "2h", dueAt: due, state: "pending" });

  const res = await fetch(`${base()}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type")!, /^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  assert.equal(value(text, "sujarit_metrics_db_up"), 1);
  assert.equal(value(text, "sujarit_inbox_backlog"), 2, "the two stored events wait (processing is off)");
  assert.ok(value(text, "sujarit_inbox_oldest_open_age_seconds")! >= 0);
  assert.equal(value(text, 'sujarit_outbox_messages{state="failed"}'), 1);
  assert.ok(value(text, "sujarit_reminder_lag_seconds")! >= 89, "the due reminder has waited about 90 s");
  assert.ok(value(text, 'sujarit_webhook_requests_total{status="200"}')! >= 1);
  assert.ok(value(text, 'sujarit_webhook_requests_total{status="401"}')! >= 1);
  assert.match(text, /^# TYPE sujarit_handler_duration_seconds summary$/m);

  // Processing moves the events out of the backlog and counts them.
  await h.restart();
  await h.settle();
  const after = await (await fetch(`${h.webhookUrl.replace(/\/webhook$/, "")}/metrics`)).text();
  assert.equal(value(after, "sujarit_inbox_backlog"), 0);
  assert.ok(value(after, 'sujarit_events_processed_total{outcome="done"}')! >= 2);
  assert.ok(value(after, "sujarit_handler_duration_seconds_count")! >= 2);
});

test("/metrics is not public: a proxied client is refused without METRICS_TOKEN (#18 item 15)", async () => {
  const res = await fetch(`${base()}/metrics`, { headers: { "x-forwarded-for": "203.0.113.7" } });
  assert.equal(res.status, 403);
  assert.doesNotMatch(await res.text(), /sujarit_/);
});

test("with METRICS_TOKEN, /metrics needs it as a bearer token", async () => {
  const token = "metrics-token-0123456789";
  const t = await startHarness("metrics-token", { processing: false, env: { METRICS_TOKEN: token } });
  try {
    const url = t.webhookUrl.replace(/\/webhook$/, "/metrics");
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status, 401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.7" } });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /^sujarit_metrics_db_up 1$/m);
  } finally {
    await t.close();
  }
});
