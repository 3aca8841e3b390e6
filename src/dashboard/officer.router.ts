import path from "node:path";
import express, { type Router } from "express";
import type { AppDeps } from "../app-deps";
import { loadSession, requirePage, verifyCsrf } from "./auth/auth.middleware";
import { verifyLoginCsrf } from "./auth/login-csrf";
import { localsOf } from "./auth/principal";
import type { SessionStore } from "./auth/session-store";
import { createAnnouncementsController } from "./controllers/announcements.controller";
import { announcementStatic } from "./http/announcement-static";
import { createAccountController } from "./controllers/account.controller";
import { createAccountsController } from "./controllers/accounts.controller";
import { createAuditController } from "./controllers/audit.controller";
import { createComplaintsController } from "./controllers/complaints.controller";
import { createHeadmenController } from "./controllers/headmen.controller";
import { createImportsController } from "./controllers/imports.controller";
import { createLoginController } from "./controllers/login.controller";
import { createMeetingsController } from "./controllers/meetings.controller";
import { createProgressController } from "./controllers/progress.controller";
import { createHolidaysController } from "./controllers/holidays.controller";
import { createOfficerLineController } from "./controllers/officer-line.controller";
import { createQueueController } from "./controllers/queue.controller";
import { multipartBody } from "./http/multipart";
import { notFoundPage, pageErrorHandler } from "./http/errors";
import { securityHeaders } from "./http/security-headers";
import { DASHBOARD_CSS } from "./views/dashboard-css";
import { ITA_PRINT_CSS } from "./views/ita-print-css";
import { createItaController } from "./controllers/ita.controller";
import { DASHBOARD_JS } from "./views/dashboard-script";

