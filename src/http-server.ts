import http from "node:http";
import type { Express } from "express";
import type { WebhookHandler } from "./webhook/webhook.handler";

// The HTTP server's own limits, so a slow or idle client cannot hold connections
// open (slowloris) and too many cannot exhaust the process. Node's defaults are
// 60 s for headers, 300 s for a request and no connection cap.
export interface HttpLimits {
  /** Whole request headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (load balancers: keep it above theirs, or below and let them reconnect). */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are refused at once. */
  maxConnections: number;
  /** How often the server checks the two timeouts above. */
  checkEveryMs: number;
}

export const HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 2_000,
  checkEveryMs: 1_000,
};

/** POST /webhook exactly (a query string aside): LINE's requests, handled ahead of express. */
const isWebhookPost = (req: http.IncomingMessage) => req.method === "POST" && (req.url === "/webhook" || req.url?.startsWith("/webhook?") === true);

export function createHttpServer(app: Express, limits: HttpLimits, webhook?: WebhookHandler): http.Server {
  const server = http.createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, keepAliveTimeout: limits.keepAliveTimeoutMs, connectionsCheckingInterval: limits.checkEveryMs },
    webhook ? (req, res) => (isWebhookPost(req) ? webhook(req, res) : app(req, res)) : app,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
