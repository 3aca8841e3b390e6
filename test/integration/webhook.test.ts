import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId, signBody } from "../../src/dev/line-emulator";
import { loadLineSchemas, validateLineRequest } from "../../src/dev/line-emulator/openapi-validator";
import { InboxEvent } from "../../src/models/inbox-event.model";
import { openPayload } from "../../src/webhook/inbox-payload";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_CHANNEL_SECRET } from "../helpers/test-config";

// The walking skeleton, end to end: signed webhook → inbox in MongoDB → handler →
// reply recorded by the LINE emulator (which checks LINE's rules and schema).
let h: Harness;
before(async () => {
  h = await startHarness("webhook");
});
after(async () => h.close());
beforeEach(() => h.line.reset());

async function post(body: string, signature: string | null): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-line-signature"] = signature;
  return fetch(h.webhookUrl, { method: "POST", headers, body });
}

describe("POST /webhook", () => {
  test("a signed text event is stored, answered once by reply, and the reply is schema-valid", async () => {
    const user = makeUserId("reply");
    const ev = h.line.events.text(user, "ไม่รับ ไม่ให้");
    const res = await h.line.sendWebhook([ev]);
    assert.equal(res.status, 200);
    assert.equal(await InboxEvent.countDocuments({ webhookEventId: ev.webhookEventId }), 1);
    await h.settle();
    const replies = h.line.requests.filter((r) => r.endpoint === "reply" && r.status === 200);
    assert.equal(replies.length, 1);
    const body = replies[0]!.body as { messages: { type: string; altText?: string }[] };
    assert.equal(body.messages[0]!.type, "flex");
    assert.match(body.messages[0]!.altText!, /No Gift|ไม่รับ/);
    const schemas = loadLineSchemas();
    if (schemas) assert.deepEqual(validateLineRequest(schemas, "ReplyMessageRequest", body), []);
    const row = await InboxEvent.findOne({ webhookEventId: ev.webhookEventId });
    assert.equal(row!.state, "done");
    assert.equal(row!.deliveredVia, "reply");
    assert.equal(row!.outMessages, undefined, "a delivered answer is not kept in the inbox");
  });

  test("'no gift' in English returns the same explainer", async () => {
    const user = makeUserId("en");
    await h.line.sendWebhook([h.line.events.text(user, "No Gift")]);
    await h.settle();
    const msgs = h.line.messagesTo(user) as { type: string; altText?: string }[];
    assert.equal(msgs.length, 1);
    assert.match(msgs[0]!.altText!, /No Gift|ไม่รับ/);
  });

  test("a wrong signature, a missing header and a body changed after signing get 401 and store nothing", async () => {
    const before = await InboxEvent.countDocuments();
    const ev = h.line.events.text(makeUserId("sig"), "สวัสดี");
    const body = JSON.stringify({ destination: "U" + "0".repeat(32), events: [ev] });
    assert.equal((await post(body, signBody("wrong-secret-wrong-secret-000000", body))).status, 401);
    assert.equal((await post(body, null)).status, 401);
    const signed = signBody(TEST_CHANNEL_SECRET, body);
    assert.equal((await post(body.replace("สวัสดี", "สวัสดีจ้า"), signed)).status, 401);
    assert.equal(await InboxEvent.countDocuments(), before);
  });

  test("an emoji body signed correctly passes (no JSON parser before the signature check)", async () => {
    const user = makeUserId("emoji");
    const ev = h.line.events.text(user, "placeholder");
    // LINE escapes emoji as surrogate pairs; re-serialising would change the bytes.
    const raw = JSON.stringify({ destination: "U" + "0".repeat(32), events: [ev] }).replace('"placeholder"', '"\\uD83E\\uDD28 ไม่รับ ไม่ให้ \\n"');
    const res = await post(raw, signBody(TEST_CHANNEL_SECRET, raw));
    assert.equal(res.status, 200);
    await h.settle();
    const stored = await InboxEvent.findOne({ webhookEventId: ev.webhookEventId });
    // At rest the payload is sealed: neither the LINE id nor the text is readable.
    assert.equal(stored!.payload.includes(user), false);
    assert.equal(stored!.payload.includes("ไม่รับ"), false);
    assert.equal(JSON.parse(openPayload(stored!, h.bot.deps.sealer)).message.text, "🤨 ไม่รับ ไม่ให้ \n");
  });

  test("malformed JSON is 400, a body over 1 MB is 413, and events: [] is 200", async () => {
    const bad = '{"destination":"x","events":[';
    assert.equal((await post(bad, signBody(TEST_CHANNEL_SECRET, bad))).status, 400);
    const notArray = '{"destination":"x","events":{}}';
    assert.equal((await post(notArray, signBody(TEST_CHANNEL_SECRET, notArray))).status, 400);
    const huge = JSON.stringify({ destination: "x", events: [], pad: "ก".repeat(400_000) });
    assert.ok(Buffer.byteLength(huge) > 1_000_000);
    assert.equal((await post(huge, signBody(TEST_CHANNEL_SECRET, huge))).status, 413);
    const empty = '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}';
    assert.equal((await post(empty, signBody(TEST_CHANNEL_SECRET, empty))).status, 200);
  });

  test("a streamed body over 1 MB (no Content-Length) is 413, and a compressed body is 415; neither stores anything", async () => {
    const before = await InboxEvent.estimatedDocumentCount();
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 20) c.enqueue(chunk);
        else c.close();
      },
    });
    const streamed = await fetch(h.webhookUrl, { method: "POST", headers: { "x-line-signature": "x" }, body: stream, duplex: "half" } as RequestInit);
    assert.equal(streamed.status, 413);
    const ev = JSON.stringify({ destination: "x", events: [h.line.events.text(makeUserId("gz"), "hi")] });
    const gz = await fetch(h.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip", "x-line-signature": signBody(TEST_CHANNEL_SECRET, ev) }, body: ev });
    assert.equal(gz.status, 415);
    assert.equal(await InboxEvent.estimatedDocumentCount(), before);
  });

  test("the express route answers like the direct one (a trailing slash, a query string)", async () => {
    const user = makeUserId("express-path");
    const raw = JSON.stringify({ destination: "x", events: [h.line.events.text(user, "no gift")] });
    const headers = { "content-type": "application/json", "x-line-signature": signBody(TEST_CHANNEL_SECRET, raw) };
    assert.equal((await fetch(h.webhookUrl + "/", { method: "POST", headers: { ...headers, "x-line-signature": "bad" }, body: raw })).status, 401);
    assert.equal((await fetch(h.webhookUrl + "/", { method: "POST", headers, body: raw })).status, 200);
    assert.equal((await fetch(h.webhookUrl + "?from=line", { method: "POST", headers, body: raw })).status, 200, "a repeat is a duplicate, still 200");
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1, "stored once, answered once");
  });

  test("a duplicate webhookEventId and a redelivery give exactly one reply", async () => {
    const user = makeUserId("dup");
    const ev = h.line.events.text(user, "no gift");
    await h.line.sendWebhook([ev, ev]);
    const redelivered = { ...ev, deliveryContext: { isRedelivery: true } };
    await h.line.sendWebhook([redelivered]);
    await h.settle();
    await h.line.sendWebhook([redelivered]);
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1);
    assert.equal(await InboxEvent.countDocuments({ webhookEventId: ev.webhookEventId }), 1);
  });

  test("standby events are stored but never answered", async () => {
    const user = makeUserId("standby");
    const ev = h.line.events.standby(user, "ไม่รับ ไม่ให้");
    assert.equal((await h.line.sendWebhook([ev])).status, 200);
    await h.settle();
    assert.equal((await InboxEvent.findOne({ webhookEventId: ev.webhookEventId }))!.state, "skipped");
    assert.equal(h.line.messagesTo(user).length, 0);
  });

  test("events of one chat are answered in order", async () => {
    const user = makeUserId("order");
    const texts = ["เมนู", "no gift", "อะไรนะ", "ไม่รับไม่ให้", "help"];
    const replyTokens: string[] = [];
    for (const t of texts) {
      const ev = h.line.events.text(user, t);
      replyTokens.push(ev.replyToken!);
      await h.line.sendWebhook([ev]);
    }
    await h.settle();
    const got = h.line.deliveries.filter((d) => d.to === user).map((d) => (d.messages[0] as { type: string; altText?: string; text?: string }));
    assert.equal(got.length, 5);
    // Answered in the order sent: the replies used the events' tokens in that order
    // (finished inbox rows keep only coarse times, so they cannot show the order).
    const replied = h.line.requests.filter((r) => r.endpoint === "reply" && r.status === 200).map((r) => (r.body as { replyToken: string }).replyToken);
    assert.deepEqual(replied.filter((t) => replyTokens.includes(t)), replyTokens);
  });
});

describe("readyz and healthz", () => {
  test("report liveness and that MongoDB answers", async () => {
    const base = h.webhookUrl.replace("/webhook", "");
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(mongoose.connection.readyState, 1);
  });
});
