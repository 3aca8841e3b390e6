import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";
import type { TransparencySource } from "../services/transparency/transparency.service";
import { securityHeaders } from "./http/security-headers";
import { transparencyView } from "./views/transparency.view";

// Public pages: no login, no cookies, no personal data. /transparency (issue 23)
// is built at most once a minute, and rendered once per build, so a request only
// sends bytes; anyone may cache it for that minute.
export function createPublicRouter(deps: AppDeps, source: TransparencySource): Router {
  const r = express.Router();
  let rendered = { generatedAt: "", page: "" };
  r.get("/transparency", securityHeaders, async (_req, res) => {
    const t = await source.current();
    if (t.generatedAt !== rendered.generatedAt) rendered = { generatedAt: t.generatedAt, page: transparencyView(t, deps.config.timezone).toString() };
    res.set("Cache-Control", "public, max-age=60").type("html").send(rendered.page);
  });
  return r;
}
