import { Router, type Response } from "express";
import { bodyObject, findBodyViolations, recordOf, sendError, sendViolations, sentMessagesFor } from "./http-helpers";
import { CHAT_ID_PATTERN, USER_ID_PATTERN } from "./ids";
import type { EmulatorState } from "./state";
import type { Delivery } from "./types";

// POST /v2/bot/message/{reply,push,multicast,broadcast}, with LINE's rules:
// reply tokens single use within the TTL, 1..5 messages, 1..500 multicast recipients,
// quota counted per recipient for push/multicast/broadcast (reply is free);
// GET /v2/bot/message/quota and /quota/consumption answer as LINE documents them.
export const MULTICAST_MAX_RECIPIENTS = 500;

function deliver(state: EmulatorState, res: Response, via: Delivery["via"], to: string[], messages: unknown[]): void {
  const rec = recordOf(res);
  const at = Date.now();
  for (const userId of to) {
    state.deliveries.push({ requestId: rec.id, via, to: userId, messages, at, ...(rec.retryKey ? { retryKey: rec.retryKey } : {}) });
  }
}

function quotaExceeded(res: Response): void {
  // LINE uses 429 for both the rate limit and the monthly quota; only the message tells them apart.
  sendError(res, 429, "You have reached your monthly limit.");
}

/** Accepts a send: remembers the retry key (only now, on success) and answers 200. */
function accept(state: EmulatorState, res: Response, body: Record<string, unknown>, sentMessages?: unknown[]): void {
  const rec = recordOf(res);
  if (rec.retryKey) state.acceptRetryKey(rec.retryKey, rec.id, sentMessages);
  res.status(200).json(body);
}

export function messageRoutes(state: EmulatorState): Router {
  const router = Router();

  router.post("/bot/message/reply", (req, res) => {
    const body = bodyObject(req);
    const violations = findBodyViolations(state, "ReplyMessageRequest", body);
    if (violations.length > 0) return sendViolations(res, violations);
    const userId = state.takeReplyToken(body.replyToken);
    if (!userId) return sendError(res, 400, "Invalid reply token");
    const messages = body.messages as unknown[];
    deliver(state, res, "reply", [userId], messages);
    res.status(200).json({ sentMessages: sentMessagesFor(messages) });
  });

  router.post("/bot/message/push", (req, res) => {
    const body = bodyObject(req);
    const violations = findBodyViolations(state, "PushMessageRequest", body);
    if (typeof body.to !== "string" || !CHAT_ID_PATTERN.test(body.to)) {
      violations.push({ property: "to", message: "must be a valid user, group or room ID" });
    }
    if (violations.length > 0) return sendViolations(res, violations);
    if (!state.reserveQuota(1)) return quotaExceeded(res);
    const messages = body.messages as unknown[];
    deliver(state, res, "push", [body.to as string], messages);
    const sentMessages = sentMessagesFor(messages);
    accept(state, res, { sentMessages }, sentMessages);
  });

  router.post("/bot/message/multicast", (req, res) => {
    const body = bodyObject(req);
    const violations = findBodyViolations(state, "MulticastRequest", body);
    const to = Array.isArray(body.to) ? body.to : [];
    to.forEach((id, i) => {
      // LINE: multicast takes user IDs only, not group or room IDs.
      if (typeof id !== "string" || !USER_ID_PATTERN.test(id)) violations.push({ property: `to[${i}]`, message: "must be a valid user ID" });
    });
    if (violations.length > 0) return sendViolations(res, violations);
    const recipients = [...new Set(to as string[])];
    if (!state.reserveQuota(recipients.length)) return quotaExceeded(res);
    deliver(state, res, "multicast", recipients, body.messages as unknown[]);
    accept(state, res, {});
  });

  router.post("/bot/message/broadcast", (req, res) => {
    const body = bodyObject(req);
    const violations = findBodyViolations(state, "BroadcastRequest", body);
    if (violations.length > 0) return sendViolations(res, violations);
    // Broadcast reaches every friend: here, every user added with addUser().
    const recipients = [...state.users.keys()];
    if (!state.reserveQuota(recipients.length)) return quotaExceeded(res);
    deliver(state, res, "broadcast", recipients, body.messages as unknown[]);
    accept(state, res, {});
  });

  // LINE: {type: "none"} without a monthly limit, else {type: "limited", value}.
  router.get("/bot/message/quota", (_req, res) => {
    const limit = state.quotaLimit;
    res.status(200).json(limit === undefined ? { type: "none" } : { type: "limited", value: limit });
  });
  router.get("/bot/message/quota/consumption", (_req, res) => void res.status(200).json({ totalUsage: state.quotaConsumed }));

  return router;
}
