import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { startHarness, type Harness } from "../helpers/harness";

// Protects free-text understanding end to end (issue 3): a clear question gets its explainer,
// an unclear one gets "คุณหมายถึง…" quick replies that work when tapped, a greeting gets the
// greeting and the menu (issue 19), and text the bot does not understand gets the fallback.
type Msg = { type: string; text?: string; altText?: string; quickReply?: { items: { action: { type: string; data?: string; label?: string } }[] } };

let h: Harness;
before(async () => {
  h = await startHarness("intents");
});
after(async () => h.close());
beforeEach(() => h.line.reset());

async function say(user: string, text: string): Promise<Msg[]> {
  await h.line.sendWebhook([h.line.events.text(user, text)]);
  await h.settle();
  return h.line.messagesTo(user) as Msg[];
}

describe("text intents through the webhook", () => {
  test("an Isan question about reporting gets the how-to-report explainer", async () => {
    const msgs = await say(makeUserId("isan"), "แจ้งเรื่องทุจริตเฮ็ดจั่งใด๋");
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0]!.type, "flex");
    assert.match(msgs[0]!.altText!, /แจ้งเรื่องทุจริตได้ที่ไหน/);
  });

  test("a message with two close wishes is answered with 'คุณหมายถึง…' chips, and a chip opens the explainer", async () => {
    const user = makeUserId("ask");
    const [ask] = await say(user, "อยากร้องเรียน ทำยังไง");
    assert.equal(ask!.type, "text");
    assert.match(ask!.text!, /ท่านหมายถึง/);
    const data = ask!.quickReply!.items.map((i) => i.action.data);
    assert.ok(data.includes("a=topic.show&t=how-to-report") && data.includes("a=complaint.start"), JSON.stringify(data));
    h.line.reset();
    await h.line.sendWebhook([h.line.events.postback(user, "a=topic.show&t=how-to-report")]);
    await h.settle();
    const [explainer] = h.line.messagesTo(user) as Msg[];
    assert.equal(explainer!.type, "flex");
    assert.match(explainer!.altText!, /แจ้งเรื่องทุจริตได้ที่ไหน/);
  });

  test("a greeting is greeted back, then shown the topic menu", async () => {
    const [hello, menu] = await say(makeUserId("hello"), "หวัดดีจ้า");
    assert.match(hello!.text!, /^สวัสดีค่ะ/);
    assert.equal(menu!.type, "flex");
    assert.match(menu!.altText!, /หัวข้อน่ารู้/);
  });

  test("everyday text that only looks like a topic gets the fallback, not a guess", async () => {
    const [reply] = await say(makeUserId("birth"), "แจ้งเกิดลูกที่อำเภอ");
    assert.equal(reply!.type, "text");
    assert.match(reply!.text!, /ยังไม่เข้าใจ/);
  });
});
