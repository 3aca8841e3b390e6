import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";
import { mountAnnouncementApi } from "./api/announcements.api";
import { mountComplaintApi } from "./api/complaints.api";
import { mountMeetingApi } from "./api/meetings.api";
import { mountPublicApi } from "./api/public.api";
import { mountStatsApi } from "./api/stats.api";
import { requireApi } from "./auth/auth.middleware";
import { principalOf } from "./auth/principal";
import { apiErrorHandler } from "./http/errors";
import { openApiGuard } from "./http/openapi-guard";
import { securityHeaders } from "./http/security-headers";
import { buildOpenApiDocument } from "./openapi";
import type { TransparencySource } from "../services/transparency/transparency.service";

// /api/*: the officer JSON API for integrations. Bearer API tokens only (no
// cookies, so no CSRF); /api/public/* needs none (open data). Answers follow /api/openapi.json exactly.
export function createApiRouter(deps: AppDeps, transparency: TransparencySource): Router {
  const r = express.Router();
  r.use(securityHeaders);
  r.use(express.json({ limit: "200kb" }));
  const doc = buildOpenApiDocument();
  r.use(openApiGuard(doc));
  r.get("/openapi.json", (_req, res) => void res.json(doc));
  r.get("/me", requireApi("admin", "officer", "viewer"), (_req, res) => {
    const p = principalOf(res);
    res.json({ id: p.id, username: p.username, role: p.role, districts: p.districts });
  });
  mountComplaintApi(r, deps);
  mountMeetingApi(r, deps);
  mountStatsApi(r, deps);
  mountPublicApi(r, transparency);
  mountAnnouncementApi(r, deps);
  r.use((_req, res) => void res.status(404).json({ error: "not_found", message: "no such operation" }));
  r.use(apiErrorHandler(deps.logger));
  return r;
}
