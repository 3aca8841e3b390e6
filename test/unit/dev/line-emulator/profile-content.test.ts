import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Readable } from "node:stream";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { CHANNEL, lineError, startFixture, type EmulatorFixture } from "./emulator-fixture";

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

// Protects profile 404 handling, content download (404 unknown, 410 unsent), the loading
// animation's 5..60 s rule and LINE's 2 MB request cap.
describe("LINE emulator: profile, content, loading", () => {
  let f: EmulatorFixture;
  const known = makeUserId("known");
  before(async () => {
    f = await startFixture();
    f.emu.addUser({ userId: known, displayName: "สมศรี", language: "th" });
  });
  after(() => f.emu.close());

  test("profile: 200 for a known user, 404 otherwise", async () => {
    assert.deepEqual(await f.client.getProfile(known), { userId: known, displayName: "สมศรี", language: "th" });
    const err = await lineError(f.client.getProfile(makeUserId("stranger")));
    assert.equal(err.status, 404);
    assert.equal(f.emu.requests.at(-1)?.endpoint, "profile");
  });

  test("content: stored bytes with their type, 410 when unsent, 404 when unknown", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    f.emu.putContent("1001", { contentType: "image/jpeg", body: jpeg });
    f.emu.putContent("1002", { status: 410 });
    const res = await f.blob.getMessageContentWithHttpInfo("1001");
    assert.equal(res.httpResponse.headers.get("content-type"), "image/jpeg");
    assert.deepEqual(await readAll(res.body), jpeg);
    assert.equal((await lineError(f.blob.getMessageContent("1002"))).status, 410);
    assert.equal((await lineError(f.blob.getMessageContent("9999"))).status, 404);
  });

  test("loading animation: 202 for 5..60 in steps of 5, 400 otherwise", async () => {
    const res = await f.client.showLoadingAnimationWithHttpInfo({ chatId: known, loadingSeconds: 20 });
    assert.equal(res.httpResponse.status, 202);
    assert.equal((await lineError(f.client.showLoadingAnimation({ chatId: known, loadingSeconds: 7 }))).status, 400);
    assert.equal((await lineError(f.client.showLoadingAnimation({ chatId: known, loadingSeconds: 65 }))).status, 400);
    assert.equal((await lineError(f.client.showLoadingAnimation({ chatId: "C" + "0".repeat(32) }))).status, 400);
  });

  test("a body over 2 MB gets 413", async () => {
    const res = await fetch(`${f.emu.url}/v2/bot/message/push`, {
      method: "POST",
      headers: { authorization: `Bearer ${CHANNEL.channelAccessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ to: known, messages: [{ type: "text", text: "a".repeat(2 * 1024 * 1024) }] }),
    });
    assert.equal(res.status, 413);
    assert.equal(f.emu.requests.at(-1)?.status, 413);
  });
});
