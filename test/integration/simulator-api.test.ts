import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makePngHeader, makeUserId, USER_ID_PATTERN } from "../../src/dev/line-emulator";
import { SimClient, SimClientError } from "../../src/dev/line-emulator/sim-client";
import type { BotEntry, NoteEntry, SimEntry } from "../../src/dev/line-emulator/sim-transcript";
import { findRepoRoot, mountSimulator } from "../../src/dev/line-emulator/simulator";
import { installDevRichMenu } from "../../src/dev/dev-richmenu";
import { InboxEvent } from "../../src/models/inbox-event.model";
import { openPayload } from "../../src/webhook/inbox-payload";
import { Member } from "../../src/models/member.model";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_ACCESS_TOKEN } from "../helpers/test-config";

// The chat simulator's control API (/__sim) drives the real bot the way LINE does:
// signed webhooks in, replies read back from what the bot delivered to the emulator.
let h: Harness;
let api: SimClient;
before(async () => {
  h = await startHarness("simulator-api");
  mountSimulator(h.line, { channelAccessToken: TEST_ACCESS_TOKEN });
  api = new SimClient(h.line.url);
});
after(async () => h.close());

const botMessages = (entries: SimEntry[]) => entries.filter((e): e is BotEntry => e.from === "bot").map((e) => e.message as Record<string, unknown>);
const payloadOf = async (webhookEventId: string) => JSON.parse(openPayload((await InboxEvent.findOne({ webhookEventId }).lean<{ _id: string; payload: string }>())!, h.bot.deps.sealer)) as Record<string, any>;

describe("/__sim users", () => {
  test("three preset users with stable LINE ids, known to the profile API; adding a name twice gives one user", async () => {
    const users = await api.users();
    assert.deepEqual(users.slice(0, 3).map((u) => u.displayName), ["ชาวบ้าน (สมศรี)", "ผู้ใหญ่บ้าน (บุญมา)", "เจ้าหน้าที่ทดสอบ"]);
    assert.equal(users[0]!.userId, makeUserId("sim:resident"));
    for (const u of users) assert.match(u.userId, USER_ID_PATTERN);
    const added = await api.addUser("นักทดสอบ");
    assert.equal((await api.addUser("นักทดสอบ")).userId, added.userId);
    const profile = await fetch(`${h.line.url}/v2/bot/profile/${added.userId}`, { headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}` } });
    assert.equal(((await profile.json()) as { displayName: string }).displayName, "นักทดสอบ");
  });
});

describe("/__sim events", () => {
  test("a text goes out as a signed webhook and the Flex reply is read back after the cursor", async () => {
    const sent = await api.send("resident", { type: "text", text: "ไม่รับ ไม่ให้" });
    assert.equal(sent.webhook.status, 200, "the bot accepted the signature");
    assert.equal((await payloadOf(sent.webhookEventId)).message.text, "ไม่รับ ไม่ให้");
    const replies = await api.collectReplies("resident", sent.entry.seq, { timeoutMs: 8000, quietMs: 300 });
    const [flex] = botMessages(replies);
    assert.equal(flex?.type, "flex");
    assert.match(String(flex!.altText), /ไม่รับ ไม่ให้/);
    const all = await api.messages("resident", 0);
    assert.ok(all.entries.findIndex((e) => e.seq === sent.entry.seq) < all.entries.findIndex((e) => e.from === "bot"), "the user's words come before the reply");
    assert.deepEqual((await api.messages("resident", all.cursor)).entries, [], "nothing is repeated after the cursor");
  });

  test("a long poll answers as soon as the reply arrives", async () => {
    const sent = await api.send("headman", { type: "text", text: "เมนู" });
    const started = Date.now();
    const res = await api.messages("headman", sent.entry.seq, 10_000);
    assert.ok(Date.now() - started < 9000, "returned before the wait ran out");
    assert.equal(botMessages(res.entries)[0]?.type, "flex");
    assert.ok(res.entries.every((e) => e.userId === makeUserId("sim:headman")), "each user sees only their own chat");
  });

  test("a postback carries datetimepicker params and displayText the way LINE sends them", async () => {
    const sent = await api.send("resident", { type: "postback", data: "a=topic.show&t=gift-law", displayText: "รับของขวัญได้แค่ไหน", params: { datetime: "2025-12-09T09:00" } });
    const payload = await payloadOf(sent.webhookEventId);
    assert.deepEqual(payload.postback, { data: "a=topic.show&t=gift-law", params: { datetime: "2025-12-09T09:00" } });
    assert.equal(sent.entry.event.type === "postback" && sent.entry.event.displayText, "รับของขวัญได้แค่ไหน");
    const [reply] = botMessages(await api.collectReplies("resident", sent.entry.seq, { timeoutMs: 8000, quietMs: 300 }));
    assert.match(String(reply?.altText), /ของขวัญ/);
  });

  test("an uploaded image becomes message content on the content API and an image event", async () => {
    const png = Buffer.concat([makePngHeader(64, 48), Buffer.alloc(200, 7)]);
    const sent = await api.sendImage("resident", png, "image/png");
    assert.equal(sent.entry.event.type, "image");
    const messageId = sent.entry.event.type === "image" ? sent.entry.event.messageId : "";
    const payload = await payloadOf(sent.webhookEventId);
    assert.deepEqual([payload.message.type, payload.message.id, payload.message.contentProvider.type], ["image", messageId, "line"]);
    const content = await fetch(`${h.line.url}/v2/bot/message/${messageId}/content`, { headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}` } });
    assert.deepEqual(Buffer.from(await content.arrayBuffer()), png);
    const shown = await fetch(`${h.line.url}/__sim/images/${messageId}`);
    assert.equal(shown.headers.get("content-type"), "image/png");
    assert.ok(botMessages(await api.collectReplies("resident", sent.entry.seq, { timeoutMs: 8000, quietMs: 300 })).length > 0);
  });

  test("follow greets and stores the member under the preset name; location and sticker get answers; unfollow is silent", async () => {
    const officer = makeUserId("sim:officer");
    const followed = await api.send("officer", { type: "follow" });
    const greeting = botMessages(await api.collectReplies("officer", followed.entry.seq, { timeoutMs: 8000, quietMs: 300 }));
    assert.ok(greeting.length > 0);
    assert.equal((await Member.findOne({ lineUserId: officer }))!.displayName, "เจ้าหน้าที่ทดสอบ");
    const located = await api.send("officer", { type: "location", latitude: 16.4419, longitude: 102.836, title: "ศาลากลางจังหวัดขอนแก่น" });
    assert.deepEqual((await payloadOf(located.webhookEventId)).message.latitude, 16.4419);
    assert.ok(botMessages(await api.collectReplies("officer", located.entry.seq, { timeoutMs: 8000, quietMs: 300 })).length > 0);
    const sticker = await api.send("officer", { type: "sticker" });
    assert.ok(botMessages(await api.collectReplies("officer", sticker.entry.seq, { timeoutMs: 8000, quietMs: 300 })).length > 0);
    const gone = await api.send("officer", { type: "unfollow" });
    await h.settle();
    assert.equal((await Member.findOne({ lineUserId: officer }))!.followed, false);
    assert.deepEqual(botMessages((await api.messages("officer", gone.entry.seq)).entries), []);
  });
});

