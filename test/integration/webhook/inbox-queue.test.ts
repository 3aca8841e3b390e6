import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { makeUserId, signBody } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { InboxQueue } from "../../../src/models/inbox-queue.model";
import { acquireChatLock } from "../../../src/webhook/chat-lock";
import { ORPHAN_POINTER_MS, createPointerReader } from "../../../src/webhook/inbox-queue";
import { startHarness, type Harness } from "../../helpers/harness";
import { TEST_CHANNEL_SECRET } from "../../helpers/test-config";

// The inbox as the webhook and the worker use it: group-committed inserts shared
// by concurrent requests, and the queue of unfinished events the worker reads.
let h: Harness;
before(async () => {
  h = await startHarness("inbox-queue");
});
beforeEach(() => h.line.reset());
after(async () => h.close());

async function post(events: unknown[]): Promise<number> {
  const raw = JSON.stringify({ destination: "x", events });
  const res = await fetch(h.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signBody(TEST_CHANNEL_SECRET, raw) }, body: raw });
  await res.arrayBuffer();
  return res.status;
}

test("60 concurrent requests sharing inserts, with duplicates inside and across them: each event stored and answered once", async () => {
  const users = Array.from({ length: 20 }, (_, i) => makeUserId(`group-${i}`));
  const events = users.flatMap((u) => [h.line.events.text(u, "no gift"), h.line.events.text(u, "เมนู")]);
  // Each request carries 2 events; every event is sent three times, by different requests at once.
  const bodies = Array.from({ length: 60 }, (_, i) => [events[i % events.length], events[(i * 7 + 3) % events.length]]);
  const statuses = await Promise.all(bodies.map((b) => post(b)));
  assert.deepEqual([...new Set(statuses)], [200]);
  const ids = events.map((e) => (e as { webhookEventId: string }).webhookEventId);
  assert.equal(await InboxEvent.countDocuments({ _id: { $in: ids } }), events.length);
  await h.settle();
  for (const u of users) assert.equal(h.line.messagesTo(u).length, 2, `two answers for ${u}`);
  assert.equal(await InboxQueue.countDocuments(), 0, "the queue is empty once everything is answered");
});

test("a redelivery of an answered event leaves a pointer that the worker drops without answering again", async () => {
  const user = makeUserId("redeliver-done");
  const ev = h.line.events.text(user, "no gift");
  assert.equal(await post([ev]), 200);
  await h.settle();
  assert.equal(h.line.messagesTo(user).length, 1);
  // Another replica holds the chat meanwhile, so the pointer is still there to see.
  const held = await acquireChatLock(h.chatKey(user), "other-replica", new Date(), 15_000);
  assert.ok(held);
  assert.equal(await post([{ ...ev, deliveryContext: { isRedelivery: true } }]), 200);
  await h.bot.worker.idle();
  assert.equal(await InboxQueue.countDocuments({ chatKey: h.chatKey(user) }), 1, "the redelivery wrote a pointer");
  await held.release();
  await h.settle();
  await h.bot.worker.pollOnce();
  await h.bot.worker.idle();
  assert.equal(await InboxQueue.countDocuments({ chatKey: h.chatKey(user) }), 0);
  assert.equal(h.line.messagesTo(user).length, 1, "not answered twice");
});

test("a pointer whose row never came: the chat waits while it is young, and goes on once it is stale", async () => {
  const user = makeUserId("orphan");
  const chatKey = h.chatKey(user);
  const now = Date.now();
  // The row of an earlier event failed to store (the webhook answered 503): only its pointer exists.
  await InboxQueue.create({ _id: "01ORPHANPOINTER0000000000", chatKey, timestamp: now - 1000, receivedAt: new Date() });
  const ev = h.line.events.text(user, "no gift");
  assert.equal(await post([ev]), 200);
  await h.bot.worker.pollOnce();
  await h.bot.worker.idle();
  assert.equal(h.line.messagesTo(user).length, 0, "order is kept: the later event waits for the earlier one");
  await InboxQueue.updateOne({ _id: "01ORPHANPOINTER0000000000" }, { $set: { receivedAt: new Date(now - ORPHAN_POINTER_MS - 1000) } });
  await h.settle();
  assert.equal(h.line.messagesTo(user).length, 1);
  assert.equal(await InboxQueue.countDocuments({ chatKey }), 0);
});

test("drains asking for their chat's events at once share one read of the queue, and each sees every event stored before it asked", async () => {
  const read = createPointerReader();
  const at = new Date();
  for (let i = 0; i < 20; i++) {
    const [a, b] = [`chat:pr-a-${i}`, `chat:pr-b-${i}`];
    await InboxQueue.create({ _id: `pr-a-${i}`, chatKey: a, timestamp: i, receivedAt: at });
    const first = read(a);
    await new Promise((r) => setImmediate(r)); // the read for a is on its way
    await InboxQueue.create({ _id: `pr-b-${i}`, chatKey: b, timestamp: i, receivedAt: at });
    const [forA, forB, forB2] = await Promise.all([first, read(b), read(b)]);
    assert.deepEqual(forA.map((p) => p._id), [`pr-a-${i}`]);
    assert.deepEqual(forB.map((p) => p._id), [`pr-b-${i}`], "a read that started before b's event was stored does not answer b");
    assert.deepEqual(forB2.map((p) => p._id), [`pr-b-${i}`]);
    forB.pop();
    assert.equal(forB2.length, 1, "each drain gets its own list");
  }
  // Many chats at once: one list each, in LINE's timestamp order.
  const keys = Array.from({ length: 30 }, (_, i) => `chat:pr-many-${i}`);
  await InboxQueue.insertMany(keys.flatMap((chatKey, i) => [2, 1].map((t) => ({ _id: `${chatKey}:${t}`, chatKey, timestamp: i * 10 + t, receivedAt: at }))));
  const lists = await Promise.all(keys.map((k) => read(k)));
  lists.forEach((l, i) => assert.deepEqual(l.map((p) => p._id), [`${keys[i]}:1`, `${keys[i]}:2`]));
  await InboxQueue.deleteMany({ _id: { $regex: "^pr-|^chat:pr-many" } });
});
