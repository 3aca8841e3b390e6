import express, { type Express, type ErrorRequestHandler } from "express";
import mongoose from "mongoose";
import type { AppDeps } from "./app-deps";
import type { IngestLoad } from "./webhook/ingest-load";
import type { InboxWorker } from "./webhook/inbox-worker";
import { countWebhookRequests, createMetricsRouter } from "./observability/metrics.router";
import { clientErrorStatus } from "./dashboard/http/errors";
import { createWebhookRouter, type WebhookState } from "./webhook/webhook.route";

// The express app, separate from listen() so tests need no port. Only the
// webhook route sees the raw body; other routers bring their own parsers.
export interface AppParts {
  deps: AppDeps;
  worker: InboxWorker;
  webhookState: WebhookState;
  extraRouters?: express.Router[];
  ingestLoad?: IngestLoad;
}

export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable("x-powered-by");
  app.locals.now = parts.deps.now;
  app.set("trust proxy", parts.deps.config.trustProxy);
  app.get("/healthz", (_req, res) => void res.json({ ok: true }));
  app.get("/readyz", async (_req, res) => {
    const ok = await dbAnswers();
    res.status(ok && parts.webhookState.accepting ? 200 : 503).json({ ok, accepting: parts.webhookState.accepting });
  });
  app.use(createMetricsRouter(parts.deps.now, parts.deps.config.metricsToken));
  app.use("/webhook", countWebhookRequests);
  app.use(createWebhookRouter(parts.deps, parts.worker, parts.webhookState, parts.ingestLoad));
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