const CHART_JS_FILE = path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js");

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
  r.get("/static/ita-print.css", (_req, res) => {
    res.set("Cache-Control", "public, max-age=3600").type("css").send(ITA_PRINT_CSS);
  });
  r.use("/static", announcementStatic());
  r.get("/static/dashboard.js", (_req, res) => {
    res.set("Cache-Control", "public, max-age=3600").type("js").send(DASHBOARD_JS);
  });
  // Chart.js from node_modules (its UMD build), never from a CDN.
  r.get("/static/chart.umd.min.js", (_req, res) => {
    res.set("Cache-Control", "public, max-age=86400").type("js").sendFile(CHART_JS_FILE);
  });
  r.use(express.urlencoded({ extended: false, limit: "200kb", parameterLimit: 200 }));
  r.use(loadSession(store));

  const login = createLoginController(deps, store);
  r.get("/", requirePage(...ALL_ROLES), (_req, res) => {
    res.redirect(303, localsOf(res).principal!.role === "viewer" ? "/officer/progress" : "/officer/complaints");
  });
  r.get("/login", login.showLogin);
  r.post("/login", verifyLoginCsrf(deps.config.sessionSecret), login.login);
  r.get("/login/totp", login.showTotp);
  r.post("/login/totp", verifyCsrf, login.loginTotp);
  r.post("/logout", verifyCsrf, login.logout);

  const account = createAccountController(deps, store);
  r.get("/account", requirePage(...ALL_ROLES), account.show);
  r.post("/account/password", requirePage(...ALL_ROLES), verifyCsrf, account.changePassword);
  // Everyone who can reveal reporter identities (admins and officers) can turn TOTP on.
  r.post("/account/totp/start", requirePage(...CASE_ROLES), verifyCsrf, account.startTotp);
  r.post("/account/totp/confirm", requirePage(...CASE_ROLES), verifyCsrf, account.confirmTotp);
  r.post("/account/totp/disable", requirePage(...CASE_ROLES), verifyCsrf, account.disableTotp);

  const accounts = createAccountsController(deps, store);
  r.get("/accounts", requirePage("admin"), accounts.list);
  r.post("/accounts", requirePage("admin"), verifyCsrf, accounts.create);
  r.post("/accounts/:id/disable", requirePage("admin"), verifyCsrf, accounts.disable);
  r.post("/accounts/:id/enable", requirePage("admin"), verifyCsrf, accounts.enable);
  r.post("/accounts/:id/unlock", requirePage("admin"), verifyCsrf, accounts.unlock);
  r.post("/accounts/:id/tokens", requirePage("admin"), verifyCsrf, accounts.issueToken);
  r.post("/accounts/:id/totp-required", requirePage("admin"), verifyCsrf, accounts.requireTotp);
  r.post("/accounts/:id/totp-optional", requirePage("admin"), verifyCsrf, accounts.optionalTotp);
  r.post("/accounts/:id/tokens/:tokenId/revoke", requirePage("admin"), verifyCsrf, accounts.revokeToken);

  const complaints = createComplaintsController(deps);
  r.get("/complaints", requirePage(...CASE_ROLES), complaints.list);
  r.get("/complaints/export.csv", requirePage(...CASE_ROLES), complaints.exportCsv);
  r.get("/complaints/export.json", requirePage(...CASE_ROLES), complaints.exportJson);
  r.post("/complaints/export.csv", requirePage(...CASE_ROLES), verifyCsrf, complaints.exportCsv);
  r.post("/complaints/export.json", requirePage(...CASE_ROLES), verifyCsrf, complaints.exportJson);
  r.get("/complaints/:id", requirePage(...CASE_ROLES), complaints.show);
  r.post("/complaints/:id/identity", requirePage(...CASE_ROLES), verifyCsrf, complaints.revealIdentity);
  r.post("/complaints/:id/status", requirePage(...CASE_ROLES), verifyCsrf, complaints.changeStatus);
  r.post("/complaints/:id/notes", requirePage(...CASE_ROLES), verifyCsrf, complaints.addNote);
  r.post("/complaints/:id/messages", requirePage(...CASE_ROLES), verifyCsrf, complaints.message);
  r.get("/complaints/:id/evidence/:fileId", requirePage(...CASE_ROLES), complaints.evidence);

  // The case clock (issue 24): the queue by time left, LINE alerts, holidays.
  const queue = createQueueController(deps);
  r.get("/queue", requirePage(...CASE_ROLES), queue.show);
  const officerLine = createOfficerLineController(deps);
  r.get("/line", requirePage(...CASE_ROLES), officerLine.show);
  r.post("/line/code", requirePage(...CASE_ROLES), verifyCsrf, officerLine.issueCode);
  r.post("/line/mute", requirePage(...CASE_ROLES), verifyCsrf, officerLine.mute);
  r.post("/line/unlink", requirePage(...CASE_ROLES), verifyCsrf, officerLine.unlink);
  const holidays = createHolidaysController(deps);
  r.get("/holidays", requirePage("admin"), holidays.show);
  r.post("/holidays", requirePage("admin"), ...multipartBody, verifyCsrf, holidays.import);

  const meetings = createMeetingsController(deps);
  r.get("/meetings", requirePage(...CASE_ROLES), meetings.list);
  r.get("/meetings/new", requirePage(...CASE_ROLES), meetings.newForm);
  r.post("/meetings", requirePage(...CASE_ROLES), verifyCsrf, meetings.create);
  r.get("/meetings/:id", requirePage(...CASE_ROLES), meetings.show);
  r.get("/meetings/:id/edit", requirePage(...CASE_ROLES), meetings.editForm);
  r.post("/meetings/:id", requirePage(...CASE_ROLES), verifyCsrf, meetings.update);
  r.post("/meetings/:id/cancel", requirePage(...CASE_ROLES), verifyCsrf, meetings.cancel);

  const ann = createAnnouncementsController(deps);
  r.get("/announcements", requirePage(...CASE_ROLES), ann.list);
  r.get("/announcements/new", requirePage(...CASE_ROLES), ann.newForm);
  r.post("/announcements/preview", requirePage(...CASE_ROLES), verifyCsrf, ann.preview);
  r.post("/announcements", requirePage(...CASE_ROLES), ...multipartBody, verifyCsrf, ann.create);
  r.get("/announcements/:id", requirePage(...CASE_ROLES), ann.show);
  r.get("/announcements/:id/edit", requirePage(...CASE_ROLES), ann.editForm);
  r.post("/announcements/:id", requirePage(...CASE_ROLES), ...multipartBody, verifyCsrf, ann.update);
  r.post("/announcements/:id/send", requirePage(...CASE_ROLES), verifyCsrf, ann.send);
  r.post("/announcements/:id/approve", requirePage("admin"), verifyCsrf, ann.approve);
  r.post("/announcements/:id/cancel", requirePage(...CASE_ROLES), verifyCsrf, ann.cancel);

  const imports = createImportsController(deps);
  r.get("/imports", requirePage(...CASE_ROLES), imports.show);
  r.post("/imports/villages", requirePage(...CASE_ROLES), ...multipartBody, verifyCsrf, imports.villages);
  r.post("/imports/meetings", requirePage(...CASE_ROLES), ...multipartBody, verifyCsrf, imports.meetings);

  const headmen = createHeadmenController(deps);
  r.get("/headmen", requirePage(...CASE_ROLES), headmen.show);
  r.post("/headmen/codes", requirePage(...CASE_ROLES), verifyCsrf, headmen.issueCode);

  const progress = createProgressController(deps);
  r.get("/progress", requirePage(...ALL_ROLES), progress.show);
  r.get("/progress/pledges.csv", requirePage(...ALL_ROLES), progress.pledgesCsv);
  r.get("/progress/complaints.csv", requirePage(...ALL_ROLES), progress.complaintsCsv);
  r.get("/progress/coverage.csv", requirePage(...ALL_ROLES), progress.coverageCsv);

  const ita = createItaController(deps);
  r.get("/ita", requirePage(...CASE_ROLES), ita.form);
  r.get("/ita/pack", requirePage(...CASE_ROLES), ita.pack);
  r.get("/ita/pack.xlsx", requirePage(...CASE_ROLES), ita.workbook);
  r.get("/ita/photos/:fileId", requirePage(...CASE_ROLES), ita.photo);

  const audit = createAuditController(deps);
  r.get("/audit", requirePage("admin"), audit.list);

  r.use((_req, res) => void res.status(404).type("html").send(notFoundPage()));
  r.use(pageErrorHandler(deps.logger));
  return r;
}
