import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";

// The dashboard (officer pages, JSON API, transparency page) is loaded on its first
// request, not at boot: its views, OpenAPI documents, password-strength lists
// (zxcvbn) and QR code writer are about 7 MB of heap and 15 MB of resident code
// that the webhook path never uses. Under ingest load V8 lets the old generation
// grow to about four times what is live, so every megabyte kept out of the heap at
// boot is several megabytes off the bot's peak RSS (BENCHMARKS.md, peak RSS).
// The models it uses are registered at boot all the same (models/all-models.ts),
// so their indexes are built before the first webhook.
export function createLazyDashboardRouter(deps: AppDeps): Router {
  let inner: Router | undefined;
  const router = express.Router();
  router.use((req, res, next) => {
    if (!inner) {
      const { createDashboardRouter } = require("./dashboard.router") as typeof import("./dashboard.router");
      inner = createDashboardRouter(deps);
    }
    inner(req, res, next);
  });
  return router;
}