describe("/__sim rich menu", () => {
  test("none until one is set as default; then its areas, chat bar text and picture", async () => {
    assert.equal((await fetch(`${h.line.url}/__sim/users/resident/richmenu`)).status, 404);
    const installed = await installDevRichMenu(findRepoRoot(), h.line.url, TEST_ACCESS_TOKEN);
    assert.match(installed, /^rich menu: richmenu-/, installed);
    const menu = (await (await fetch(`${h.line.url}/__sim/users/resident/richmenu`)).json()) as {
      chatBarText: string;
      areas: { action: { type: string; data: string } }[];
      imageUrl: string;
    };
    assert.ok(menu.chatBarText.length > 0);
    assert.ok(menu.areas.length >= 6 && menu.areas.every((a) => a.action.type === "postback" && a.action.data.startsWith("a=")));
    const image = await fetch(`${h.line.url}${menu.imageUrl}`);
    assert.equal(image.headers.get("content-type"), "image/png");
    assert.ok((await image.arrayBuffer()).byteLength > 1000);
  });
});

describe("/__sim errors", () => {
  const status = async (p: Promise<unknown>) => p.then(() => 200, (e: SimClientError) => e.status);

  test("bad input is a 400, an unknown user a 404, and nothing reaches the bot", async () => {
    const before = h.line.webhookDeliveries.length;
    assert.equal(await status(api.send("resident", { type: "dance" } as never)), 400);
    assert.equal(await status(api.send("resident", { type: "text", text: "" })), 400);
    assert.equal(await status(api.send("resident", { type: "location", latitude: 123, longitude: 0 })), 400);
    assert.equal(await status(api.send("resident", { type: "postback", data: "a=x.y", params: { evil: "1" } })), 400);
    assert.equal(await status(api.sendImage("resident", Buffer.from("hello"), "text/plain")), 400);
    assert.equal(await status(api.send("nobody-here", { type: "text", text: "hi" })), 404);
    assert.equal(h.line.webhookDeliveries.length, before);
  });

  test("a message LINE refuses shows in that user's chat with the reasons", async () => {
    const user = makeUserId("sim:headman");
    const { cursor } = await api.messages("headman", 0);
    const res = await fetch(`${h.line.url}/v2/bot/message/push`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ to: user, messages: [{ type: "flex", contents: { type: "bubble" } }] }),
    });
    assert.equal(res.status, 400);
    const notes = (await api.messages("headman", cursor)).entries.filter((e): e is NoteEntry => e.from === "system");
    assert.equal(notes[0]?.level, "error");
    assert.ok(notes[0]!.details!.some((d) => /altText/.test(d)), notes[0]!.details!.join("; "));
  });

  test("when the bot is down the send is a 502 and the chat says so", async () => {
    const { cursor } = await api.messages("resident", 0);
    h.line.setWebhookUrl("http://127.0.0.1:9/webhook");
    try {
      assert.equal(await status(api.send("resident", { type: "text", text: "ฮัลโหล" })), 502);
    } finally {
      h.line.setWebhookUrl(h.webhookUrl);
    }
    const notes = (await api.messages("resident", cursor)).entries.filter((e): e is NoteEntry => e.from === "system");
    assert.match(notes[0]!.text, /ติดต่อบอทไม่ได้/);
  });
});
