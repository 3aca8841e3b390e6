import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { makeUserId, signBody } from "../../../src/dev/line-emulator";
import { InboxEvent, OPEN_INBOX_STATES } from "../../../src/models/inbox-event.model";
import { acquireChatLock } from "../../../src/webhook/chat-lock";
import { createPointerReader, readOldestOpen } from "../../../src/webhook/inbox-queue";
import { startHarness, type Harness } from "../../helpers/harness";
import { TEST_CHANNEL_SECRET } from "../../helpers/test-config";

// The inbox as the webhook and the worker use it: group-committed inserts shared
// by concurrent requests, and its open rows as the queue the worker reads.
const OPEN = { state: { $in: [...OPEN_INBOX_STATES] } };
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
  assert.equal(await InboxEvent.countDocuments({ _id: { $in: ids }, ...OPEN }), 0, "nothing is open once everything is answered");
  assert.equal(await InboxEvent.countDocuments({ _id: { $in: ids }, chatKey: { $exists: true } }), 0, "finished rows name no chat");
});

test("a redelivery of an answered event is a duplicate: nothing is reopened or answered again", async () => {
  const user = makeUserId("redeliver-done");
  const ev = h.line.events.text(user, "no gift");
  assert.equal(await post([ev]), 200);
  await h.settle();
  assert.equal(h.line.messagesTo(user).length, 1);
  assert.equal(await post([{ ...ev, deliveryContext: { isRedelivery: true } }]), 200);
  await h.bot.worker.pollOnce();
  await h.settle();
  const row = await InboxEvent.findById((ev as { webhookEventId: string }).webhookEventId).lean();
  assert.equal(row?.state, "done");
  assert.equal(row?.isRedelivery, false, "the first delivery's row is kept");
  assert.equal(h.line.messagesTo(user).length, 1, "not answered twice");
});

test("events stored while another replica holds the chat wait, then go in LINE's timestamp order, whatever the arrival order", async () => {
  const user = makeUserId("order");
  const chatKey = h.chatKey(user);
  const held = await acquireChatLock(chatKey, "other-replica", new Date(), 15_000);
  assert.ok(held);
  const t = Date.now();
  const words = ["เมนู", "no gift", "ไม่รับ ไม่ให้"];
  const evs = words.map((w, i) => ({ ...h.line.events.text(user, w), timestamp: t + i }));
  for (const ev of [...evs].reverse()) assert.equal(await post([ev]), 200);
  await h.bot.worker.idle();
  const ids = evs.map((e) => (e as { webhookEventId: string }).webhookEventId);
  const oldest = await readOldestOpen(1000);
  assert.deepEqual(oldest.get(chatKey)?.map((p) => p._id), ids, "the poller's read has them in timestamp order");
  assert.deepEqual((await createPointerReader()(chatKey)).map((p) => p._id), ids);
  assert.equal(h.line.messagesTo(user).length, 0, "held by the other replica");
  await held.release();
  await h.bot.worker.pollOnce();
  await h.settle();
  const rows = await InboxEvent.find({ _id: { $in: ids } }, { doneAt: 1, state: 1 }).lean();
  assert.deepEqual(rows.map((r) => r.state), ["done", "done", "done"]);
  assert.equal(h.line.messagesTo(user).length >= 3, true, "each event answered");
  assert.deepEqual(await readOldestOpen(1000).then((m) => m.get(chatKey)), undefined);
});

test("drains asking for their chat's events at once share one read of the queue, and each sees every event stored before it asked", async () => {
  const read = createPointerReader();
  const at = new Date();
  // Bare open rows (the reader needs no more); their chats are held by another replica so the worker leaves them.
  const held: { release(): Promise<unknown> }[] = [];
  const row = async (docs: { _id: string; chatKey: string; timestamp: number; receivedAt: Date }[]) => {
    for (const k of new Set(docs.map((d) => d.chatKey))) held.push((await acquireChatLock(k, "other-replica", new Date(), 15_000))!);
    await InboxEvent.collection.insertMany(docs.map((d) => ({ ...d, state: "processing" })) as never[]);
  };
  for (let i = 0; i < 20; i++) {
    const [a, b] = [`chat:pr-a-${i}`, `chat:pr-b-${i}`];
    await row([{ _id: `pr-a-${i}`, chatKey: a, timestamp: i, receivedAt: at }]);
    const first = read(a);
    await new Promise((r) => setImmediate(r)); // the read for a is on its way
    await row([{ _id: `pr-b-${i}`, chatKey: b, timestamp: i, receivedAt: at }]);
    const [forA, forB, forB2] = await Promise.all([first, read(b), read(b)]);
    assert.deepEqual(forA.map((p) => p._id), [`pr-a-${i}`]);
    assert.deepEqual(forB.map((p) => p._id), [`pr-b-${i}`], "a read that started before b's event was stored does not answer b");
    assert.deepEqual(forB2.map((p) => p._id), [`pr-b-${i}`]);
    forB.pop();
    assert.equal(forB2.length, 1, "each drain gets its own list");
  }
  // Many chats at once: one list each, in LINE's timestamp order.
  const keys = Array.from({ length: 30 }, (_, i) => `chat:pr-many-${i}`);
  await row(keys.flatMap((chatKey, i) => [2, 1].map((t) => ({ _id: `${chatKey}:${t}`, chatKey, timestamp: i * 10 + t, receivedAt: at }))));
  const lists = await Promise.all(keys.map((k) => read(k)));
  lists.forEach((l, i) => assert.deepEqual(l.map((p) => p._id), [`${keys[i]}:1`, `${keys[i]}:2`]));
  await InboxEvent.deleteMany({ _id: { $regex: "^pr-|^chat:pr-many" } });
  for (const l of held) await l.release();
});
