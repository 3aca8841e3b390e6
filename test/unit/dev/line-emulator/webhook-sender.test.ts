import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { validateSignature } from "@line/bot-sdk";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { CHANNEL, startFixture, text, type EmulatorFixture } from "./emulator-fixture";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

// Protects the webhook side: LINE-style signed POSTs, and redelivery of failed
// deliveries with isRedelivery=true and the same event id and reply token.
describe("LINE emulator: webhook sender", () => {
  let f: EmulatorFixture;
  let bot: Server;
  const received: Received[] = [];
  let failuresLeft = 0;
  const user = makeUserId("webhook-user");

  before(async () => {
    bot = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        received.push({ headers: req.headers, raw });
        const fail = failuresLeft > 0;
        if (fail) failuresLeft--;
        res.writeHead(fail ? 500 : 200).end(fail ? "busy" : "OK");
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/webhook`;
    f = await startFixture({ webhookUrl: url, redeliver: { attempts: 2, delayMs: 20 } });
  });
  after(async () => {
    await f.emu.close();
    await new Promise((resolve) => bot.close(resolve));
  });

  test("posts {destination, events} with a valid x-line-signature", async () => {
    received.length = 0;
    const event = f.emu.events.text(user, "สวัสดีค่ะ 😀");
    const res = await f.emu.sendWebhook([event]);
    assert.deepEqual(res, { status: 200, body: "OK" });
    const got = received[0];
    assert.equal(validateSignature(got.raw, CHANNEL.channelSecret, String(got.headers["x-line-signature"])), true);
    const payload = JSON.parse(got.raw);
    assert.match(payload.destination, /^U[0-9a-f]{32}$/);
    assert.deepEqual(payload.events, [event]);
  });

  test("signature null omits the header; a given signature and raw body are sent as is", async () => {
    received.length = 0;
    await f.emu.sendWebhook([], { signature: null });
    await f.emu.sendWebhook([], { rawBody: "not json", signature: "forged" });
    assert.equal(received[0].headers["x-line-signature"], undefined);
    assert.deepEqual([received[1].raw, received[1].headers["x-line-signature"]], ["not json", "forged"]);
  });

  test("a 500 is redelivered with isRedelivery=true, same event id, and the token still works once", async () => {
    received.length = 0;
    f.emu.webhookDeliveries.length = 0;
    failuresLeft = 2;
    const event = f.emu.events.text(user, "hi");
    const first = await f.emu.sendWebhook([event]);
    assert.equal(first.status, 500);
    await f.emu.waitFor(() => f.emu.webhookDeliveries.find((d) => d.status === 200));
    assert.deepEqual(f.emu.webhookDeliveries.map((d) => [d.attempt, d.isRedelivery, d.status]), [
      [1, false, 500],
      [2, true, 500],
      [3, true, 200],
    ]);
    const last = JSON.parse(received[2].raw).events[0];
    assert.equal(last.deliveryContext.isRedelivery, true);
    assert.equal(last.webhookEventId, event.webhookEventId);
    assert.equal(last.replyToken, event.replyToken);
    assert.equal(validateSignature(received[2].raw, CHANNEL.channelSecret, String(received[2].headers["x-line-signature"])), true);
    await f.client.replyMessage({ replyToken: last.replyToken, messages: [text("ok")] });
    await assert.rejects(f.client.replyMessage({ replyToken: last.replyToken, messages: [text("twice")] }));
  });

  test("waitFor rejects with a clear message when nothing arrives", async () => {
    await assert.rejects(f.emu.waitFor(() => false, 30), /waitFor timed out after 30 ms/);
  });

  test("redelivery stops after the configured attempts", async () => {
    f.emu.webhookDeliveries.length = 0;
    failuresLeft = 10;
    await f.emu.sendWebhook([f.emu.events.follow(user)]);
    await f.emu.waitFor(() => f.emu.webhookDeliveries.length >= 3);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(f.emu.webhookDeliveries.length, 3);
    failuresLeft = 0;
  });
});
