import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { Officer, type OfficerRole } from "../../models/officer.model";
import { findOfficerByApiToken } from "../../services/officer.service";
import { readCookie, SESSION_COOKIE } from "../http/cookies";
import { localsOf, principalFromOfficer } from "./principal";
import type { SessionStore } from "./session-store";

// Route guards, in the order routes use them: load the session → require a
// logged-in role → check the CSRF token on state-changing requests.

/** Loads the session (any stage) and, when it is active, the officer. Never rejects. */
export function loadSession(store: SessionStore): RequestHandler {
  return async (req, res, next) => {
    const sid = readCookie(req, SESSION_COOKIE);
    const session = await store.read(sid);
    if (session && sid) {
      const locals = localsOf(res);
      locals.session = session;
      locals.sid = sid;
      if (session.stage === "active" && session.officerId) {
        const officer = await Officer.findById(session.officerId);
        if (officer && !officer.disabled) locals.principal = principalFromOfficer(officer, "session");
      }
    }
    next();
  };
}

/** HTML routes: a logged-in officer with one of `roles`; otherwise the login page or 403. */
export function requirePage(...roles: OfficerRole[]): RequestHandler {
  return (req, res, next) => {
    const p = localsOf(res).principal;
    if (!p) {
      const nextUrl = req.method === "GET" ? `?next=${encodeURIComponent(req.originalUrl)}` : "";
      return void res.redirect(303, `/officer/login${nextUrl}`);
    }
    if (!roles.includes(p.role)) return void res.status(403).type("html").send(forbiddenPage);
    // An admin requires TOTP of this account: only "my account" (to turn it on) until it is on.
    if (p.totpRequired && !p.totpEnabled && !req.originalUrl.startsWith("/officer/account")) {
      return void res.redirect(303, "/officer/account?msg=totp_required");
    }
    next();
  };
}

// A tiny static page: the layout needs data this guard does not have.
const forbiddenPage =
  '<!doctype html><html lang="th"><meta charset="utf-8"><title>ไม่มีสิทธิ์</title><link rel="stylesheet" href="/officer/static/dashboard.css">' +
  '<main class="container"><h1>ไม่มีสิทธิ์เข้าถึงหน้านี้ค่ะ</h1><p><a href="/officer">กลับหน้าหลัก</a></p></main></html>';

function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== "string" || a.length !== b.length || b.length === 0) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Synchronizer-token CSRF check (OWASP CSRF Prevention Cheat Sheet): every POST
 * carries `_csrf` equal to the token stored in the session. Runs after the body parser.
 */
export const verifyCsrf: RequestHandler = (req, res, next) => {
  const session = localsOf(res).session;
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (!session || !sameToken(sent, session.csrfToken)) {
    res.status(403).type("html").send(csrfPage);
    return;
  }
  next();
};

export const csrfPage =
  '<!doctype html><html lang="th"><meta charset="utf-8"><title>แบบฟอร์มหมดอายุ</title><link rel="stylesheet" href="/officer/static/dashboard.css">' +
  '<main class="container"><h1>แบบฟอร์มหมดอายุหรือไม่ถูกต้องค่ะ</h1><p>กรุณากลับไปโหลดหน้าเดิมแล้วลองใหม่อีกครั้งค่ะ</p><p><a href="/officer">กลับหน้าหลัก</a></p></main></html>';

/** /api/*: `Authorization: Bearer sjt_…`, a live token of an enabled service account with one of `roles`. */
export function requireApi(...roles: OfficerRole[]): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    // The app's clock (app.ts sets app.locals.now), so token expiry follows the one clock the app uses.
    const now = (req.app.locals as { now?: () => Date }).now ?? (() => new Date());
    const found = m ? await findOfficerByApiToken(m[1]!, now()) : null;
    if (!found) {
      res.set("WWW-Authenticate", 'Bearer realm="sujarit"');
      return void res.status(401).json({ error: "unauthorized", message: "a valid API token is required" });
    }
    const p = principalFromOfficer(found.officer, "token");
    if (!roles.includes(p.role)) return void res.status(403).json({ error: "forbidden", message: "this token's role may not use this operation" });
    // A read-only token reads; changes need a case-work token.
    if (found.scope === "read" && req.method !== "GET" && req.method !== "HEAD") {
      return void res.status(403).json({ error: "forbidden", message: "this token is read-only" });
    }
    localsOf(res).principal = p;
    next();
  };
}
