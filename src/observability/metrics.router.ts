import express, { type RequestHandler, type Router } from "express";
import { countWebhookRequest, processFamilies, renderFamilies } from "./metrics";
import { collectDbGauges } from "./metrics-gauges";

// GET /metrics in the Prometheus text format. It shows counts only (no user
// data), but it is meant for the monitoring network: route only /webhook,
// /officer and /api through the public load balancer (docs/scale-out.md).
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export function createMetricsRouter(now: () => Date): Router {
  const router = express.Router();
  router.get("/metrics", async (_req, res) => {
    const families = [...processFamilies(), ...(await collectDbGauges(now()))];
    res.set("content-type", PROMETHEUS_CONTENT_TYPE).send(renderFamilies(families));
  });
  return router;
}

/** Counts POST /webhook answers by status once each response is sent. */
export const countWebhookRequests: RequestHandler = (req, res, next) => {
  if (req.method === "POST") res.on("finish", () => countWebhookRequest(res.statusCode));
  next();
};
