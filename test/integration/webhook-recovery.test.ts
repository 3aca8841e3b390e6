import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { InboxEvent } from "../../src/models/inbox-event.model";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { startHarness, type Harness } from "../helpers/harness";

// A crash after the 200 loses no event, and a stale reply token falls back to push.
let h: Harness;
// The clock runs, with a skew the tests can move forward.
let skew = 0;
const now = () => new Date(Date.now() + skew);
before(async () => {
  h = await startHarness("recovery", { processing: false, now });
});
beforeEach(() => h.line.reset());
after(async () => h.close());

describe("kill and restart", () => {
  test("events stored but not processed are processed after a restart, once", async () => {
    const user = makeUserId("restart");
    const e1 = h.line.events.text(user, "no gift");
    const e2 = h.line.events.text(user, "เมนู");
    assert.equal((await h.line.sendWebhook([e1, e2])).status, 200);
    assert.equal(await InboxEvent.countDocuments({ chatKey: h.chatKey(user), state: "pending" }), 2);
    assert.equal(h.line.messagesTo(user).length, 0, "the first process died before answering");

    await h.restart({ now });
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 2);
    assert.equal(await InboxEvent.countDocuments({ webhookEventId: { $in: [e1.webhookEventId, e2.webhookEventId] }, state: "done" }), 2);
    assert.equal(await InboxEvent.countDocuments({ chatKey: h.chatKey(user) }), 0, "finished rows keep no chat key");

    await h.restart({ now });
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 2, "a second restart answers nothing again");
  });

  test("a reply token older than about 50 s falls back to a push with a retry key", async () => {
    await h.restart({ processing: false, now });
    const user = makeUserId("stale");
    const ev = h.line.events.text(user, "no gift");
    await h.line.sendWebhook([ev]);
    skew += 55_000;
    await h.restart({ now });
    await h.settle();
    const pushes = h.line.requests.filter((r) => r.endpoint === "push" && r.status === 200);
    assert.equal(pushes.length, 1);
    assert.ok(pushes[0]!.retryKey, "a push always carries X-Line-Retry-Key");
    assert.equal(h.line.requests.filter((r) => r.endpoint === "reply").length, 0);
    assert.equal(h.line.messagesTo(user).length, 1);
    assert.equal((await InboxEvent.findOne({ webhookEventId: ev.webhookEventId }))!.deliveredVia, "push");
  });

  test("a handler state committed before a crash is delivered without running the handler again", async () => {
    const user = makeUserId("committed");
    const ev = h.line.events.text(user, "no gift");
    await h.restart({ processing: false, now });
    await h.line.sendWebhook([ev]);
    // Simulate a crash between "committed" and the reply: the effect is stored.
    const msg = { type: "text", text: "บันทึกไว้ก่อนล่ม" };
    await InboxEvent.updateOne({ webhookEventId: ev.webhookEventId }, { $set: { state: "committed", outMessages: JSON.stringify([msg]) } });
    await h.restart({ now });
    await h.settle();
    assert.deepEqual(h.line.messagesTo(user), [msg]);
  });
});

