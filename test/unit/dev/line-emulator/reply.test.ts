import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import { messagingApi } from "@line/bot-sdk";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { CHANNEL, lineError, startFixture, text, type EmulatorFixture } from "./emulator-fixture";

// Protects LINE's reply rules: bearer auth, single-use reply tokens with an expiry,
// 1..5 messages, no retry key on reply, x-line-request-id recorded on deliveries.
describe("LINE emulator: reply", () => {
  let f: EmulatorFixture;
  const user = makeUserId("reply-user");
  before(async () => {
    f = await startFixture();
  });
  after(() => f.emu.close());

  test("a reply is delivered once to the event's user with the response's request id", async () => {
    const event = f.emu.events.text(user, "สวัสดี");
    const res = await f.client.replyMessageWithHttpInfo({ replyToken: event.replyToken!, messages: [text("รับทราบค่ะ")] });
    const requestId = res.httpResponse.headers.get("x-line-request-id");
    assert.match(requestId ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(res.body.sentMessages.length, 1);
    const delivery = f.emu.deliveries.find((d) => d.requestId === requestId);
    assert.deepEqual(delivery && { via: delivery.via, to: delivery.to }, { via: "reply", to: user });
    assert.deepEqual(f.emu.messagesTo(user).at(-1), text("รับทราบค่ะ"));

    const reused = await lineError(f.client.replyMessage({ replyToken: event.replyToken!, messages: [text("again")] }));
    assert.equal(reused.status, 400);
    assert.equal(reused.body.message, "Invalid reply token");
    assert.equal(f.emu.requests.at(-1)?.status, 400);
  });

  test("an expired or never-issued token is rejected", async () => {
    const short = await startFixture({ replyTokenTtlMs: 30 });
    try {
      const event = short.emu.events.postback(user, "pledge.start");
      await delay(60);
      const expired = await lineError(short.client.replyMessage({ replyToken: event.replyToken!, messages: [text("late")] }));
      assert.deepEqual([expired.status, expired.body.message], [400, "Invalid reply token"]);
      assert.equal(short.emu.deliveries.length, 0);
    } finally {
      await short.emu.close();
    }
    const unknown = await lineError(f.client.replyMessage({ replyToken: "0".repeat(32), messages: [text("x")] }));
    assert.equal(unknown.status, 400);
  });

  test("6 messages are rejected and do not use up the token", async () => {
    const event = f.emu.events.follow(user);
    const six = Array.from({ length: 6 }, (_, i) => text(`m${i}`));
    const err = await lineError(f.client.replyMessage({ replyToken: event.replyToken!, messages: six }));
    assert.equal(err.status, 400);
    assert.equal(err.body.details?.[0]?.property, "messages");
    await f.client.replyMessage({ replyToken: event.replyToken!, messages: six.slice(0, 5) });
    assert.equal(f.emu.deliveries.at(-1)?.messages.length, 5);
  });

  test("X-Line-Retry-Key is refused on reply", async () => {
    const event = f.emu.events.text(user, "hi");
    const res = await fetch(`${f.emu.url}/v2/bot/message/reply`, {
      method: "POST",
      headers: { authorization: `Bearer ${CHANNEL.channelAccessToken}`, "content-type": "application/json", "x-line-retry-key": crypto.randomUUID() },
      body: JSON.stringify({ replyToken: event.replyToken, messages: [text("x")] }),
    });
    assert.equal(res.status, 400);
    assert.ok(res.headers.get("x-line-request-id"));
  });

  test("a wrong access token gets 401", async () => {
    const bad = new messagingApi.MessagingApiClient({ channelAccessToken: "wrong", baseURL: f.emu.url });
    const err = await lineError(bad.getProfile(user));
    assert.equal(err.status, 401);
    assert.match(err.body.message ?? "", /^Authentication failed/);
    assert.ok(err.headers.get("x-line-request-id"));
  });

  test("standby and unfollow events carry no reply token", () => {
    assert.equal("replyToken" in f.emu.events.standby(user, "x"), false);
    assert.equal(f.emu.events.standby(user, "x").mode, "standby");
    assert.equal("replyToken" in f.emu.events.unfollow(user), false);
  });
});
