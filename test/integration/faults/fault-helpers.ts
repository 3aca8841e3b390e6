import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import type { LineEmulator } from "../../../src/dev/line-emulator";

// Small tools shared by the fault tests: polling with a deadline, counting what
// each user received at the emulator, and a round-robin proxy for replicas.

export async function waitUntil<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(50);
  }
}

/** Deliveries (reply, push or multicast) per recipient. */
export function deliveriesPerUser(line: LineEmulator): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of line.deliveries) m.set(d.to, (m.get(d.to) ?? 0) + 1);
  return m;
}

/** Users whose delivery count differs from what was expected, as "user: got/expected". */
export function deliveryMismatches(line: LineEmulator, expected: Map<string, number>): string[] {
  const got = deliveriesPerUser(line);
  const out: string[] = [];
  for (const [user, n] of expected) if ((got.get(user) ?? 0) !== n) out.push(`${user.slice(0, 8)}: ${got.get(user) ?? 0}/${n}`);
  for (const [user, n] of got) if (!expected.has(user)) out.push(`${user.slice(0, 8)}: ${n}/0 (unexpected)`);
  return out;
}

export interface RoundRobinProxy {
  url: string;
  /** requests forwarded to each target, by index */
  forwarded: number[];
  close(): Promise<void>;
}

/** A tiny HTTP load balancer: each request goes to the next target in turn; a dead target gives 502. */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const forwarded = targets.map(() => 0);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const i = next;
    next = (next + 1) % targets.length;
    forwarded[i]! += 1;
    const target = new URL(req.url ?? "/", targets[i]);
    const up = http.request(target, { method: req.method, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    async close() {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Sends webhooks at a steady rate without waiting for answers; resolves with every answer. */
export async function streamAtRate<T>(count: number, perSecond: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const started = Date.now();
  const pending: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 0) await delay(wait);
    pending.push(send(i));
  }
  return Promise.all(pending);
}
