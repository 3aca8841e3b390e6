import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import type { IncomingMessage } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { isUuid, newRequestId } from "./ids";
import { classifyEndpoint, recordOf, sendError } from "./http-helpers";
import type { EmulatorState } from "./state";
import type { RecordedRequest } from "./types";

// The steps every LINE API request passes before its route, in order:
// record (+ x-line-request-id) -> parse body -> auth -> faults -> rate limit -> retry key.

// LINE: X-Line-Retry-Key is accepted only on these endpoints; anywhere else it is a 400.
const RETRY_KEY_ENDPOINTS = new Set(["/v2/bot/message/push", "/v2/bot/message/multicast", "/v2/bot/message/narrowcast", "/v2/bot/message/broadcast"]);
// LINE: a request body over 2 MB gets 413.
const MAX_BODY = "2mb";

function trackStatus(res: Response, rec: RecordedRequest): void {
  const writeHead = res.writeHead;
  // Capture the status as the head is written, so it is set before the client sees the response.
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    rec.status = args[0];
    return writeHead.apply(this, args);
  } as Response["writeHead"];
}

function recordRequest(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const id = newRequestId();
    res.setHeader("x-line-request-id", id);
    const path = req.originalUrl.split("?")[0];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const rec: RecordedRequest = { id, endpoint: classifyEndpoint(req.method, path), method: req.method, path, headers, body: undefined, status: 0, at: Date.now() };
    // Recorded on every attempt (also those that fail), so tests can see a retry reuse its key.
    const retryKey = req.get("x-line-retry-key");
    if (retryKey) rec.retryKey = retryKey;
    state.requests.push(rec);
    res.locals.lineRecord = rec;
    trackStatus(res, rec);
    next();
  };
}

const rememberBody: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  recordOf(res).body = Buffer.isBuffer(body) ? { contentType: req.get("content-type"), bytes: body.length } : body;
  next();
};

function authenticate(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    if (req.get("authorization") === `Bearer ${state.options.channelAccessToken}`) return next();
    sendError(res, 401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
  };
}

function injectFaults(state: EmulatorState): RequestHandler {
  return async (_req, res, next) => {
    const endpoint = recordOf(res).endpoint;
    const latency = state.faults.latencyFor(endpoint);
    if (latency > 0) await delay(latency);
    const fault = state.faults.take(endpoint);
    if (!fault) return next();
    res.status(fault.status).json(fault.body);
  };
}

function limitRate(state: EmulatorState): RequestHandler {
  return (_req, res, next) => {
    if (state.rateLimiter.tryAcquire(recordOf(res).endpoint)) return next();
    sendError(res, 429, "Too many requests");
  };
}

function checkRetryKey(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const key = req.get("x-line-retry-key");
    if (key === undefined) return next();
    const rec = recordOf(res);
    if (req.method !== "POST" || !RETRY_KEY_ENDPOINTS.has(rec.path)) {
      return sendError(res, 400, "The X-Line-Retry-Key header cannot be used with this API");
    }
    if (!isUuid(key)) return sendError(res, 400, "The value of the X-Line-Retry-Key header is invalid (must be a UUID)");
    rec.retryKey = key;
    const accepted = state.acceptedRetryKey(key);
    if (!accepted) return next();
    // LINE: a duplicate of an accepted request -> 409, the first request's id, and (push) its sentMessages.
    res.setHeader("x-line-accepted-request-id", accepted.requestId);
    sendError(res, 409, "The retry key is already accepted", accepted.sentMessages ? { sentMessages: accepted.sentMessages } : {});
  };
}

export function requestPipeline(state: EmulatorState): RequestHandler[] {
  const isImage = (req: IncomingMessage) => /^image\//i.test(req.headers["content-type"] ?? "");
  return [
    recordRequest(state),
    express.json({ limit: MAX_BODY }),
    express.raw({ type: isImage, limit: MAX_BODY }),
    rememberBody,
    authenticate(state),
    injectFaults(state),
    limitRate(state),
    checkRetryKey(state),
  ];
}

export const notFound: RequestHandler = (_req, res) => sendError(res, 404, "Not found");

export const errorHandler: ErrorRequestHandler = (err: { type?: string; message?: string }, _req, res, _next) => {
  if (err.type === "entity.too.large") return sendError(res, 413, "Request Entity Too Large");
  if (err.type === "entity.parse.failed") return sendError(res, 400, "The request body could not be parsed as JSON");
  // Anything else is a bug in the emulator itself: say so loudly.
  console.error("LINE emulator internal error:", err);
  sendError(res, 500, `Emulator error: ${err.message ?? String(err)}`);
};
