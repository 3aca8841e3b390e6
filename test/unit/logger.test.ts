import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createLogger, hashUserId, type LoggerOptions, type LogLevel } from "../../src/logger";

// The logger's contract: one JSON line per record with t, level and msg that no
// caller field can replace (#18 item 18), ids hashed and secrets censored (#21),
// and the dev terminal's one short line per event (#17 item 5).
function capture(level: LogLevel = "debug", base: Record<string, unknown> = {}, opts?: LoggerOptions) {
  const lines: string[] = [];
  const logger = createLogger(level, base, (l) => lines.push(l), opts);
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger", () => {
  test("caller fields cannot overwrite level, msg or t", () => {
    const { logger, lines, records } = capture();
    logger.warn("real message", { level: "debug", msg: "forged", t: "1970-01-01T00:00:00.000Z", other: 1 });
    logger.child({ level: "error", msg: "forged child" }).info("child message");
    const [a, b] = records();
    assert.equal(a!.level, "warn");
    assert.equal(a!.msg, "real message");
    assert.notEqual(a!.t, "1970-01-01T00:00:00.000Z");
    assert.equal(a!._level, "debug", "the caller's value is kept under another name");
    assert.equal(a!._msg, "forged");
    assert.equal(b!.level, "info");
    assert.equal(b!.msg, "child message");
    for (const line of lines) assert.equal(line.match(/"(level|msg|t)":/g)!.length, 3, `one of each in ${line}`);
  });

  test("keeps t, level and msg, merges base and child fields, honours the level", () => {
    const { logger, records } = capture("info", { instance: "i-1" });
    logger.debug("hidden");
    logger.child({ webhookEventId: "e1" }).info("shown", { n: 2 });
    const recs = records();
    assert.equal(recs.length, 1);
    assert.match(String(recs[0]!.t), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual({ ...recs[0], t: undefined }, { t: undefined, level: "info", instance: "i-1", webhookEventId: "e1", n: 2, msg: "shown" });
    const silent = capture("silent");
    silent.logger.error("nothing");
    assert.equal(silent.lines.length, 0);
  });

  test("LINE user ids are hashed and secrets censored, also in a webhook source and request headers", () => {
    const uid = "U" + "a".repeat(32);
    const { logger, lines, records } = capture();
    logger.info("x", { userId: uid, password: "hunter2hunter2", token: "tok-123", source: { userId: uid }, headers: { authorization: "Bearer abc" } });
    const [r] = records();
    assert.equal(r!.userId, hashUserId(uid));
    assert.deepEqual(r!.source, { userId: hashUserId(uid) });
    assert.equal(r!.password, "[redacted]");
    assert.equal(r!.token, "[redacted]");
    assert.deepEqual(r!.headers, { authorization: "[redacted]" });
    assert.ok(!lines[0]!.includes(uid) && !lines[0]!.includes("hunter2") && !lines[0]!.includes("Bearer"));
  });

  test("an error keeps its name, message and the first stack lines on one line", () => {
    const { logger, records } = capture();
    logger.error("failed", { err: new TypeError("boom") });
    const err = records()[0]!.err as { name: string; message: string; stack: string };
    assert.equal(err.name, "TypeError");
    assert.equal(err.message, "boom");
    assert.equal(err.stack.split(" | ").length, 4);
  });

  test("JSON lines never carry the dev preview", () => {
    const { logger, lines } = capture();
    logger.info("event handled", { route: "pledge", dev: { user: "U1", said: "ไม่รับ ไม่ให้" } });
    assert.ok(!lines[0]!.includes("ไม่รับ") && !lines[0]!.includes('"dev"'), lines[0]);
  });

  test("pretty: one short human line per event, with the person's name and what they said", () => {
    const uid = "U" + "b".repeat(32);
    const { logger, lines } = capture("info", { instance: "i-1" }, { format: "pretty", color: false, nameOf: (id) => (id === uid ? "ต้อย" : undefined) });
    logger.child({ webhookEventId: "e1", chat: "abc" }).info("event handled", { type: "message", route: "intent", action: "pledge.start", replies: 1, ms: 12, dev: { user: uid, said: "ไม่รับ   ไม่ให้" } });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d ต้อย ▸ "ไม่รับ ไม่ให้" → pledge\.start \(12 ms\)$/);
  });

  test("pretty: other records are one line with their fields; warnings and errors in colour", () => {
    const { logger, lines } = capture("info", {}, { format: "pretty", color: true });
    logger.info("sujarit listening", { port: 3000 });
    logger.warn("outbox send failed", { status: 500, kind: "server" });
    logger.error("handler failed; will retry", { err: new Error("boom"), attempts: 1 });
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d sujarit listening port=3000$/);
    assert.match(lines[1]!, /^\x1b\[33m\d\d:\d\d:\d\d WARN outbox send failed status=500 kind=server\x1b\[0m$/);
    assert.match(lines[2]!, /^\x1b\[31m\d\d:\d\d:\d\d ERROR handler failed; will retry attempts=1 err=boom\n {4}at /);
  });
});
