import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";
import { loadSession, requirePage, verifyCsrf } from "./auth/auth.middleware";
import { localsOf } from "./auth/principal";
import type { SessionStore } from "./auth/session-store";
import { createAccountController } from "./controllers/account.controller";
import { createAccountsController } from "./controllers/accounts.controller";
import { createAuditController } from "./controllers/audit.controller";
import { createLoginController } from "./controllers/login.controller";
import { notFoundPage, pageErrorHandler } from "./http/errors";
import { securityHeaders } from "./http/security-headers";
import { DASHBOARD_CSS } from "./views/dashboard-css";

// /officer/*: the HTML dashboard. Each route reads: guard → (CSRF) → controller.
// Body parsers live here, never on the app: the webhook needs the raw body.
export const ALL_ROLES = ["admin", "officer", "viewer"] as const;
export const CASE_ROLES = ["admin", "officer"] as const;

export function createOfficerRouter(deps: AppDeps, store: SessionStore): Router {
  const r = express.Router();
  r.use(securityHeaders);
  r.get("/static/dashboard.css", (_req, res) => {
    res.set("Cache-Control", "public, max-age=3600").type("css").send(DASHBOARD_CSS);
  });
  r.use(express.urlencoded({ extended: false, limit: "200kb", parameterLimit: 200 }));
  r.use(loadSession(store));

  const login = createLoginController(deps, store);
  r.get("/", requirePage(...ALL_ROLES), (_req, res) => {
    res.redirect(303, localsOf(res).principal!.role === "viewer" ? "/officer/progress" : "/officer/complaints");
  });
  r.get("/login", login.showLogin);
  r.post("/login", verifyCsrf, login.login);
  r.get("/login/totp", login.showTotp);
  r.post("/login/totp", verifyCsrf, login.loginTotp);
  r.post("/logout", verifyCsrf, login.logout);

  const account = createAccountController(deps);
  r.get("/account", requirePage(...ALL_ROLES), account.show);
  r.post("/account/password", requirePage(...ALL_ROLES), verifyCsrf, account.changePassword);
  r.post("/account/totp/start", requirePage("admin"), verifyCsrf, account.startTotp);
  r.post("/account/totp/confirm", requirePage("admin"), verifyCsrf, account.confirmTotp);
  r.post("/account/totp/disable", requirePage("admin"), verifyCsrf, account.disableTotp);

  const accounts = createAccountsController(deps, store);
  r.get("/accounts", requirePage("admin"), accounts.list);
  r.post("/accounts", requirePage("admin"), verifyCsrf, accounts.create);
  r.post("/accounts/:id/disable", requirePage("admin"), verifyCsrf, accounts.disable);
  r.post("/accounts/:id/enable", requirePage("admin"), verifyCsrf, accounts.enable);
  r.post("/accounts/:id/unlock", requirePage("admin"), verifyCsrf, accounts.unlock);
  r.post("/accounts/:id/tokens", requirePage("admin"), verifyCsrf, accounts.issueToken);
  r.post("/accounts/:id/tokens/:tokenId/revoke", requirePage("admin"), verifyCsrf, accounts.revokeToken);

  const audit = createAuditController(deps);
  r.get("/audit", requirePage("admin"), audit.list);

  r.use((_req, res) => void res.status(404).type("html").send(notFoundPage()));
  r.use(pageErrorHandler(deps.logger));
  return r;
}