describe("outbox", () => {
  test("a 500 on push is retried with the same retry key and the user receives it once", async () => {
    const user = makeUserId("retry");
    h.line.failNext("push", 500, 2);
    await h.bot.deps.outbox.send({ kind: "push", to: [user], messages: [{ type: "text", text: "ทดสอบ" }], dedupeKey: "t:retry", purpose: "test" });
    await h.settle();
    const tries = h.line.requests.filter((r) => r.endpoint === "push" && (r.body as { to?: string }).to === user);
    assert.equal(tries.length, 3);
    assert.deepEqual(tries.map((t) => t.status), [500, 500, 200]);
    assert.equal(new Set(tries.map((t) => t.retryKey)).size, 1, "one retry key across attempts");
    assert.equal(h.line.messagesTo(user).length, 1);
    assert.equal((await OutboxMessage.findOne({ dedupeKey: "t:retry" }))!.state, "sent");
  });

  test("a 409 (already accepted) counts as delivered and nothing is sent twice", async () => {
    const user = makeUserId("conflict");
    const [row] = await h.bot.deps.outbox.enqueue({ kind: "push", to: [user], messages: [{ type: "text", text: "ครั้งเดียว" }], dedupeKey: "t:409", purpose: "test" });
    // Park the row so the poller leaves it while we play the lost first attempt.
    await OutboxMessage.updateOne({ _id: row!._id }, { $set: { nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    // First attempt reaches LINE but the answer is lost (the process dies): LINE has accepted it.
    await h.bot.deps.line.push(user, [{ type: "text", text: "ครั้งเดียว" }], row!.retryKey);
    await OutboxMessage.updateOne({ _id: row!._id }, { $set: { nextAttemptAt: new Date() } });
    await h.settle();
    const after = await OutboxMessage.findById(row!._id);
    assert.equal(after!.state, "sent");
    assert.equal(after!.lastStatus, 409);
    assert.ok(after!.acceptedRequestId);
    assert.equal(h.line.messagesTo(user).length, 1);
  });

  test("the same dedupe key never creates a second send", async () => {
    const user = makeUserId("dedupe");
    const input = { kind: "push" as const, to: [user], messages: [{ type: "text" as const, text: "x" }], dedupeKey: "t:dedupe", purpose: "test" };
    await h.bot.deps.outbox.send(input);
    await h.bot.deps.outbox.send(input);
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1);
  });

  test("more than 5 messages are split into requests of at most 5", async () => {
    const user = makeUserId("split");
    const messages = Array.from({ length: 7 }, (_, i) => ({ type: "text" as const, text: `ข้อความ ${i + 1}` }));
    await h.bot.deps.outbox.send({ kind: "push", to: [user], messages, dedupeKey: "t:split", purpose: "test" });
    await h.settle();
    const sizes = h.line.requests.filter((r) => r.endpoint === "push" && (r.body as { to?: string }).to === user).map((r) => (r.body as { messages: unknown[] }).messages.length);
    assert.deepEqual(sizes, [5, 2]);
  });

  test("a monthly-quota 429 stops the row and records the failure", async () => {
    const user = makeUserId("quota");
    h.line.failNext("push", 429, 1, { message: "You have reached your monthly limit." });
    await h.bot.deps.outbox.send({ kind: "push", to: [user], messages: [{ type: "text", text: "x" }], dedupeKey: "t:quota", purpose: "test" });
    await h.settle();
    const row = await OutboxMessage.findOne({ dedupeKey: "t:quota" });
    assert.equal(row!.state, "failed");
    assert.match(row!.lastError!, /quota/);
    assert.equal(h.line.requests.filter((r) => r.endpoint === "push" && (r.body as { to?: string }).to === user).length, 1, "not retried");
  });
});

describe("a failing handler", () => {
  test("is retried with a backoff, each attempt counted; after three failures the person gets an apology, once", async () => {
    await h.restart({ now });
    const store = h.bot.deps.flowStore;
    const read = store.read.bind(store);
    let failures = 2;
    store.read = async (chatKey) => {
      if (failures-- > 0) throw new Error("flow store unavailable");
      return read(chatKey);
    };
    try {
      const flaky = makeUserId("handler-flaky");
      const ev = h.line.events.text(flaky, "no gift");
      await h.line.sendWebhook([ev]);
      await waitFor(async () => (await InboxEvent.findOne({ webhookEventId: ev.webhookEventId }))?.state === "done");
      const row = await InboxEvent.findOne({ webhookEventId: ev.webhookEventId });
      assert.equal(row!.attempts, 3, "two failures and the success");
      assert.equal(h.line.messagesTo(flaky).length, 1, "answered once, by the third attempt");
      assert.doesNotMatch(JSON.stringify(h.line.messagesTo(flaky)), /ระบบขัดข้องชั่วคราว/);

      failures = Infinity;
      const broken = makeUserId("handler-broken");
      const ev2 = h.line.events.text(broken, "no gift");
      await h.line.sendWebhook([ev2]);
      await waitFor(async () => (await InboxEvent.findOne({ webhookEventId: ev2.webhookEventId }))?.state === "done");
      assert.equal((await InboxEvent.findOne({ webhookEventId: ev2.webhookEventId }))!.attempts, 3);
      const said = h.line.messagesTo(broken);
      assert.equal(said.length, 1);
      assert.match(JSON.stringify(said[0]), /ระบบขัดข้องชั่วคราว.*1205/);
    } finally {
      store.read = read;
    }
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}
