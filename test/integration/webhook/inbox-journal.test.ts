import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { mongo } from "mongoose";
import { makeUserId } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { InboxJournal, MAX_JOURNAL_REFUSALS, type InboxJournalDoc } from "../../../src/models/inbox-journal.model";
import { IngestLoad, type LoadLevel } from "../../../src/webhook/ingest-load";
import { startHarness, type Harness } from "../../helpers/harness";

// In a flood (ingest-load.ts "surge") each webhook request is stored as one journal
// row, and the journal expander moves its events into the inbox
// (webhook/inbox-journal.ts). Signed webhooks in, through the test database, to
// answers from the LINE emulator.
class HeldLoad extends IngestLoad {
  held: LoadLevel = "calm";
  override level(): LoadLevel {
    return this.held;
  }
}

const harnesses: Harness[] = [];
async function harness(name: string, opts: Parameters<typeof startHarness>[1]): Promise<Harness> {
  const h = await startHarness(name, opts);
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const journalRows = () => InboxJournal.find({}).sort({ _id: 1 }).lean<InboxJournalDoc[]>();

describe("a flood goes to the journal", () => {
  test("one row per request, sealed; a crash after the 200 loses nothing and a restart answers each event once", async () => {
    const load = new HeldLoad();
    load.held = "surge";
    const h = await harness("journal-crash", { processing: false, ingestLoad: load });
    const [a, b] = [makeUserId("journal-a"), makeUserId("journal-b")];
    const events = [h.line.events.text(a, "no gift"), h.line.events.text(a, "เมนู"), h.line.events.text(b, "ไม่รับ ไม่ให้ คืออะไร")];
    assert.equal((await h.line.sendWebhook(events)).status, 200);

    const rows = await journalRows();
    assert.equal(rows.length, 1, "one journal row for the request");
    assert.deepEqual(rows[0]!.rows.map((r) => r._id), events.map((e) => e.webhookEventId), "its events, in the request's order");
    const stored = JSON.stringify(rows[0]);
    for (const secret of [a, b, "no gift", "เมนู"]) assert.ok(!stored.includes(secret), `the journal does not hold ${secret} in the clear`);
    assert.equal(await InboxEvent.countDocuments({ _id: { $in: events.map((e) => e.webhookEventId) } }), 0);
    const metrics = await (await fetch(h.webhookUrl.replace(/\/webhook$/, "/metrics"))).text();
    assert.match(metrics, /^sujarit_inbox_journal_requests 1$/m);
    const age = Number(/^sujarit_inbox_oldest_open_age_seconds (\S+)$/m.exec(metrics)?.[1]);
    assert.ok(age > 0, `the journaled request is the oldest waiting (${age} s)`);

    await h.restart({}); // calm, processing on
    await h.settle();
    assert.equal(h.line.messagesTo(a).length, 2);
    assert.equal(h.line.messagesTo(b).length, 1);
    assert.equal(await InboxEvent.countDocuments({ _id: { $in: events.map((e) => e.webhookEventId) }, state: "done" }), 3);
    assert.equal(await InboxJournal.countDocuments(), 0, "the journal is emptied");
  });

  test("while the journal holds rows, calm requests follow them there; once it is empty they go straight to the inbox", async () => {
    const load = new HeldLoad();
    const h = await harness("journal-order", { background: false, ingestLoad: load });
    const user = makeUserId("journal-order");
    load.held = "surge";
    const e1 = h.line.events.text(user, "no gift");
    await h.line.sendWebhook([e1]);
    load.held = "calm";
    const e2 = h.line.events.text(user, "เมนู");
    await h.line.sendWebhook([e2]);
    assert.equal((await journalRows()).length, 2, "the calm request waits behind the journaled one");
    assert.equal(await InboxEvent.countDocuments({ _id: { $in: [e1.webhookEventId, e2.webhookEventId] } }), 0);

    assert.equal(await h.bot.journal.expandOnce(), 2);
    const moved = await InboxEvent.find({ chatKey: h.chatKey(user) }).sort({ timestamp: 1, receivedAt: 1, _id: 1 }).lean();
    assert.deepEqual(moved.map((r) => r._id), [e1.webhookEventId, e2.webhookEventId]);
    assert.equal(await h.bot.journal.expandOnce(), 0);
    assert.equal(h.bot.journal.journaling(), false, "an empty journal turns it off");

    const e3 = h.line.events.text(user, "no gift");
    await h.line.sendWebhook([e3]);
    assert.equal(await InboxEvent.countDocuments({ _id: e3.webhookEventId }), 1, "stored in the inbox before the 200");
    assert.equal((await journalRows()).length, 0);
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 3);
  });

  test("a redelivered event in the journal is skipped; the rest of its request is answered", async () => {
    const load = new HeldLoad();
    const h = await harness("journal-redelivery", { background: false, ingestLoad: load });
    const user = makeUserId("journal-redelivery");
    const e1 = h.line.events.text(user, "no gift");
    await h.line.sendWebhook([e1]);
    await h.settle();
    load.held = "surge";
    const e2 = h.line.events.text(user, "เมนู");
    assert.equal((await h.line.sendWebhook([e1, e2])).status, 200);
    assert.equal(await h.bot.journal.expandOnce(), 1);
    load.held = "calm";
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 2, "e1 once, e2 once");
    assert.equal(await InboxJournal.countDocuments(), 0);
  });

  test("a row the database keeps refusing is set aside after a few tries; the rows beside it move", async () => {
    const load = new HeldLoad();
    const h = await harness("journal-refused", { background: false, ingestLoad: load });
    const user = makeUserId("journal-refused");
    // An older row whose event no MongoDB stores: an _id may not be an array.
    const bad = new mongo.ObjectId(Math.floor(Date.now() / 1000) - 60);
    await InboxJournal.collection.insertOne({ _id: bad, receivedAt: new Date(), rows: [{ _id: ["not", "an", "id"], chatKey: "user:x" }], refusals: 0 });
    load.held = "surge";
    const good = h.line.events.text(user, "no gift");
    await h.line.sendWebhook([good]);
    load.held = "calm";

    assert.equal(await h.bot.journal.expandOnce(), 1, "the good row moves past the refused one");
    assert.equal(await InboxEvent.countDocuments({ _id: good.webhookEventId }), 1);
    for (let i = 1; i < MAX_JOURNAL_REFUSALS - 1; i++) assert.equal(await h.bot.journal.expandOnce(), 0);
    assert.equal(h.bot.journal.journaling(), true, "not yet set aside: requests still follow the journal");
    assert.equal(await h.bot.journal.expandOnce(), 1, "the last refusal sets it aside");
    const row = await InboxJournal.findById(bad).lean<InboxJournalDoc>();
    assert.equal(row?.deadLetter, true);
    assert.equal(row?.refusals, MAX_JOURNAL_REFUSALS);
    assert.equal(await h.bot.journal.expandOnce(), 0);
    assert.equal(h.bot.journal.journaling(), false, "a set-aside row holds nothing up");
    await h.settle();
    assert.equal(h.line.messagesTo(user).length, 1);
  });
});
