import { Router } from "express";
import { bodyObject, findBodyViolations, sendError, sendViolations } from "./http-helpers";
import { USER_ID_PATTERN } from "./ids";
import type { EmulatorState } from "./state";

// Profile, message content (the api-data host), loading animation and quota endpoints.

const CONTENT_STATUS_MESSAGES: Record<number, string> = {
  202: "The content is being prepared",
  404: "Not found",
  410: "The content is no longer available (the user unsent it)",
};

export function chatRoutes(state: EmulatorState): Router {
  const router = Router();

  // LINE: 404 when the profile is unavailable (not a friend, blocked, unknown).
  router.get("/bot/profile/:userId", (req, res) => {
    const user = state.users.get(req.params.userId);
    if (!user) return sendError(res, 404, "Not found");
    res.status(200).json(user);
  });

  // api-data.line.me: the bytes a user sent; 404 unknown or expired, 410 unsent.
  router.get("/bot/message/:messageId/content", (req, res) => {
    const content = state.contents.get(req.params.messageId);
    if (!content) return sendError(res, 404, "Not found");
    if ("status" in content) return sendError(res, content.status, CONTENT_STATUS_MESSAGES[content.status] ?? "Error");
    res.status(200).type(content.contentType).send(content.body);
  });

  router.get("/bot/message/:messageId/content/transcoding", (req, res) => {
    const content = state.contents.get(req.params.messageId);
    if (!content) return sendError(res, 404, "Not found");
    const status = "status" in content ? (content.status === 202 ? "processing" : "failed") : "succeeded";
    res.status(200).json({ status });
  });

  // LINE: 1:1 chats only, loadingSeconds 5..60 in steps of 5 (default 20) -> 202 {}.
  router.post("/bot/chat/loading/start", (req, res) => {
    const body = bodyObject(req);
    const violations = findBodyViolations(state, "ShowLoadingAnimationRequest", body);
    const seconds = body.loadingSeconds ?? 20;
    const reported = new Set(violations.map((v) => v.property));
    if (!reported.has("loadingSeconds") && (typeof seconds !== "number" || seconds < 5 || seconds > 60 || seconds % 5 !== 0)) {
      violations.push({ property: "loadingSeconds", message: "must be 5 to 60, a multiple of 5" });
    }
    if (!reported.has("chatId") && (typeof body.chatId !== "string" || !USER_ID_PATTERN.test(body.chatId))) {
      violations.push({ property: "chatId", message: "must be the user ID of a one-on-one chat" });
    }
    if (violations.length > 0) return sendViolations(res, violations);
    res.status(202).json({});
  });

  router.get("/bot/message/quota", (_req, res) => {
    const quota = state.options.monthlyQuota;
    res.status(200).json(quota === undefined ? { type: "none" } : { type: "limited", value: quota });
  });

  router.get("/bot/message/quota/consumption", (_req, res) => {
    res.status(200).json({ totalUsage: state.quotaConsumed });
  });

  return router;
}
