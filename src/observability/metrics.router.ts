import { timingSafeEqual } from "node:crypto";
import express, { type Request, type Router } from "express";
import { Registry } from "prom-client";
import { registry } from "./metrics";
import { collectDbGauges } from "./metrics-gauges";

// GET /metrics in the Prometheus text format. It shows counts only (no user data),
// yet it is not for the public (#18 item 15): with METRICS_TOKEN set, a scrape must
// send `Authorization: Bearer <token>`; without it, only a client on this machine
// (loopback, not relayed by a proxy) is answered. docs/scale-out.md has the setup.
export const PROMETHEUS_CONTENT_TYPE = registry.contentType;

function sameSecret(given: string, want: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** 200, or the status that refuses this scrape. */
export function metricsAccess(req: Request, token: string | undefined): 200 | 401 | 403 {
  if (token) {
    const m = /^Bearer (.+)$/.exec(req.get("authorization") ?? "");
    return m && sameSecret(m[1]!, token) ? 200 : 401;
  }
  // The socket's own address, never X-Forwarded-For; a proxy on this machine relays the public.
  const local = LOOPBACK.has(req.socket.remoteAddress ?? "") && !req.get("x-forwarded-for") && !req.get("forwarded");
  return local ? 200 : 403;
}

export function createMetricsRouter(now: () => Date, token?: string): Router {
  const router = express.Router();
  router.get("/metrics", async (req, res) => {
    const status = metricsAccess(req, token);
    if (status !== 200) {
      if (status === 401) res.set("www-authenticate", 'Bearer realm="metrics"');
      res.status(status).type("text/plain").send(status === 401 ? "metrics need METRICS_TOKEN as a bearer token\n" : "metrics are answered on loopback only; set METRICS_TOKEN\n");
      return;
    }
    const merged = Registry.merge([registry, await collectDbGauges(now())]);
    res.set("content-type", PROMETHEUS_CONTENT_TYPE).send(await merged.metrics());
  });
  return router;
}
