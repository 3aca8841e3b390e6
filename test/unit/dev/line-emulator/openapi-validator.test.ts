import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { messagingApi } from "@line/bot-sdk";
import {
  loadLineSchemas,
  makeUserId,
  validateLineRequest,
  validateWebhookPayload,
  EventFactory,
} from "../../../../src/dev/line-emulator";
import { SKIP_WITHOUT_SPEC } from "../../../helpers/line-spec";
import { lineError, startFixture } from "./emulator-fixture";

// Protects the discriminator transform (line.md §2.4): without it ajv passes any Flex body.
const user = makeUserId("schema-user");

const validFlex: messagingApi.FlexMessage = {
  type: "flex",
  altText: "ใบรับเรื่องร้องเรียน",
  contents: {
    type: "bubble",
    body: {
      type: "box",
      layout: "vertical",
      contents: [
        { type: "text", text: "รหัสติดตาม K7M-4QX", weight: "bold", wrap: true },
        { type: "button", style: "primary", action: { type: "postback", label: "ดูสถานะ", data: "complaint.status?c=K7M4QX" } },
      ],
    },
  },
  quickReply: { items: [{ type: "action", action: { type: "location", label: "ส่งตำแหน่ง" } }] },
};

describe("LINE OpenAPI validation", { skip: SKIP_WITHOUT_SPEC }, () => {
  const schemas = loadLineSchemas()!;

  test("a valid Flex push passes", () => {
    assert.deepEqual(validateLineRequest(schemas, "PushMessageRequest", { to: user, messages: [validFlex] }), []);
    assert.deepEqual(validateLineRequest(schemas, "FlexMessage", validFlex), []);
  });

  test("a bad enum, a wrong type, a missing field and an unknown message type are all caught", () => {
    const bad = {
      to: user,
      messages: [
        { type: "flex", altText: "x", contents: { type: "bubble", body: { type: "box", layout: "diagonal", contents: [{ type: "text", text: 123 }] } } },
        { type: "text" },
        { type: "hologram", text: "x" },
      ],
    };
    const errors = validateLineRequest(schemas, "PushMessageRequest", bad);
    assert.ok(errors.some((e) => e.startsWith("messages[0].contents.body.layout:")), errors.join("\n"));
    assert.ok(errors.some((e) => e.startsWith("messages[0].contents.body.contents[0].text: must be string")), errors.join("\n"));
    assert.ok(errors.includes("messages[1].text: must be specified"), errors.join("\n"));
    assert.ok(errors.some((e) => e.startsWith("messages[2].type: must be one of")), errors.join("\n"));
  });

  test("events built by the factory are valid webhook payloads; a location without latitude is not", () => {
    const events = new EventFactory(() => {});
    const all = [
      events.text(user, "hi"),
      events.postback(user, "a=b", { date: "2568-01-01" }),
      events.follow(user),
      events.unfollow(user),
      events.image(user, { imageSet: { id: "set1", index: 1, total: 2 } }),
      events.location(user, { latitude: 16.43, longitude: 102.83, title: "ขอนแก่น" }),
      events.sticker(user),
      events.standby(user, "x"),
    ];
    assert.deepEqual(validateWebhookPayload(schemas, { destination: makeUserId("bot"), events: all }), []);
    for (const e of all) assert.match(e.webhookEventId, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    const broken = { ...events.location(user, { latitude: 1, longitude: 2 }) } as Record<string, unknown>;
    broken.message = { type: "location", id: "1", longitude: 2 };
    const errors = validateWebhookPayload(schemas, { destination: makeUserId("bot"), events: [broken] });
    assert.deepEqual(errors, ["events[0].message.latitude: must be specified"]);
  });

  test("the emulator answers an invalid Flex with LINE's 400 body and accepts the valid one", async () => {
    const f = await startFixture();
    try {
      const badFlex = { ...validFlex, contents: { type: "bubble", body: { type: "box", layout: "diagonal", contents: [] } } };
      const err = await lineError(f.client.pushMessage({ to: user, messages: [badFlex as messagingApi.Message] }));
      assert.equal(err.status, 400);
      assert.equal(err.body.message, "The request body has 1 error(s)");
      assert.equal(err.body.details?.[0].property, "messages[0].contents.body.layout");
      await f.client.pushMessage({ to: user, messages: [validFlex] });
      assert.equal(f.emu.deliveries.length, 1);
    } finally {
      await f.emu.close();
    }
  });
});

describe("LINE OpenAPI loading", () => {
  test("returns null when the spec folder is absent", () => {
    assert.equal(loadLineSchemas("/nonexistent/line-openapi"), null);
  });
});
