import http from "node:http";

// A small loopback load generator: fixed concurrency for a fixed time, or a fixed
// arrival rate; latency per request. Bounded in count and time, loopback only.
export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<number, number>;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface LoadTarget {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
}

/** The value below which p % of the sorted values fall (NaN for none). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function once(agent: http.Agent, t: LoadTarget): Promise<{ status: number; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request(t.url, { method: "POST", agent, headers: { ...t.headers, "content-length": String(t.body.length) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on("error", () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(t.body);
  });
}

function summarize(lat: number[], statuses: Record<number, number>, seconds: number): LoadResult {
  lat.sort((a, b) => a - b);
  const errors = Object.entries(statuses).filter(([s]) => Number(s) < 200 || Number(s) >= 300).reduce((n, [, c]) => n + c, 0);
  return { requests: lat.length, errors, statuses, seconds, rps: lat.length / seconds, p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

/** As fast as `concurrency` connections allow, for `seconds`. */
export async function closedLoop(make: () => LoadTarget, concurrency: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const lat: number[] = [];
  const statuses: Record<number, number> = {};
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const r = await once(agent, make());
        lat.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  return summarize(lat, statuses, (Date.now() - started) / 1000);
}

/** A fixed arrival rate (requests per second) for `seconds`, whatever the answers take. */
export async function openLoop(make: () => LoadTarget, rate: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const lat: number[] = [];
  const statuses: Record<number, number> = {};
  const total = Math.round(rate * seconds);
  const started = Date.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      once(agent, make()).then((r) => {
        lat.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  return summarize(lat, statuses, (Date.now() - started) / 1000);
}
