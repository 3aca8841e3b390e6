import express, { type Express, type ErrorRequestHandler } from "express";
import mongoose from "mongoose";
import type { AppDeps } from "./app-deps";
import { createMetricsRouter } from "./observability/metrics.router";
import { clientErrorStatus } from "./dashboard/http/errors";
import type { WebhookHandler, WebhookState } from "./webhook/webhook.handler";

// The express app, separate from listen() so tests need no port. Only the
// webhook handler reads the raw body itself; other routers bring their own parsers.
export interface AppParts {
  deps: AppDeps;
  webhookState: WebhookState;
  /** POST /webhook (webhook.handler.ts); the HTTP server also calls it directly, ahead of express. */
  webhook: WebhookHandler;
  extraRouters?: express.Router[];
}

export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable("x-powered-by");
  app.locals.now = parts.deps.now;
  app.set("trust proxy", parts.deps.config.trustProxy);
  // The webhook first: it is the busiest route, and every layer before it is walked per request.
  app.post("/webhook", (req, res) => parts.webhook(req, res));
  app.get("/healthz", (_req, res) => void res.json({ ok: true }));
  app.get("/readyz", async (_req, res) => {
    const ok = await dbAnswers();
    res.status(ok && parts.webhookState.accepting ? 200 : 503).json({ ok, accepting: parts.webhookState.accepting });
  });
  app.use(createMetricsRouter(parts.deps.now, parts.deps.config.metricsToken));
  for (const r of parts.extraRouters ?? []) app.use(r);
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    // A malformed body (bad encoding or charset, too large) is the client's error: its own 4xx.
    const status = clientErrorStatus(err);
    if (status) return void res.status(status).json({ message: "bad request body" });
    parts.deps.logger.error("unhandled http error", { err: err as Error });
    res.status(500).json({ message: "internal error" });
  };
  app.use(onError);
  return app;
}

async function dbAnswers(): Promise<boolean> {
  if (mongoose.connection.readyState !== 1 || !mongoose.connection.db) return false;
  try {
    await Promise.race([
      mongoose.connection.db.admin().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("ping timeout")), 1500)),
    ]);
    return true;
  } catch {
    return false;
  }
}
