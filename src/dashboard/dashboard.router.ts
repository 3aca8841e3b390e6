import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";
import { createApiRouter } from "./api.router";
import { createSessionStore } from "./auth/session-store";
import { createOfficerRouter } from "./officer.router";
import { announcementMedia } from "./http/announcement-static";

// The officer dashboard (/officer/*, HTML) and the officer JSON API (/api/*),
// mounted by runtime.ts through createApp({ extraRouters }).
export function createDashboardRouter(deps: AppDeps): Router {
  const router = express.Router();
  const store = createSessionStore(deps.config.sessionSecret, deps.now);
  router.use("/officer", createOfficerRouter(deps, store));
  router.use("/api", createApiRouter(deps));
  router.get("/media/announcements/:id", announcementMedia);
  return router;
}
