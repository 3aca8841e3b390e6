import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { RateLimiter } from "../../../../src/dev/line-emulator/rate-limiter";
import { lineError, startFixture, text, type EmulatorFixture } from "./emulator-fixture";

// Broadcast and the quota endpoints as LINE documents them: broadcast 60 requests per
// rolling hour, GET /v2/bot/message/quota {type, value}, /quota/consumption {totalUsage},
// and the monthly limit's 429 "You have reached your monthly limit.".
const fixtures: EmulatorFixture[] = [];
after(async () => Promise.all(fixtures.map((f) => f.emu.close())));

describe("broadcast and quota", () => {
  test("quota: none without a limit; limited with the value; consumption counts recipients", async () => {
    const f = await startFixture();
    fixtures.push(f);
    assert.deepEqual(await f.client.getMessageQuota(), { type: "none" });
    for (const n of [1, 2, 3]) f.emu.addUser({ userId: makeUserId(`b${n}`), displayName: `u${n}` });
    await f.client.broadcast({ messages: [text("ประกาศ")] }, randomUUID());
    assert.deepEqual(await f.client.getMessageQuotaConsumption(), { totalUsage: 3 });
    f.emu.setMonthlyQuota(4);
    assert.deepEqual(await f.client.getMessageQuota(), { type: "limited", value: 4 });
    const refused = await lineError(f.client.broadcast({ messages: [text("อีกครั้ง")] }, randomUUID()));
    assert.equal(refused.status, 429);
    assert.equal(refused.body.message, "You have reached your monthly limit.");
    assert.deepEqual(await f.client.getMessageQuotaConsumption(), { totalUsage: 3 }, "a refused send is not counted");
  });

  test("broadcast: the 61st request within an hour gets 429; the window is an hour, not a second", () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 60; i++) assert.equal(limiter.tryAcquire("broadcast", t0 + i * 1000), true);
    assert.equal(limiter.tryAcquire("broadcast", t0 + 120_000), false);
    assert.equal(limiter.tryAcquire("broadcast", t0 + 3_599_000), false);
    assert.equal(limiter.tryAcquire("broadcast", t0 + 3_600_001), true, "the first request left the window");
    assert.equal(limiter.tryAcquire("multicast", t0), true);
  });
});
