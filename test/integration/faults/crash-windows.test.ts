import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { makeUserId } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { startHarness, type Harness } from "../../helpers/harness";

// The moments around a reply where a crash (or a lost answer from LINE) used to
// cause a second answer: the event was committed, the process died, and the
// restart pushed the same answer again. A reply token is single use, so the
// restart replays the reply with the same token instead (webhook/deliver-replies.ts).
let h: Harness;
before(async () => {
  h = await startHarness("crashwin", { processing: false });
});
beforeEach(() => h.line.reset());
after(async () => h.close());

const MSG = { type: "text", text: "คำตอบเดียวค่ะ" };

/** Stores one event without processing it, then marks it committed as a crashed worker would have left it. */
async function storeCommitted(user: string): Promise<string> {
  await h.restart({ processing: false });
  const ev = h.line.events.text(user, "no gift");
  assert.equal((await h.line.sendWebhook([ev])).status, 200);
  await InboxEvent.updateOne({ webhookEventId: ev.webhookEventId }, { $set: { state: "committed", outMessages: JSON.stringify([MSG]) } });
  return ev.replyToken!;
}

const sent = (endpoint: string) => h.line.requests.filter((r) => r.endpoint === endpoint && r.status === 200).length;

describe("crash windows around the reply", () => {
  test("the reply reached LINE but the process died before marking the event done: no second answer", async () => {
    const user = makeUserId("cw-after-reply");
    const token = await storeCommitted(user);
    const id = (await InboxEvent.findOne({ chatKey: h.chatKey(user) }))!._id;
    // The dead process's reply got through: LINE has used the token.
    await h.bot.deps.line.reply(token, [MSG as never]);
    assert.equal(h.line.messagesTo(user).length, 1);
    await h.restart();
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1, "the user got the answer once");
    assert.equal(sent("push"), 0, "no push fallback");
    assert.equal((await InboxEvent.findById(id))!.deliveredVia, "reply-presumed");
  });

  test("the event was committed but the process died before calling LINE: the restart replies once", async () => {
    const user = makeUserId("cw-before-reply");
    await storeCommitted(user);
    await h.restart();
    await h.settle();
    assert.deepEqual(h.line.messagesTo(user), [MSG]);
    assert.equal(sent("reply"), 1);
    assert.equal(sent("push"), 0, "a free reply, not a push that costs quota");
  });

  test("a reply that had already fallen back to push is left to the outbox", async () => {
    const user = makeUserId("cw-pushed");
    await storeCommitted(user);
    const row = await InboxEvent.findOne({ chatKey: h.chatKey(user) });
    await h.bot.deps.outbox.send({ kind: "push", to: [user], messages: [MSG as never], dedupeKey: `reply:${row!.webhookEventId}`, purpose: "reply-fallback" });
    await h.restart();
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1);
    assert.equal(h.line.requests.filter((r) => r.endpoint === "reply").length, 0);
  });

  test("a 500 on reply is retried with the same token, not pushed", async () => {
    const user = makeUserId("cw-500");
    await storeCommitted(user);
    h.line.failNext("reply", 500, 1);
    await h.restart();
    await h.settle();
    assert.deepEqual(h.line.messagesTo(user), [MSG]);
    assert.deepEqual(
      h.line.requests.filter((r) => r.endpoint === "reply").map((r) => r.status),
      [500, 200],
    );
    assert.equal(sent("push"), 0);
  });
});
