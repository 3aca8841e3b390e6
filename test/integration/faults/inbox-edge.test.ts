import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { makeUserId, signBody } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { startHarness, type Harness } from "../../helpers/harness";
import { TEST_CHANNEL_SECRET } from "../../helpers/test-config";

// Signed bodies the fuzz test found to be mishandled, kept as plain regressions:
// each used to earn a 503 for ever (LINE redelivering without end) or to lose an
// event while answering 200.
let h: Harness;
before(async () => {
  h = await startHarness("inbox-edge");
});
beforeEach(() => h.line.reset());
after(async () => h.close());

async function post(raw: string): Promise<number> {
  const res = await fetch(h.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signBody(TEST_CHANNEL_SECRET, raw) }, body: raw });
  await res.arrayBuffer();
  return res.status;
}

test("an event with an empty type beside a good one: 200, also on redelivery, and the good one is answered once", async () => {
  const user = makeUserId("edge-empty-type");
  const good = h.line.events.text(user, "no gift");
  const body = JSON.stringify({ destination: "x", events: [good, { ...good, type: "", webhookEventId: "01EDGEEMPTYTYPE0000000000" }] });
  assert.equal(await post(body), 200);
  // Mongoose's unordered insert dropped the invalid one silently, and the redelivery
  // then counted 1 duplicate for 2 documents: 503 for ever.
  const redelivered = body.replace('"isRedelivery":false', '"isRedelivery":true');
  assert.equal(await post(redelivered), 200);
  await h.settle();
  assert.equal(h.line.messagesTo(user).length, 1);
  assert.equal(await InboxEvent.countDocuments({ webhookEventId: "01EDGEEMPTYTYPE0000000000" }), 0, "the typeless event is ignored, not stored");
});

test("an event nested too deeply to serialise again is ignored with 200, not a 503 for ever", async () => {
  let deep = "1";
  for (let i = 0; i < 6000; i++) deep = i % 2 ? `[${deep}]` : `{"a":${deep}}`;
  const body = `{"destination":"x","events":[{"type":"message","webhookEventId":"01EDGEDEEP00000000000000000","x":${deep}}]}`;
  assert.equal(await post(body), 200);
  assert.equal(await InboxEvent.countDocuments({ webhookEventId: "01EDGEDEEP00000000000000000" }), 0);
});

test("a source id that is not a LINE id never becomes a chat key or a push target", async () => {
  const ev = h.line.events.text(makeUserId("edge-src"), "no gift");
  const odd = { ...ev, source: { type: "user", userId: "../../v2/bot/message/push" }, webhookEventId: "01EDGESRC000000000000000000" };
  assert.equal(await post(JSON.stringify({ destination: "x", events: [odd] })), 200);
  await h.settle();
  const row = await InboxEvent.findOne({ webhookEventId: "01EDGESRC000000000000000000" });
  assert.equal(row!.state, "done");
  assert.equal(row!.chatKey, undefined, "a finished row keeps no chat key");
  assert.equal(h.line.requests.filter((r) => r.endpoint === "push").length, 0);
});
