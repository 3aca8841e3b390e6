import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import mongoose from "mongoose";
import { makeUserId, startLineEmulator, type LineEmulator } from "../../src/dev/line-emulator";
import { connectDb } from "../../src/db";
import { createLineClient } from "../../src/line/line-client";
import { createOutbox } from "../../src/line/outbox";
import { acquireLease, releaseLease, tryClaim } from "../../src/locks/claim";
import { createLogger } from "../../src/logger";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../helpers/test-config";

// Exclusive steps are inserts, because FerretDB 1.24 cannot do an atomic
// conditional update. These tests race real concurrent calls on the test database.
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
    const holder = ["a", "b", "c", "d"][racers.indexOf(true)]!;
    const other = holder === "a" ? "b" : "a";
    assert.equal(await acquireLease("chat:x", holder, t0, 1000), true, "re-entrant");
    assert.equal(await acquireLease("chat:x", other, new Date(t0.getTime() + 1500), 1000), false, "still held in the next slot");
    assert.equal(await acquireLease("chat:x", other, new Date(t0.getTime() + 2100), 1000), true, "lapsed after the holder's slots");
    await releaseLease("chat:x", other, new Date(t0.getTime() + 2100), 1000);
    assert.equal(await acquireLease("chat:x", holder, new Date(t0.getTime() + 2100), 1000), true, "free after release");
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
});
