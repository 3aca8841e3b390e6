import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { loadLineSchemas, validateLineRequest } from "../../src/dev/line-emulator/openapi-validator";
import { Member } from "../../src/models/member.model";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { startHarness, type Harness } from "../helpers/harness";

let h: Harness;
before(async () => {
  h = await startHarness("follow");
});
after(async () => h.close());

describe("follow and unfollow", () => {
  test("follow creates the member, greets in Thai with quick replies and a privacy notice", async () => {
    const user = makeUserId("follow");
    h.line.addUser({ userId: user, displayName: "สมศรี ใจดี", language: "th" });
    await h.line.sendWebhook([h.line.events.follow(user)]);
    await h.settle();
    const m = await Member.findOne({ lineUserId: user });
    assert.equal(m!.followed, true);
    assert.equal(m!.displayName, "สมศรี ใจดี");
    const reply = h.line.requests.find((r) => r.endpoint === "reply" && r.status === 200)!;
    const body = reply.body as { messages: { type: string; altText: string; quickReply?: { items: unknown[] } }[] };
    const greeting = body.messages[body.messages.length - 1]!;
    assert.ok(greeting.quickReply && greeting.quickReply.items.length >= 4);
    const json = JSON.stringify(body);
    assert.match(json, /สมศรี/);
    assert.match(json, /ลบข้อมูล/, "the privacy notice says how to delete data");
    const schemas = loadLineSchemas();
    if (schemas) assert.deepEqual(validateLineRequest(schemas, "ReplyMessageRequest", body), []);
  });

  test("a follow without profile permission still greets", async () => {
    const user = makeUserId("noprofile");
    await h.line.sendWebhook([h.line.events.follow(user)]);
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1);
    assert.equal((await Member.findOne({ lineUserId: user }))!.displayName, undefined);
  });

  test("unfollow marks the member, and an unfollowed member is never pushed to", async () => {
    const user = makeUserId("unfollow");
    await h.line.sendWebhook([h.line.events.follow(user)]);
    await h.settle();
    await h.line.sendWebhook([h.line.events.unfollow(user)]);
    await h.settle();
    const m = await Member.findOne({ lineUserId: user });
    assert.equal(m!.followed, false);
    assert.ok(m!.unfollowedAt);
    const before = h.line.messagesTo(user).length;
    await h.bot.deps.outbox.send({ kind: "push", to: [user], messages: [{ type: "text", text: "x" }], dedupeKey: "t:unf", purpose: "test" });
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, before);
    assert.equal((await OutboxMessage.findOne({ dedupeKey: "t:unf" }))!.lastError, "no followed recipients");
    // Following again re-enables pushes.
    await h.line.sendWebhook([h.line.events.follow(user)]);
    await h.settle();
    assert.equal((await Member.findOne({ lineUserId: user }))!.followed, true);
  });

  test("stickers get a polite pointer to the menu", async () => {
    const user = makeUserId("sticker");
    await h.line.sendWebhook([h.line.events.sticker(user)]);
    await h.settle();
    const [msg] = h.line.messagesTo(user) as { type: string; text: string; quickReply?: unknown }[];
    assert.equal(msg!.type, "text");
    assert.match(msg!.text, /สติกเกอร์/);
    assert.ok(msg!.quickReply);
  });
});
