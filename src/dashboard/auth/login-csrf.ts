import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { SESSION_LIMITS } from "./session-store";
import { readCookie, SESSION_COOKIE, setSessionCookie } from "../http/cookies";
import { localsOf } from "./principal";
import { csrfPage } from "./auth.middleware";

// The login form's CSRF token without a stored session: the browser gets a random
// id in the session cookie (nothing is written to the database), and the form's
// token is HMAC(SESSION_SECRET, id). So a cookieless GET of the login page costs
// no row (issue 18, item 11), and a login POST still needs the cookie and its token
// together (OWASP CSRF Prevention Cheat Sheet, "signed double-submit cookie").
const SID = /^[A-Za-z0-9_-]{43}$/;

export function loginCsrfToken(secret: string, sid: string): string {
  return createHmac("sha256", secret).update(`login-csrf:${sid}`).digest("base64url");
}

/** The token for the login form: the stored session's, else one bound to the cookie's id (set when missing). */
export function loginFormToken(req: Request, res: Response, secret: string): string {
  const session = localsOf(res).session;
  if (session) return session.csrfToken;
  let sid = readCookie(req, SESSION_COOKIE);
  if (!sid || !SID.test(sid)) {
    sid = randomBytes(32).toString("base64url");
    setSessionCookie(req, res, sid, SESSION_LIMITS.anonymousMs);
  }
  return loginCsrfToken(secret, sid);
}

function same(a: unknown, b: string): boolean {
  return typeof a === "string" && a.length === b.length && b.length > 0 && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** CSRF check of POST /officer/login: the stored session's token, or the cookie-bound one. */
export function verifyLoginCsrf(secret: string): RequestHandler {
  return (req, res, next) => {
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    const session = localsOf(res).session;
    const sid = readCookie(req, SESSION_COOKIE);
    const ok = session ? same(sent, session.csrfToken) : !!sid && SID.test(sid) && same(sent, loginCsrfToken(secret, sid));
    if (!ok) return void res.status(403).type("html").send(csrfPage);
    next();
  };
}
