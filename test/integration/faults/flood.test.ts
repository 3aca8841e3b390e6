import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { makeUserId } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { InboxJournal } from "../../../src/models/inbox-journal.model";
import { IngestLoad, SURGE_REQUESTS } from "../../../src/webhook/ingest-load";
import { startHarness, type Harness } from "../../helpers/harness";
import { deliveryMismatches } from "./fault-helpers";

// A flood: more than SURGE_REQUESTS webhook requests within the load meter's window,
// each of several events, from a few chats at once. The meter is the real one, on a
// clock held still while the requests arrive (so the surge does not depend on this
// machine's speed), then moved on. The requests of the surge go to the journal
// (webhook/inbox-journal.ts); every event is answered exactly once, and each chat's
// answers come in the order of its events.
let h: Harness;
let clock = Date.now();
before(async () => {
  h = await startHarness("flood", { ingestLoad: new IngestLoad(() => clock) });
});
after(async () => h.close());

test("a flood of multi-event requests: journaled, then every event answered once, in each chat's order", { timeout: 60_000 }, async () => {
  const users = Array.from({ length: 75 }, (_, i) => makeUserId(`flood-${i}`));
  let timestamp = Date.now(); // LINE's order: each event a millisecond after the one before
  const requests = SURGE_REQUESTS + 100;
  const expected = new Map<string, number>();
  const tokens = new Map<string, { user: string; n: number }>(); // reply token → whose event, and which of theirs
  const sentCount = new Map<string, number>();
  const statuses: number[] = [];
  let journaledSeen = 0;
  for (let start = 0; start < requests; start += 25) {
    // 25 requests at once, each of 3 events from 3 users; each user once a wave, and the
    // waves one after another, so each user's events are sent in order.
    const wave = Array.from({ length: Math.min(25, requests - start) }, (_, k) => {
      const i = start + k;
      return [0, 1, 2].map((j) => {
        const user = users[k + 25 * j]!;
        expected.set(user, (expected.get(user) ?? 0) + 1);
        const event = { ...h.line.events.text(user, j === 1 ? "เมนู" : "no gift"), timestamp: ++timestamp };
        const n = sentCount.get(user) ?? 0;
        sentCount.set(user, n + 1);
        tokens.set(event.replyToken!, { user, n });
        return event;
      });
    });
    const results = await Promise.all(wave.map((events) => h.line.sendWebhook(events)));
    statuses.push(...results.map((r) => r.status));
    journaledSeen = Math.max(journaledSeen, await InboxJournal.countDocuments());
  }
  assert.deepEqual([...new Set(statuses)], [200], "every request stored and acknowledged");
  assert.ok(journaledSeen > 0, "the surge's requests went to the journal");

  clock += 5_000; // the flood is over
  await delay(50);
  await h.settle();
  assert.deepEqual(deliveryMismatches(h.line, expected), [], "each event answered once");
  assert.equal(await InboxJournal.countDocuments(), 0);
  assert.equal(await InboxEvent.countDocuments({ state: "done" }), requests * 3);
  // Each chat's replies, in the order the emulator took them, answer its events in order.
  const lastAnswered = new Map<string, number>();
  let replies = 0;
  for (const r of h.line.requests) {
    if (r.endpoint !== "reply" || r.status !== 200) continue;
    const ev = tokens.get((r.body as { replyToken: string }).replyToken);
    if (!ev) continue;
    replies += 1;
    assert.ok(ev.n > (lastAnswered.get(ev.user) ?? -1), `${ev.user.slice(0, 8)}: event ${ev.n} answered after a later one`);
    lastAnswered.set(ev.user, ev.n);
  }
  assert.ok(replies >= requests * 3 * 0.9, `most events answered by reply (${replies} of ${requests * 3})`);
});
