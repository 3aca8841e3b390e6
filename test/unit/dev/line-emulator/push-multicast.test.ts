import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { lineError, startFixture, text, type EmulatorFixture } from "./emulator-fixture";

// Protects the outbox contract: retry keys (409 + x-line-accepted-request-id, not consumed by
// a failed try), 500-recipient multicast cap, rate limit 429 vs monthly-quota 429.
describe("LINE emulator: push and multicast", () => {
  let f: EmulatorFixture;
  const user = makeUserId("push-user");
  before(async () => {
    f = await startFixture({ rateLimits: { multicast: 3 }, monthlyQuota: 1000 });
  });
  beforeEach(() => f.emu.reset());
  after(() => f.emu.close());

  test("a second push with an accepted retry key gets 409 and is not delivered again", async () => {
    const key = randomUUID();
    const first = await f.client.pushMessageWithHttpInfo({ to: user, messages: [text("เตือนประชุมค่ะ")] }, key);
    const firstId = first.httpResponse.headers.get("x-line-request-id");
    const dup = await lineError(f.client.pushMessage({ to: user, messages: [text("เตือนประชุมค่ะ")] }, key));
    assert.equal(dup.status, 409);
    assert.equal(dup.headers.get("x-line-accepted-request-id"), firstId);
    assert.equal(dup.body.message, "The retry key is already accepted");
    assert.deepEqual(dup.body.sentMessages, first.body.sentMessages);
    assert.equal(f.emu.deliveries.length, 1);
    assert.equal(f.emu.deliveries[0].retryKey, key);
  });

  test("a push that failed with 500 does not consume the key; the retry delivers once", async () => {
    f.emu.failNext("push", 500, 2);
    const key = randomUUID();
    const send = () => f.client.pushMessage({ to: user, messages: [text("x")] }, key);
    assert.equal((await lineError(send())).status, 500);
    assert.equal((await lineError(send())).status, 500);
    await send();
    assert.equal((await lineError(send())).status, 409);
    assert.equal(f.emu.deliveries.length, 1);
    assert.deepEqual(f.emu.requests.map((r) => r.status), [500, 500, 200, 409]);
  });

  test("a retry key must be a UUID", async () => {
    const err = await lineError(f.client.pushMessage({ to: user, messages: [text("x")] }, "not-a-uuid"));
    assert.equal(err.status, 400);
    assert.equal(f.emu.deliveries.length, 0);
  });

  test("multicast takes 1..500 recipients and delivers one row per recipient", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => makeUserId(`m${i}`));
    const tooMany = await lineError(f.client.multicast({ to: ids(501), messages: [text("x")] }));
    assert.equal(tooMany.status, 400);
    assert.ok(tooMany.body.details?.some((d) => d.property === "to"));
    const none = await lineError(f.client.multicast({ to: [], messages: [text("x")] }));
    assert.equal(none.status, 400);
    await f.client.multicast({ to: ids(500), messages: [text("ok")] }, randomUUID());
    assert.equal(f.emu.deliveries.length, 500);
    assert.equal(new Set(f.emu.deliveries.map((d) => d.requestId)).size, 1);
  });

  test("more multicasts per second than the limit get 429 Too many requests", async () => {
    const calls = Array.from({ length: 5 }, () => f.client.multicast({ to: [user], messages: [text("x")] }).then(() => 200, (e) => e.status));
    const statuses = await Promise.all(calls);
    assert.equal(statuses.filter((s) => s === 200).length, 3);
    assert.equal(statuses.filter((s) => s === 429).length, 2);
    const limited = f.emu.requests.find((r) => r.status === 429);
    assert.equal(limited?.endpoint, "multicast");
  });

  test("the monthly quota counts recipients and answers 429 with LINE's message", async () => {
    const many = Array.from({ length: 400 }, (_, i) => makeUserId(`q${i}`));
    await f.client.multicast({ to: many, messages: [text("a")] });
    await f.client.multicast({ to: many, messages: [text("b")] });
    const err = await lineError(f.client.multicast({ to: many, messages: [text("c")] }));
    assert.deepEqual([err.status, err.body.message], [429, "You have reached your monthly limit."]);
    // Replies are free: they still go through.
    const event = f.emu.events.text(user, "hi");
    await f.client.replyMessage({ replyToken: event.replyToken!, messages: [text("ok")] });
    assert.equal(f.emu.deliveries.length, 801);
  });

  test("broadcast reaches every known user and counts each against the quota", async () => {
    const a = makeUserId("b1");
    const b = makeUserId("b2");
    f.emu.addUser({ userId: a, displayName: "A" });
    f.emu.addUser({ userId: b, displayName: "B" });
    await f.client.broadcast({ messages: [text("ประกาศค่ะ")] }, randomUUID());
    assert.deepEqual(f.emu.deliveries.map((d) => [d.via, d.to]), [["broadcast", a], ["broadcast", b]]);
    assert.deepEqual(await f.client.getMessageQuotaConsumption(), { totalUsage: 2 });
  });

  test("push to an id that is not a user/group/room id is rejected", async () => {
    const err = await lineError(f.client.pushMessage({ to: "someone", messages: [text("x")] }));
    assert.equal(err.status, 400);
    assert.ok(err.body.details?.some((d) => d.property === "to"));
  });
});
