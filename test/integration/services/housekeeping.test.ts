import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { InboxJournal } from "../../../src/models/inbox-journal.model";
import { ORPHAN_EVIDENCE_AGE_MS, runHousekeeping } from "../../../src/services/housekeeping.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { jpeg, say, sendImage, tap } from "../complaint-driver";

// The periodic clean-up: finished inbox rows past their retention go, open ones
// and recent ones stay; photos of a draft nobody came back to go after a day,
// photos of a draft still being written stay.
let h: Harness;
before(async () => {
  h = await startHarness("housekeeping");
});
after(async () => h.close());

const DAY = 24 * 3600_000;
const photos = (messageId: string) => mongoose.connection.collection("evidence.files").countDocuments({ "metadata.messageId": messageId });

test("finished inbox rows older than the retention are deleted; newer and unfinished ones stay", async () => {
  const user = makeUserId("hk-inbox");
  await say(h, user, "no gift");
  const done = await InboxEvent.findOne({ state: "done" }).sort({ doneAt: -1 }).lean();
  assert.equal(done!.state, "done");
  // An event still waiting (as after a crash), received long ago.
  await InboxEvent.collection.insertOne({ _id: "01HKOPEN00000000000000000" as never, webhookEventId: "01HKOPEN00000000000000000", chatKey: "event:hk", type: "message", mode: "active", timestamp: 1, receivedAt: new Date(Date.now() - 90 * DAY), payload: "{}", state: "pending", attempts: 0, nextAttemptAt: new Date() });

  const soon = await runHousekeeping(new Date(Date.now() + 29 * DAY), 30);
  assert.equal(soon.inboxRows, 0, "within the retention nothing goes");
  assert.ok(await InboxEvent.exists({ _id: done!._id }));

  const later = await runHousekeeping(new Date(Date.now() + 31 * DAY), 30);
  assert.ok(later.inboxRows >= 1);
  assert.equal(await InboxEvent.exists({ _id: done!._id }), null, "the finished row is gone");
  assert.ok(await InboxEvent.exists({ _id: "01HKOPEN00000000000000000" }), "an unfinished row is never purged");
  await InboxEvent.deleteOne({ _id: "01HKOPEN00000000000000000" });
});

test("inbox journal rows set aside past the retention are deleted; recent ones and rows still waiting stay", async () => {
  const at = (msAgo: number) => new mongoose.Types.ObjectId(Math.floor((Date.now() - msAgo) / 1000));
  const row = (_id: mongoose.Types.ObjectId, deadLetter: boolean) => ({ _id, receivedAt: _id.getTimestamp(), rows: [{ _id: "x", chatKey: "user:x" }], refusals: deadLetter ? 5 : 0, ...(deadLetter ? { deadLetter } : {}) });
  const [oldDead, newDead, oldWaiting] = [at(40 * DAY), at(2 * DAY), at(40 * DAY)];
  await h.bot.journal.stop(); // the waiting row stays where it is for this test
  await InboxJournal.collection.insertMany([row(oldDead, true), row(newDead, true), row(oldWaiting, false)]);
  const r = await runHousekeeping(new Date(), 30);
  assert.equal(r.journalRows, 1);
  assert.deepEqual((await InboxJournal.find({}).sort({ _id: 1 }).lean()).map((d) => String(d._id)).sort(), [String(oldWaiting), String(newDead)].sort());
  await InboxJournal.deleteMany({});
  h.bot.journal.start();
});

test("photos of an abandoned complaint draft are purged after a day, a fresh draft's are kept", async () => {
  const user = makeUserId("hk-photo");
  await tap(h, user, "a=complaint.start");
  await tap(h, user, "a=complaint.category&c=bribe");
  h.line.putContent("img-hk", { contentType: "image/jpeg", body: jpeg() });
  await sendImage(h, user, { messageId: "img-hk" });
  assert.equal(await photos("img-hk"), 1);
  await runHousekeeping(new Date(Date.now() + ORPHAN_EVIDENCE_AGE_MS - 60_000), 30);
  assert.equal(await photos("img-hk"), 1, "a draft from within the last day keeps its photo");
  const r = await runHousekeeping(new Date(Date.now() + ORPHAN_EVIDENCE_AGE_MS + 60_000), 30);
  assert.equal(r.orphanPhotos, 1);
  assert.equal(await photos("img-hk"), 0);
});
