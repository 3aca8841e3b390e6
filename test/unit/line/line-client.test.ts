import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../../src/dev/line-emulator";
import { createLineClient, ContentTooLargeError, type LineClient } from "../../../src/line/line-client";
import { LineApiError } from "../../../src/line/line-errors";
import { createLogger } from "../../../src/logger";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../../helpers/test-config";

// The one LINE client wrapper, against the emulator: caps, timeouts, error kinds.
let line: LineEmulator;
let client: LineClient;
const logs: string[] = [];
before(async () => {
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN });
  client = createLineClient({
    channelAccessToken: TEST_ACCESS_TOKEN,
    apiBaseUrl: line.url,
    dataApiBaseUrl: line.url,
    timeoutMs: 300,
    logger: createLogger("debug", {}, (l) => logs.push(l)),
  });
});
after(async () => line.close());

describe("line client wrapper", () => {
  test("clamps text to 5000 UTF-16 units and altText to 1500 without splitting an emoji", async () => {
    const user = makeUserId("clamp");
    const long = "😀".repeat(2600); // 5200 code units
    await client.push(user, [{ type: "text", text: long }, { type: "flex", altText: "ก".repeat(1600), contents: { type: "bubble", body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "x" }] } } }], crypto.randomUUID());
    const [text, flex] = line.messagesTo(user) as { text?: string; altText?: string }[];
    assert.ok(text!.text!.length <= 5000);
    assert.ok(text!.text!.endsWith("…"));
    assert.equal(/[\ud800-\udbff]…$/.test(text!.text!), false, "no lone surrogate before the ellipsis");
    assert.equal(flex!.altText!.length, 1500);
  });

  test("refuses more than 5 messages and more than 500 multicast recipients before calling LINE", async () => {
    const before = line.requests.length;
    const six = Array.from({ length: 6 }, () => ({ type: "text" as const, text: "x" }));
    await assert.rejects(client.push(makeUserId("a"), six, crypto.randomUUID()), LineApiError);
    const many = Array.from({ length: 501 }, (_, i) => makeUserId(`m${i}`));
    await assert.rejects(client.multicast(many, [{ type: "text", text: "x" }], crypto.randomUUID()), /1 to 500 recipients/);
    assert.equal(line.requests.length, before);
  });

  test("every call has a timeout, reported as retryable", async () => {
    line.setFaults({ latencyMs: 800, endpoints: ["push"] });
    try {
      await assert.rejects(client.push(makeUserId("slow"), [{ type: "text", text: "x" }], crypto.randomUUID()), (e: unknown) => e instanceof LineApiError && e.kind === "retryable" && /timed out/.test(e.message));
    } finally {
      line.setFaults({});
    }
  });

  test("classifies LINE's answers: 409, rate-limit 429, quota 429, invalid reply token", async () => {
    const user = makeUserId("kinds");
    const key = crypto.randomUUID();
    await client.push(user, [{ type: "text", text: "1" }], key);
    await assert.rejects(client.push(user, [{ type: "text", text: "1" }], key), (e: unknown) => e instanceof LineApiError && e.kind === "conflict" && !!e.acceptedRequestId);
    line.failNext("push", 429, 1, { message: "Too many requests" });
    await assert.rejects(client.push(user, [{ type: "text", text: "2" }], crypto.randomUUID()), (e: unknown) => e instanceof LineApiError && e.kind === "rate_limited");
    line.failNext("push", 429, 1, { message: "You have reached your monthly limit." });
    await assert.rejects(client.push(user, [{ type: "text", text: "3" }], crypto.randomUUID()), (e: unknown) => e instanceof LineApiError && e.kind === "quota");
    await assert.rejects(client.reply("not-a-token", [{ type: "text", text: "x" }]), (e: unknown) => e instanceof LineApiError && e.kind === "invalid_reply_token");
  });

  test("logs x-line-request-id of each call", async () => {
    logs.length = 0;
    await client.push(makeUserId("log"), [{ type: "text", text: "x" }], crypto.randomUUID());
    const rec = JSON.parse(logs.find((l) => l.includes('"line api"'))!);
    assert.match(rec.requestId, /.{8,}/);
  });

  test("profile: null for a non-friend; content: size cap and 410", async () => {
    assert.equal(await client.getProfile(makeUserId("nobody")), null);
    line.putContent("big", { contentType: "image/jpeg", body: Buffer.alloc(2048) });
    await assert.rejects(client.getContent("big", 1024), ContentTooLargeError);
    assert.equal((await client.getContent("big", 4096)).data.length, 2048);
    line.putContent("gone", { status: 410 });
    await assert.rejects(client.getContent("gone", 4096), (e: unknown) => e instanceof LineApiError && e.status === 410);
  });
});
