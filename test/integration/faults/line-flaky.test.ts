import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { makeUserId } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { OutboxMessage } from "../../../src/models/outbox-message.model";
import { startHarness, type Harness } from "../../helpers/harness";
import { deliveryMismatches, waitUntil } from "./fault-helpers";

// LINE misbehaves: 20% 500s, 10% 429s (rate limit) and every answer 150 ms slow,
// on reply, push and multicast. Every answer and every push must still arrive
// exactly once, within the outbox's bounded retries, each push with one retry key.
let h: Harness;
before(async () => {
  h = await startHarness("flaky");
});
after(async () => h.close());

const MAX_OUTBOX_ATTEMPTS = 10; // src/line/outbox.ts default

test("30% errors and slow answers: everything delivered once within bounded retries", { timeout: 60_000 }, async () => {
  h.line.setFaults({ rate500: 0.2, rate429: 0.1, latencyMs: 150, seed: 20251209, endpoints: ["reply", "push", "multicast"] });
  const users = Array.from({ length: 15 }, (_, i) => makeUserId(`flaky-${i}`));
  const expected = new Map<string, number>();
  const texts = ["no gift", "เมนู", "ไม่รับ ไม่ให้", "help"];
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < 90; i++) {
    const user = users[i % users.length]!;
    expected.set(user, (expected.get(user) ?? 0) + 1);
    sends.push(h.line.sendWebhook([h.line.events.text(user, texts[i % texts.length]!)]));
    if (i % 10 === 9) await delay(50);
  }
  // Direct pushes and a multicast, as reminders and complaint updates send them.
  for (const [i, user] of users.slice(0, 5).entries()) {
    expected.set(user, expected.get(user)! + 1);
    sends.push(h.bot.deps.outbox.send({ kind: "push", to: [user], messages: [{ type: "text", text: `แจ้งเตือน ${i}` }], dedupeKey: `flaky:push:${i}`, purpose: "test" }));
  }
  for (const user of users.slice(5)) expected.set(user, expected.get(user)! + 1);
  sends.push(h.bot.deps.outbox.send({ kind: "multicast", to: users.slice(5), messages: [{ type: "text", text: "ประชุมหมู่บ้านค่ะ" }], dedupeKey: "flaky:multi", purpose: "test" }));
  assert.ok((await Promise.all(sends)).length > 0);

  await waitUntil(async () => {
    await h.bot.deps.outbox.drainDue();
    const open = await OutboxMessage.countDocuments({ state: { $in: ["pending", "sending"] } });
    const inbox = await InboxEvent.countDocuments({ state: { $ne: "done" } });
    return open === 0 && inbox === 0 && deliveryMismatches(h.line, expected).length === 0;
  }, 45_000, "all deliveries").catch((err: Error) => {
    throw new Error(`${err.message}: ${deliveryMismatches(h.line, expected).join(", ")}`);
  });
  await delay(500);
  assert.deepEqual(deliveryMismatches(h.line, expected), [], "each answer and push arrived exactly once");

  const rows = await OutboxMessage.find().lean();
  assert.equal(rows.filter((r) => r.state !== "sent").length, 0, "no outbox row failed");
  assert.ok(Math.max(...rows.map((r) => r.attempts)) <= MAX_OUTBOX_ATTEMPTS, "retries stayed within the bound");
  const injected = h.line.requests.filter((r) => r.status === 500 || r.status === 429).length;
  assert.ok(injected >= 10, `faults were injected (${injected})`);
  // Retries reuse the row's stored X-Line-Retry-Key: LINE saw no key that is not a row's.
  const pushTries = h.line.requests.filter((q) => q.endpoint === "push" || q.endpoint === "multicast");
  assert.ok(pushTries.every((q) => q.retryKey), "every push and multicast carried X-Line-Retry-Key");
  const rowKeys = new Set(rows.map((r) => r.retryKey));
  assert.deepEqual(pushTries.filter((q) => !rowKeys.has(q.retryKey!)), []);
  assert.ok(pushTries.length > rowKeys.size, "some rows were retried");
  const total = [...expected.values()].reduce((a, b) => a + b, 0);
  assert.ok(h.line.requests.length < total * 3, `bounded work: ${h.line.requests.length} LINE calls for ${total} deliveries`);
});
