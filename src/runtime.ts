import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { Express } from "express";
import type { AppDeps } from "./app-deps";
import { createAnnouncementSender } from "./services/announcement-dispatch.service";
import { createApp } from "./app";
import { createLazyDashboardRouter } from "./dashboard/lazy-dashboard.router";
import type { Config } from "./config";
import { connectDb, reconnectDb } from "./db";
import { FlowRegistry } from "./flows/flow-engine";
import { createMongoFlowStore } from "./flows/flow-store";
import { BOT_MODULES, allFlows } from "./handlers";
import { createLineClient } from "./line/line-client";
import { createOutbox } from "./line/outbox";
import { sweepClaims } from "./locks/claim";
import { runHousekeeping } from "./services/housekeeping.service";
import { createLogger, type Logger } from "./logger";
import { startDbWatchdog } from "./observability/db-watchdog";
import { startScheduler, type Scheduler } from "./scheduler/scheduler";
import { createSealer } from "./security/sealer";
import { IngestLoad } from "./webhook/ingest-load";
import { createInboxWorker, type InboxWorker } from "./webhook/inbox-worker";
import { createJournalExpander, type JournalExpander } from "./webhook/inbox-journal";
import { ActionRegistry } from "./webhook/router";
import { buildRoutes } from "./webhook/routes";
import { createWebhookHandler, type WebhookState } from "./webhook/webhook.handler";
import { createHttpServer, HTTP_LIMITS, type HttpLimits } from "./http-server";

// Wires the process: database, LINE client, outbox, inbox worker, background
// jobs and the express app. index.ts, dev mode and tests all start it this way.
const HOUSEKEEPING_EVERY_MS = 3600_000;
/** The in-memory complaint list is read whole again this often (complaint-list-index.ts). */

export interface RuntimeOptions {
  now?: () => Date;
  logger?: Logger;
  pollMs?: number;
  outboxBaseDelayMs?: number;
  /** Background jobs (inbox and outbox pollers, scheduler); tests can turn them off. */
  background?: boolean;
  /** false: store webhooks but never process them (simulates a crash right after the 200). */
  processing?: boolean;
  /** Tests: shorter HTTP timeouts than HTTP_LIMITS. */
  httpLimits?: Partial<HttpLimits>;
  /** Tests: announcement requests in flight at once (default SEND_CONCURRENCY), to stop a send part-way. */
  announcementConcurrency?: number;
  /** Tests: the webhook load meter, to hold the process in a surge (ingest-load.ts). */
  ingestLoad?: IngestLoad;
}

export interface Runtime {
  app: Express;
  deps: AppDeps;
  worker: InboxWorker;
  journal: JournalExpander;
  webhookState: WebhookState;
  listen(port: number, host?: string): Promise<Server>;
  /** Stops taking webhooks, finishes in-flight events, stops jobs. */
  stop(): Promise<void>;
}

export async function startRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(config.logLevel, { instance: config.instanceId }, undefined, { format: config.logFormat });
  await connectDb(config.mongodb.uri, config.mongodb.dbName);
  const owner = `${config.instanceId}-${randomBytes(4).toString("hex")}`;
  const line = createLineClient({ ...config.line, logger });
  const sealer = createSealer(config.crypto);
  const now = opts.now ?? (() => new Date());
  const outbox = createOutbox({ line, logger, owner, sealer, now, baseDelayMs: opts.outboxBaseDelayMs });
  const flows = new FlowRegistry();
  for (const f of allFlows()) flows.register(f);
  const announcements = createAnnouncementSender({ outbox, logger, owner, now, quota: line, baseUrl: config.publicBaseUrl, concurrency: opts.announcementConcurrency });
  const deps: AppDeps = { config, logger, line, outbox, sealer, flowStore: createMongoFlowStore(), flows, now, announcements };
  const routes = buildRoutes(new ActionRegistry(BOT_MODULES));
  const ingestLoad = opts.ingestLoad ?? new IngestLoad();
  const realWorker = createInboxWorker(deps, routes, { owner, concurrency: config.workerConcurrency, pollMs: opts.pollMs, ingestLoad });
  const worker: InboxWorker = opts.processing === false ? { ...realWorker, kick: () => undefined, start: () => undefined } : realWorker;
  const webhookState: WebhookState = { accepting: true };
  const journal = createJournalExpander({ logger, load: ingestLoad, kick: (keys) => worker.kick(keys), pollMs: opts.pollMs });
  const webhook = createWebhookHandler(deps, worker, webhookState, ingestLoad, journal);
  const app = createApp({ deps, webhookState, webhook, extraRouters: [createLazyDashboardRouter(deps)] });

  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  if (opts.background !== false) {
    worker.start();
    if (opts.processing !== false) journal.start();
    let sweptAt = 0;
    let housekeptAt = Date.now() - HOUSEKEEPING_EVERY_MS + 60_000; // first a minute after start
    const outboxLoop = () => {
      if (Date.now() - sweptAt > 60_000) {
        sweptAt = Date.now();
        void sweepClaims(now()).catch(() => undefined);
      }
      if (Date.now() - housekeptAt > HOUSEKEEPING_EVERY_MS) {
        housekeptAt = Date.now();
        void runHousekeeping(now(), config.inboxRetentionDays)
          .then((r) => logger.info("housekeeping", { ...r }))
          .catch((err: Error) => logger.warn("housekeeping failed", { err: err.message }));
      }
      outbox
        .drainDue()
        .catch((err: Error) => logger.warn("outbox poll failed", { err: err.message }))
        .finally(() => {
          if (!stopped) timers.push(setTimeout(outboxLoop, opts.pollMs ?? 1000));
        });
    };
    outboxLoop();
  }
  const reconnect = () => reconnectDb(config.mongodb.uri, config.mongodb.dbName);
  const watchdog = opts.background !== false ? startDbWatchdog({ uri: config.mongodb.uri, logger, reconnect }) : undefined;
  // Meeting reminders: node-cron in APP_TIMEZONE (src/scheduler/scheduler.ts).
  const scheduler: Scheduler | undefined = opts.background !== false && config.scheduler.enabled ? startScheduler(deps, owner) : undefined;
  let server: Server | undefined;
  return {
    app,
    deps,
    worker,
    journal,
    webhookState,
    listen: (port, host = "0.0.0.0") =>
      new Promise((resolve) => {
        server = createHttpServer(app, { ...HTTP_LIMITS, ...opts.httpLimits }, webhook);
        server.listen(port, host, () => resolve(server!));
      }),
    async stop() {
      webhookState.accepting = false;
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      await journal.stop();
      await worker.stop();
      await scheduler?.stop();
      await announcements.stop();
      await watchdog?.stop();
      stopped = true;
      timers.forEach(clearTimeout);
    },
  };
}
