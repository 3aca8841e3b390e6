import { JSONParseError, SignatureValidationFailed, middleware } from "@line/bot-sdk";
import express, { type ErrorRequestHandler, type Router } from "express";
import type { AppDeps } from "../app-deps";
import type { IngestLoad } from "./ingest-load";
import { createInboxWriter } from "./inbox-writer";
import type { InboxWorker } from "./inbox-worker";

// POST /webhook. The raw body (≤ 1 MB) goes to the SDK middleware, which checks
// the signature on the exact bytes LINE signed; no JSON parser runs before it
// (shared/reference/line.md §1.4). Events are stored, then 200, then processed.
export const WEBHOOK_BODY_LIMIT = "1mb";
// LINE counts an answer slower than 2 s as a timeout (line.md, webhook response
// deadline). If MongoDB cannot take the events by then, answer 503 so that LINE
// redelivers. A late insert is harmless: the redelivery hits the unique
// webhookEventId and is skipped, and the poller processes the stored row.
export const INBOX_DEADLINE_MS = 1000;

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`inbox insert took over ${ms} ms`)), ms);
  });
  p.catch(() => undefined); // a late failure after the deadline is already answered
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface WebhookState {
  accepting: boolean;
}

export function createWebhookRouter(deps: AppDeps, worker: InboxWorker, state: WebhookState, load?: IngestLoad): Router {
  const router = express.Router();
  const inbox = createInboxWriter(deps.sealer, load);
  router.post(
    "/webhook",
    (_req, res, next) => (state.accepting ? next() : void res.status(503).json({ message: "shutting down" })),
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    middleware({ channelSecret: deps.config.line.channelSecret }),
    async (req, res) => {
      const body = req.body as { events?: unknown } | null;
      if (typeof body !== "object" || body === null || !Array.isArray(body.events)) {
        res.status(400).json({ message: "events must be an array" });
        return;
      }
      let batch;
      try {
        batch = await withDeadline(inbox.store(body.events, deps.now()), INBOX_DEADLINE_MS);
      } catch (err) {
        // Not stored, so not acknowledged: LINE redelivers a non-2xx answer.
        deps.logger.error("inbox insert failed", { err: err as Error });
        res.status(503).json({ message: "temporarily unavailable" });
        return;
      }
      res.status(200).json({});
      deps.logger.debug("webhook stored", { ...batch, chatKeys: batch.chatKeys.length });
      worker.kick(batch.chatKeys);
    },
  );
  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    if (err instanceof SignatureValidationFailed) return void res.status(401).json({ message: "invalid signature" });
    if (err instanceof JSONParseError) return void res.status(400).json({ message: "malformed JSON" });
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") return void res.status(413).json({ message: "body too large" });
    if (type === "request.aborted" || type === "entity.verify.failed") return void res.status(400).json({ message: "bad request" });
    next(err);
  };
  router.use(onError);
  return router;
}
