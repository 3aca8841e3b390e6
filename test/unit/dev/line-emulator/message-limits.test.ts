import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { checkMessageLimits, makeUserId } from "../../../../src/dev/line-emulator";
import { lineError, startFixture } from "./emulator-fixture";

// Protects the LINE limits the OpenAPI spec lacks (line.md §2.5): each case sits one past
// the limit, and the boundary value itself must pass.
const bubble = (size?: string, extra: Record<string, unknown> = {}) => ({
  type: "bubble",
  ...(size ? { size } : {}),
  body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "x" }], ...extra },
});
const flex = (contents: unknown, altText = "alt") => ({ type: "flex", altText, contents });
const button = (label: string) => ({ type: "button", action: { type: "postback", label, data: "d" } });

describe("checkMessageLimits", () => {
  test("text: 5000 UTF-16 units pass, 5001 fail; an emoji counts 2", () => {
    assert.deepEqual(checkMessageLimits([{ type: "text", text: "ก".repeat(5000) }]), []);
    assert.equal(checkMessageLimits([{ type: "text", text: "ก".repeat(5001) }]).length, 1);
    assert.equal(checkMessageLimits([{ type: "text", text: "ก".repeat(4999) + "😀" }]).length, 1);
  });

  test("altText: 1500 pass, 1501 fail", () => {
    assert.deepEqual(checkMessageLimits([flex(bubble(), "a".repeat(1500))]), []);
    assert.deepEqual(checkMessageLimits([flex(bubble(), "a".repeat(1501))]), ["messages[0].altText: must be at most 1500 characters (got 1501)"]);
  });

  test("carousel: 12 bubbles pass, 13 fail; mixed sizes fail (missing size = mega)", () => {
    assert.deepEqual(checkMessageLimits([flex({ type: "carousel", contents: Array(12).fill(bubble()) })]), []);
    assert.equal(checkMessageLimits([flex({ type: "carousel", contents: Array(13).fill(bubble()) })]).length, 1);
    assert.deepEqual(checkMessageLimits([flex({ type: "carousel", contents: [bubble("mega"), bubble()] })]), []);
    const mixed = checkMessageLimits([flex({ type: "carousel", contents: [bubble("kilo"), bubble()] })]);
    assert.match(mixed[0] ?? "", /same size/);
  });

  test("bubble JSON over 30 KB and carousel JSON over 50 KB fail", () => {
    const big = (n: number) => bubble(undefined, { contents: [{ type: "text", text: "a".repeat(n) }] });
    assert.equal(checkMessageLimits([flex(big(29_000))]).length, 0);
    assert.match(checkMessageLimits([flex(big(30_100))])[0] ?? "", /30000 bytes/);
    const carousel = { type: "carousel", contents: [big(20_000), big(20_000), big(11_000)] };
    assert.match(checkMessageLimits([flex(carousel)])[0] ?? "", /50000 bytes/);
  });

  test("quick reply: 13 items pass, 14 fail", () => {
    const item = { type: "action", action: { type: "message", label: "ok", text: "ok" } };
    assert.deepEqual(checkMessageLimits([{ type: "text", text: "x", quickReply: { items: Array(13).fill(item) } }]), []);
    assert.equal(checkMessageLimits([{ type: "text", text: "x", quickReply: { items: Array(14).fill(item) } }]).length, 1);
  });

  test("postback data 300 / label 20, flex button label 40", () => {
    const qr = (action: unknown) => ({ type: "text", text: "x", quickReply: { items: [{ type: "action", action }] } });
    assert.deepEqual(checkMessageLimits([qr({ type: "postback", label: "a".repeat(20), data: "d".repeat(300) })]), []);
    assert.equal(checkMessageLimits([qr({ type: "postback", label: "a".repeat(21), data: "d" })]).length, 1);
    assert.equal(checkMessageLimits([qr({ type: "postback", label: "a", data: "d".repeat(301) })]).length, 1);
    assert.deepEqual(checkMessageLimits([flex(bubble(undefined, { contents: [button("b".repeat(40))] }))]), []);
    const long = checkMessageLimits([flex(bubble(undefined, { contents: [button("b".repeat(41))] }))]);
    assert.deepEqual(long, ["messages[0].contents.body.contents[0].action.label: must be at most 40 characters (got 41)"]);
  });

  test("the emulator rejects altText 1501 with LINE's 400 details", async () => {
    const f = await startFixture();
    try {
      const msg = flex(bubble(), "a".repeat(1501));
      const err = await lineError(f.client.pushMessage({ to: makeUserId("l"), messages: [msg as never] }));
      assert.equal(err.status, 400);
      assert.ok(err.body.details?.some((d) => d.property === "messages[0].altText"));
      assert.equal(f.emu.deliveries.length, 0);
    } finally {
      await f.emu.close();
    }
  });
});
