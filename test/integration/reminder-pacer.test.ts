import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { SlidingWindowPacer } from "../../src/line/pacer";
import type { OutboxMessageDoc } from "../../src/models/outbox-message.model";
import { startHarness, type Harness } from "../helpers/harness";

// LINE allows 200 multicast requests per second per channel; the emulator enforces it
// over a rolling second. The outbox paces multicasts so a province-wide fan-out sent
// with many requests in flight never meets a 429.
let h: Harness;
before(async () => {
  h = await startHarness("reminder-pacer", { background: false });
});
after(async () => h.close());

describe("multicast pacing", () => {
  test("450 multicasts, 64 in flight: no 429, never more than 200 in any second", async () => {
    const rows: OutboxMessageDoc[] = [];
    for (let i = 0; i < 450; i++) {
      const [row] = await h.bot.deps.outbox.enqueue({ kind: "multicast", to: [makeUserId(`pace-${i}`)], messages: [{ type: "text", text: "ทดสอบ" }], dedupeKey: `pace#${i}`, purpose: "test" });
      rows.push(row!);
    }
    const started = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: 64 }, async () => {
      while (next < rows.length) await h.bot.deps.outbox.trySend(rows[next++]!._id, { recipientsChecked: true });
    }));
    const elapsed = Date.now() - started;
    const multicasts = h.line.requests.filter((q) => q.endpoint === "multicast");
    assert.equal(multicasts.filter((q) => q.status === 429).length, 0);
    assert.equal(multicasts.filter((q) => q.status === 200).length, 450);
    const times = multicasts.map((q) => q.at).sort((a, b) => a - b);
    for (let i = 200; i < times.length; i++) assert.ok(times[i]! - times[i - 200]! > 1000, "at most 200 in any rolling second");
    assert.ok(elapsed >= 2000, `450 requests need two full windows (${elapsed} ms)`);
  });

  test("the pacer lets a burst of `limit` through at once, then waits a window", async () => {
    const pacer = new SlidingWindowPacer(5, 200, 0);
    const t0 = Date.now();
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, () =>
        pacer.acquire().then((answered) => {
          at.push(Date.now() - t0);
          answered();
        }),
      ),
    );
    assert.ok(at.slice(0, 5).every((t) => t < 100));
    assert.ok(at.slice(5).every((t) => t >= 200));
  });

  test("a request still in flight holds its slot, and the window counts from its answer", async () => {
    const pacer = new SlidingWindowPacer(1, 200, 0);
    const t0 = Date.now();
    const first = await pacer.acquire();
    let secondAt = 0;
    const second = pacer.acquire().then((answered) => {
      secondAt = Date.now() - t0;
      answered();
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(secondAt, 0, "not while the first is unanswered, however long ago it was sent");
    const answeredAt = Date.now() - t0;
    first();
    await second;
    assert.ok(secondAt >= answeredAt + 200, `a window after the answer (${answeredAt} → ${secondAt})`);
  });
});
