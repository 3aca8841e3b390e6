import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { makeUserId } from "../../../../src/dev/line-emulator";
import { lineError, startFixture, text, type EmulatorFixture } from "./emulator-fixture";

// Protects fault injection used by the outbox and reliability tests: failNext is exact,
// random faults are reproducible with a seed and limited to the chosen endpoints.
describe("LINE emulator: faults", () => {
  let f: EmulatorFixture;
  const user = makeUserId("fault-user");
  before(async () => {
    f = await startFixture();
    f.emu.addUser({ userId: user, displayName: "ทดสอบ" });
  });
  beforeEach(() => f.emu.reset());
  after(() => f.emu.close());

  const pushStatus = () => f.client.pushMessage({ to: user, messages: [text("x")] }).then(() => 200, (e) => e.status as number);

  test("failNext fails exactly that many calls of that endpoint, with a custom body", async () => {
    f.emu.failNext("push", 503, 1, { message: "maintenance" });
    const err = await lineError(f.client.pushMessage({ to: user, messages: [text("x")] }));
    assert.deepEqual([err.status, err.body.message], [503, "maintenance"]);
    assert.ok(err.headers.get("x-line-request-id"));
    assert.equal(await pushStatus(), 200);
    assert.deepEqual(await f.client.getProfile(user), { userId: user, displayName: "ทดสอบ" });
  });

  test("random faults with a seed repeat the same sequence and skip other endpoints", async () => {
    const run = async () => {
      f.emu.reset();
      f.emu.setFaults({ rate500: 0.3, rate429: 0.2, seed: 42, endpoints: ["push"] });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push(await pushStatus());
      return out;
    };
    const a = await run();
    assert.deepEqual(await run(), a);
    assert.ok(a.includes(500) && a.includes(429) && a.includes(200), a.join(","));
    assert.equal((await f.client.getProfile(user)).displayName, "ทดสอบ");
    assert.equal(f.emu.deliveries.length, a.filter((s) => s === 200).length);
  });

  test("latency delays the answer", async () => {
    f.emu.setFaults({ latencyMs: 120 });
    const started = Date.now();
    await f.client.getProfile(user);
    assert.ok(Date.now() - started >= 110);
  });
});
