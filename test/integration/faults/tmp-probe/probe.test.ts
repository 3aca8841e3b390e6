import { test } from "node:test";
import { startHarness } from "../../../helpers/harness";
import { generateCase, seededRandom } from "../fuzz-bodies";
import { signBody } from "../../../../src/dev/line-emulator";
import { TEST_CHANNEL_SECRET } from "../../../helpers/test-config";
import { InboxEvent } from "../../../../src/models/inbox-event.model";
import { metrics, quantile } from "../../../../src/observability/metrics";

test("probe", { timeout: 300_000 }, async () => {
  const h = await startHarness("probe");
  const r = seededRandom(1);
  let sent = 0;
  const t0 = Date.now();
  for (let i = 0; i < 3000 && sent < 300; i++) {
    const c = generateCase(r, i);
    if (c.kind !== "mutated-events") continue;
    sent++;
    await fetch(h.webhookUrl, { method: "POST", headers: { "x-line-signature": signBody(TEST_CHANNEL_SECRET, c.body), "content-type": "application/json" }, body: c.body });
  }
  console.error("sent", sent, "in", Date.now() - t0);
  const t1 = Date.now();
  for (;;) {
    const open = await InboxEvent.countDocuments({ state: { $in: ["pending", "processing", "committed"] } });
    if (open === 0 || Date.now() - t1 > 120_000) { console.error("drained (open", open, ") in", Date.now() - t1); break; }
    await new Promise((res) => setTimeout(res, 500));
  }
  const hist = await InboxEvent.aggregate([{ $group: { _id: { s: "$state", t: "$type" }, n: { $sum: 1 } } }]);
  console.error(JSON.stringify(hist));
  const s = metrics.handlerSeconds;
  console.error("handler p50", quantile(s.window, 0.5), "p99", quantile(s.window, 0.99), "count", s.count, [...metrics.eventsProcessed]);
  const reqs = h.line.requests.reduce((m, q) => m.set(`${q.endpoint}:${q.status}`, (m.get(`${q.endpoint}:${q.status}`) ?? 0) + 1), new Map());
  console.error([...reqs]);
  await h.close();
});
