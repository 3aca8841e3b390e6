import express, { Router } from "express";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { EventFactory } from "./events";
import { makeUserId } from "./ids";
import { defaultLineOpenApiDir, loadLineSchemas } from "./openapi-validator";
import { errorHandler, notFound, requestPipeline } from "./pipeline";
import { chatRoutes } from "./routes-chat";
import { messageRoutes } from "./routes-messages";
import { richMenuRoutes } from "./routes-richmenu";
import { EmulatorState } from "./state";
import type { EmulatorOptions, LineEmulator } from "./types";
import { WebhookSender } from "./webhook-sender";

// A local stand-in for api.line.me and api-data.line.me (one server serves both), used by
// tests and `npm run dev`. The LINE API lives under /v2; the rest of `app` is free for
// the chat simulator to mount its own routes.

function lineApiRouter(state: EmulatorState): Router {
  const router = Router();
  router.use(requestPipeline(state));
  router.use(messageRoutes(state), chatRoutes(state), richMenuRoutes(state));
  router.use(notFound);
  router.use(errorHandler);
  return router;
}

/** LINE's OpenAPI spec when it is present (an extra, stricter check); the own rules apply regardless. */
function schemasFor(opts: EmulatorOptions) {
  if (opts.validateSchema === false) return null;
  const dir = opts.specDir ?? defaultLineOpenApiDir();
  const schemas = loadLineSchemas(dir);
  if (!schemas && opts.validateSchema === true) throw new Error(`LINE emulator: validateSchema is on but no line-openapi spec at ${dir ?? "(LINE_OPENAPI_DIR is not set)"}`);
  return schemas;
}

export async function startLineEmulator(opts: EmulatorOptions): Promise<LineEmulator> {
  const state = new EmulatorState(opts, schemasFor(opts));
  const app = express();
  app.disable("x-powered-by");
  app.use("/v2", lineApiRouter(state));
  const events = new EventFactory((token, userId) => state.registerReplyToken(token, userId));
  // The bot's own user id, sent as `destination`; stable per channel.
  const webhooks = new WebhookSender(state, makeUserId(`bot:${opts.channelSecret}`));

  const server = app.listen(opts.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    app,
    requests: state.requests,
    deliveries: state.deliveries,
    webhookDeliveries: state.webhookDeliveries,
    events,
    messagesTo: (userId) => state.deliveries.filter((d) => d.to === userId).flatMap((d) => d.messages),
    async waitFor<T>(fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = fn();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > deadline) {
          throw new Error(`LINE emulator waitFor timed out after ${timeoutMs} ms (${state.requests.length} API requests, ${state.deliveries.length} deliveries so far)`);
        }
        await delay(10);
      }
    },
    addUser: (u) => void state.users.set(u.userId, { ...u }),
    putContent: (messageId, content) => void state.contents.set(messageId, content),
    setFaults: (f) => state.faults.set(f),
    failNext: (endpoint, status, count, body, after) => state.faults.failNext(endpoint, status, count, body, after),
    setWebhookUrl: (url) => webhooks.setUrl(url),
    sendWebhook: (evts, sendOpts) => webhooks.send(evts, sendOpts),
    defaultRichMenuId: () => state.defaultRichMenuId,
    setMonthlyQuota: (quota, used) => state.setMonthlyQuota(quota, used),
    reset: () => state.reset(),
    async close() {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
