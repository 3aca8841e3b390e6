import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../src/dev/line-emulator";
import { connectDb } from "../../src/db";
import { createLineClient } from "../../src/line/line-client";
import { createOutbox } from "../../src/line/outbox";
import { acquireLease, tryClaim } from "../../src/locks/claim";
import { Claim } from "../../src/models/claim.model";
import { OutboxMessage } from "../../src/models/outbox-message.model";
import { createLogger } from "../../src/logger";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../helpers/test-config";

// Exclusive steps taken by inserting a claim against a unique _id. These tests
// race real concurrent calls on the test database.
let line: LineEmulator;
before(async () => {
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN });
  await connectDb(process.env.MONGODB_URI!, `t_claims_${randomBytes(3).toString("hex")}`);
});
after(async () => {
  await mongoose.connection.db?.dropDatabase();
  await mongoose.disconnect();
  await line.close();
});

describe("claims", () => {
  test("30 concurrent claims of one key have exactly one winner", async () => {
    const far = new Date(Date.now() + 60_000);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => tryClaim("k:race", `owner${i}`, far)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  test("a lease excludes others, is re-entrant, and lapses two slots after its holder vanishes", async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const racers = await Promise.all(["a", "b", "c", "d"].map((o) => acquireLease("chat:x", o, t0, 1000)));
    assert.equal(racers.filter(Boolean).length, 1);
    const holder = ["a", "b", "c", "d"][racers.findIndex(Boolean)]!;
    const other = holder === "a" ? "b" : "a";
    assert.ok(await acquireLease("chat:x", holder, t0, 1000), "re-entrant");
    assert.equal(await acquireLease("chat:x", other, new Date(t0.getTime() + 1500), 1000), null, "still held in the next slot");
    const taken = await acquireLease("chat:x", other, new Date(t0.getTime() + 2100), 1000);
    assert.ok(taken, "lapsed after the holder's slots");
    await taken.release();
    assert.ok(await acquireLease("chat:x", holder, new Date(t0.getTime() + 2100), 1000), "free after release");
  });

  test("racers never split a lease's two slots between them: in 40 rounds of 4 racers, each round has exactly one holder", async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    for (let round = 0; round < 40; round++) {
      const racers = await Promise.all(["a", "b", "c", "d"].map((o) => acquireLease(`chat:split-${round}`, o, t0, 1000)));
      assert.equal(racers.filter(Boolean).length, 1, `round ${round}`);
    }
  });

  test("a lease renews into new slots, and its release removes every slot it took and no other claim", async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const lease = await acquireLease("chat:renew", "a", t0, 1000);
    assert.ok(lease);
    assert.equal(await lease.renew(new Date(t0.getTime() + 1200)), true, "the next slot is its own; the one after is free");
    const held = async () => (await Claim.find({ _id: { $regex: "^chat:renew@" } }).lean()).map((c) => String(c._id)).sort();
    const k = Math.floor(t0.getTime() / 1000);
    assert.deepEqual(await held(), [k, k + 1, k + 2].map((s) => `chat:renew@${s}`).sort());
    assert.equal(await tryClaim("chat:renew-other@1", "b", new Date(t0.getTime() + 60_000)), true);
    await lease.release();
    assert.deepEqual(await held(), []);
    assert.equal((await Claim.findById("chat:renew-other@1").lean())?.owner, "b", "another owner's claim stays");
    const rival = await acquireLease("chat:renew", "b", new Date(t0.getTime() + 1300), 1000);
    assert.ok(rival, "free for another owner once released");
    assert.equal(await rival.renew(new Date(t0.getTime() + 1400)), true);
    const late = await acquireLease("chat:renew", "a", new Date(t0.getTime() + 1500), 1000);
    assert.equal(late, null, "held by the rival");
  });

  test("two replicas draining one outbox deliver each row once", async () => {
    const logger = createLogger("silent");
    const client = createLineClient({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: line.url, dataApiBaseUrl: line.url, timeoutMs: 2000, logger });
    const a = createOutbox({ line: client, logger, owner: "replica-a" });
    const b = createOutbox({ line: client, logger, owner: "replica-b" });
    const users = Array.from({ length: 20 }, (_, i) => makeUserId(`ob${i}`));
    for (const [i, u] of users.entries()) await a.enqueue({ kind: "push", to: [u], messages: [{ type: "text", text: `#${i}` }], dedupeKey: `race:${i}`, purpose: "test" });
    await Promise.all([a.drainDue(), b.drainDue(), a.drainDue(), b.drainDue()]);
    for (const u of users) assert.equal(line.messagesTo(u).length, 1);
    const pushes = line.requests.filter((r) => r.endpoint === "push");
    assert.equal(pushes.length, users.length, `no second attempt reached LINE: ${JSON.stringify(pushes.map((p) => [p.status, p.retryKey?.slice(0, 4)]))}`);
  });
  test("a row enqueued to send at once holds its first attempt: no one else takes it before its lease ends, and the retry after is LINE's 409", async () => {
    const logger = createLogger("silent");
    const client = createLineClient({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: line.url, dataApiBaseUrl: line.url, timeoutMs: 2000, logger });
    let t = Date.now();
    const now = () => new Date(t);
    const creator = createOutbox({ line: client, logger, owner: "creator", now, leaseMs: 30_000 });
    const other = createOutbox({ line: client, logger, owner: "other", now, leaseMs: 30_000 });
    const user = makeUserId("held-row");
    const messages = [{ type: "text" as const, text: "ครั้งเดียว" }];
    const [row] = await creator.enqueue({ kind: "push", to: [user], messages, dedupeKey: "held:1", purpose: "test" }, { sendNow: true });
    assert.deepEqual([row!.state, row!.attempts], ["sending", 1]);
    assert.equal(await other.trySend(row!._id), null, "held by its creator");
    await other.drainDue();
    assert.equal(line.messagesTo(user).length, 0, "nobody sent it in the creator's place");
    // The creator's attempt reaches LINE, and the creator dies before recording it.
    await client.push(user, messages, row!.retryKey);
    t += 31_000;
    const retried = await other.trySend(row!._id);
    assert.deepEqual([retried?.state, retried?.lastStatus, retried?.attempts], ["sent", 409, 2]);
    assert.equal((await OutboxMessage.findById(row!._id))!.state, "sent");
    assert.equal(line.messagesTo(user).length, 1);
  });
});
