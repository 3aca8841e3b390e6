import type { Request, Response } from "express";
import { makeMessageId, makeOpaqueToken } from "./ids";
import { findMessageLimitViolations } from "./message-limits";
import { findLineRequestViolations, type SchemaViolation } from "./openapi-validator";
import { findRequestRuleViolations } from "./request-rules";
import type { EmulatorState } from "./state";
import type { EndpointName, RecordedRequest } from "./types";

// Shared pieces of the emulator's HTTP layer: endpoint names, the recorded row, LINE's
// error body shape ({message, details[{message, property}]}).

/** Which rate-limit bucket / fault target a request belongs to. */
export function classifyEndpoint(method: string, path: string): EndpointName {
  if (method === "POST") {
    const send = /^\/v2\/bot\/message\/(reply|push|multicast|broadcast)$/.exec(path);
    if (send) return send[1] as EndpointName;
    if (path === "/v2/bot/chat/loading/start") return "loading";
  }
  if (method === "GET" && /^\/v2\/bot\/profile\/[^/]+$/.test(path)) return "profile";
  if (method === "GET" && /^\/v2\/bot\/message\/[^/]+\/content(\/.*)?$/.test(path)) return "content";
  if (/^\/v2\/bot\/(richmenu|user\/[^/]+\/richmenu)/.test(path)) return "richmenu";
  return "other";
}

export function recordOf(res: Response): RecordedRequest {
  return res.locals.lineRecord as RecordedRequest;
}

export function sendError(res: Response, status: number, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ message, ...extra });
}

export function sendViolations(res: Response, violations: SchemaViolation[]): void {
  const details = violations.map((v) => ({ message: v.message, property: v.property }));
  sendError(res, 400, `The request body has ${details.length} error(s)`, { details });
}

/**
 * The emulator's own table of LINE's rules (request-rules.ts, message-limits.ts), always;
 * LINE's OpenAPI spec too when it is present. Spec errors come first; a rule of the table
 * that names a property the spec already reported is not repeated.
 */
export function findBodyViolations(state: EmulatorState, schemaName: string, body: Record<string, unknown>): SchemaViolation[] {
  const spec = state.schemas ? findLineRequestViolations(state.schemas, schemaName, body) : [];
  const reported = new Set(spec.map((v) => v.property));
  const own = findRequestRuleViolations(schemaName, body).filter((v) => !reported.has(v.property));
  const out = [...spec, ...own];
  if (Array.isArray(body.messages)) out.push(...findMessageLimitViolations(body.messages));
  return out;
}

export function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** LINE returns `sentMessages: [{id, quoteToken}]` for reply and push. */
export function sentMessagesFor(messages: unknown[]): unknown[] {
  return messages.map(() => ({ id: makeMessageId(), quoteToken: makeOpaqueToken() }));
}
