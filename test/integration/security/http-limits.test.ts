import assert from "node:assert/strict";
import net from "node:net";
import { after, before, test } from "node:test";
import { HTTP_LIMITS } from "../../../src/http-server";
import { startHarness, type Harness } from "../../helpers/harness";

// Issue 18 item 16: explicit server timeouts and a connection cap. The bot here
// runs with short limits so the test is quick; production uses HTTP_LIMITS.
let h: Harness;
let port = 0;
before(async () => {
  h = await startHarness("sec-http", { background: false, httpLimits: { headersTimeoutMs: 400, requestTimeoutMs: 800, checkEveryMs: 100, maxConnections: 4 } });
  port = Number(new URL(h.webhookUrl).port);
});
after(async () => h.close());

/** Resolves with how long the server kept the socket open, or -1 if still open after `waitMs`. */
function openFor(write: string, waitMs: number): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const s = net.connect(port, "127.0.0.1", () => s.write(write));
    const timer = setTimeout(() => (s.destroy(), resolve(-1)), waitMs);
    s.on("close", () => (clearTimeout(timer), resolve(Date.now() - started)));
    s.on("error", () => undefined);
    s.resume();
  });
}

test("production limits are set: headers 10 s, request 30 s, keep-alive 5 s, at most 2,000 connections", () => {
  assert.deepEqual(HTTP_LIMITS, { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 2_000, checkEveryMs: 1_000 });
});

test("a client that never finishes its headers is cut off (slowloris)", async () => {
  const ms = await openFor("POST /webhook HTTP/1.1\r\nHost: x\r\nX-Slow: ", 3000);
  assert.ok(ms >= 0 && ms < 2000, `the connection stayed open ${ms} ms`);
});

test("a body that never ends is cut off", async () => {
  const ms = await openFor("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", 3000);
  assert.ok(ms >= 0 && ms < 2500, `the connection stayed open ${ms} ms`);
});

test("connections beyond the cap are refused at once", async () => {
  const held: net.Socket[] = [];
  for (let i = 0; i < 4; i++) {
    held.push(await new Promise<net.Socket>((r) => { const s = net.connect(port, "127.0.0.1", () => r(s)); s.on("error", () => undefined); }));
  }
  await new Promise((r) => setTimeout(r, 50));
  const ms = await openFor("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 1000);
  held.forEach((s) => s.destroy());
  assert.ok(ms >= 0 && ms < 500, `the fifth connection stayed open ${ms} ms`);
});
