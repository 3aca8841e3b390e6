import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";
import { createApiRouter } from "./api.router";
import { createSessionStore } from "./auth/session-store";
import { createOfficerRouter } from "./officer.router";
import { createPublicRouter } from "./public.router";
import { createTransparencySource } from "../services/transparency/transparency.service";
import { responseTimeStats } from "../services/case-clock/response-stats";
import { announcementMedia } from "./http/announcement-static";

// The officer dashboard (/officer/*, HTML), the officer JSON API (/api/*) with its
// public open data (/api/public/*), and the public transparency page (/transparency),
// mounted by runtime.ts through createApp({ extraRouters }).
export function createDashboardRouter(deps: AppDeps): Router {
  const router = express.Router();
  const store = createSessionStore(deps.config.sessionSecret, deps.now);
  router.use("/officer", createOfficerRouter(deps, store));
  const transparency = createTransparencySource({
    now: deps.now,
    startMonth: deps.config.campaignYearStartMonth,
    timeZone: deps.config.timezone,
    responseTimes: (range, now) => responseTimeStats(deps, range, now),
  });
  router.use("/api", createApiRouter(deps, transparency));
  router.use(createPublicRouter(deps, transparency));
  router.get("/media/announcements/:id", announcementMedia);
  return router;
}
