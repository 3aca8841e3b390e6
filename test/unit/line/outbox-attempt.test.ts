import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LineApiError } from "../../../src/line/line-errors";
import { failedAttempt } from "../../../src/line/outbox-attempt";

// What a refused attempt leaves on its outbox row.
const policy = { maxAttempts: 3, baseDelayMs: 1000, now: new Date("2026-12-01T00:00:00Z") };

describe("a refused outbox attempt", () => {
  test("409: an earlier try with the same retry key was accepted, so the row is sent", () => {
    const e = new LineApiError("conflict", 409, "accepted already", "req-2", "req-1");
    const set = failedAttempt(e, 2, policy);
    assert.equal(set.state, "sent");
    assert.equal(set.acceptedRequestId, "req-1");
    assert.equal(set.lastStatus, 409);
  });

  test("retryable: pending again, backing off exponentially with jitter, until the attempts run out", () => {
    const e = new LineApiError("retryable", 500, "server error");
    const first = failedAttempt(e, 1, policy);
    assert.equal(first.state, "pending");
    const wait = (first.nextAttemptAt as Date).getTime() - policy.now.getTime();
    assert.ok(wait >= 500 && wait <= 1500, `first backoff ${wait} ms`);
    const second = failedAttempt(e, 2, policy);
    const wait2 = (second.nextAttemptAt as Date).getTime() - policy.now.getTime();
    assert.ok(wait2 >= 1000 && wait2 <= 3000, `second backoff ${wait2} ms`);
    assert.equal(failedAttempt(e, 3, policy).state, "failed");
  });

  test("rate limited waits the base delay; quota and client errors fail at once", () => {
    const limited = failedAttempt(new LineApiError("rate_limited", 429, "slow down"), 2, policy);
    assert.equal(limited.state, "pending");
    assert.ok((limited.nextAttemptAt as Date).getTime() - policy.now.getTime() <= 1500);
    assert.equal(failedAttempt(new LineApiError("quota", 429, "monthly limit"), 1, policy).state, "failed");
    const client = failedAttempt(new LineApiError("client", 400, "bad message"), 1, policy);
    assert.equal(client.state, "failed");
    assert.match(String(client.lastError), /^client: bad message/);
  });
});
