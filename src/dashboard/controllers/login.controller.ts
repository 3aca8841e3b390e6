import type { Request, RequestHandler, Response } from "express";
import type { Types } from "mongoose";
import type { AppDeps } from "../../app-deps";
import { Officer } from "../../models/officer.model";
import { checkOfficerPassword, recordOfficerLogin } from "../../services/officer.service";
import { lockedUntil, loginKeys, recordLoginFailure, recordLoginSuccess, sweepLoginAttempts, takeLoginAttempt } from "../auth/login-guard";
import { clientIp, localsOf } from "../auth/principal";
import { SESSION_LIMITS, type SessionStore } from "../auth/session-store";
import { acceptTotpCode } from "../auth/totp-enrolment";
import { loginFormToken } from "../auth/login-csrf";
import { clearSessionCookie, setSessionCookie } from "../http/cookies";
import { field, flashFrom, safeNext, sendPage } from "../http/render";
import { formatThaiTime } from "../../util/thai-date";
import { loginView, totpLoginView } from "../views/login.view";
import { writeAudit } from "../queries/audit.query";

// Login (password, then TOTP when enabled) and logout. A fresh session id is
// issued at every step up, so a session id planted before login is worthless
// (session fixation, OWASP Session Management Cheat Sheet).
export interface LoginController {
  showLogin: RequestHandler;
  login: RequestHandler;
  showTotp: RequestHandler;
  loginTotp: RequestHandler;
  logout: RequestHandler;
}

export function createLoginController(deps: AppDeps, store: SessionStore): LoginController {
  async function startSession(req: Request, res: Response, stage: "anonymous" | "totp" | "active", officerId?: Types.ObjectId) {
    const old = localsOf(res).sid;
    if (old) await store.destroy(old);
    const { sid, session } = await store.create(stage, officerId);
    const ttl = stage === "active" ? SESSION_LIMITS.absoluteMs : stage === "totp" ? SESSION_LIMITS.totpMs : SESSION_LIMITS.anonymousMs;
    setSessionCookie(req, res, sid, ttl);
    localsOf(res).session = session;
    localsOf(res).sid = sid;
    return session;
  }

  function lockedMessage(until: Date): string {
    return `เข้าสู่ระบบผิดหลายครั้งเกินไป บัญชีถูกล็อกชั่วคราวจนถึง ${formatThaiTime(until, deps.config.timezone)} ค่ะ`;
  }

  return {
    async showLogin(req, res) {
      if (localsOf(res).principal) return void res.redirect(303, "/officer");
      // No session row until the form is posted (login-csrf.ts).
      const csrfToken = loginFormToken(req, res, deps.config.sessionSecret);
      sendPage(res, loginView({ csrfToken, next: field(req.query, "next"), flash: flashFrom(req) }));
    },

    async login(req, res) {
      const username = field(req.body, "username").trim();
      const password = field(req.body, "password");
      const next = safeNext(field(req.body, "next"));
      const keys = loginKeys(username, clientIp(req));
      const at = deps.now();
      const csrfToken = loginFormToken(req, res, deps.config.sessionSecret);
      // The attempt is counted before the password hash runs (login-guard.ts).
      const locked = (await lockedUntil([keys.user, keys.ip], at)) ?? (await takeLoginAttempt(keys, at));
      if (locked) {
        return void sendPage(res, loginView({ csrfToken, username, next, flash: { kind: "error", text: lockedMessage(locked) } }), 429);
      }
      const officer = username && password ? await checkOfficerPassword(username, password) : null;
      if (!officer) {
        await recordLoginFailure(keys, at);
        await writeAudit({ at, actor: { kind: "system" }, action: "officer.login_failed", detail: { username: username.slice(0, 60) } });
        const nowLocked = await lockedUntil([keys.user, keys.ip], at);
        const text = nowLocked ? lockedMessage(nowLocked) : "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้องค่ะ";
        return void sendPage(res, loginView({ csrfToken, username, next, flash: { kind: "error", text } }), nowLocked ? 429 : 401);
      }
      // Concurrent wrong guesses may have locked the account while this hash ran.
      const lockedMeanwhile = await lockedUntil([keys.user, keys.ip], at);
      if (lockedMeanwhile) {
        return void sendPage(res, loginView({ csrfToken, username, next, flash: { kind: "error", text: lockedMessage(lockedMeanwhile) } }), 429);
      }
      await sweepLoginAttempts(at);
      await store.sweep();
      if (officer.totpEnabled) {
        const session = await startSession(req, res, "totp", officer._id);
        return void sendPage(res, totpLoginView({ csrfToken: session.csrfToken, next }));
      }
      await recordLoginSuccess(keys);
      await recordOfficerLogin(officer._id, at);
      await writeAudit({ at, actor: { kind: "officer", id: String(officer._id) }, action: "officer.login" });
      await startSession(req, res, "active", officer._id);
      res.redirect(303, next);
    },

    async showTotp(req, res) {
      const s = localsOf(res).session;
      if (!s || s.stage !== "totp") return void res.redirect(303, "/officer/login?msg=expired");
      sendPage(res, totpLoginView({ csrfToken: s.csrfToken, next: field(req.query, "next") }));
    },

    async loginTotp(req, res) {
      const s = localsOf(res).session!;
      const next = safeNext(field(req.body, "next"));
      const officer = s.stage === "totp" && s.officerId ? await Officer.findById(s.officerId) : null;
      if (!officer || officer.disabled) return void res.redirect(303, "/officer/login?msg=expired");
      const at = deps.now();
      const keys = loginKeys(officer.username, clientIp(req));
      const locked = (await lockedUntil([keys.user, keys.ip], at)) ?? (await takeLoginAttempt(keys, at));
      if (locked) return void sendPage(res, totpLoginView({ csrfToken: s.csrfToken, next, flash: { kind: "error", text: lockedMessage(locked) } }), 429);
      if (!(await acceptTotpCode(officer, field(req.body, "code"), deps.sealer, at))) {
        await recordLoginFailure(keys, at);
        return void sendPage(res, totpLoginView({ csrfToken: s.csrfToken, next, flash: { kind: "error", text: "รหัสไม่ถูกต้องหรือหมดอายุแล้วค่ะ" } }), 401);
      }
      await recordLoginSuccess(keys);
      await recordOfficerLogin(officer._id, at);
      await writeAudit({ at, actor: { kind: "officer", id: String(officer._id) }, action: "officer.login", detail: { totp: true } });
      await startSession(req, res, "active", officer._id);
      res.redirect(303, next);
    },

    async logout(req, res) {
      const sid = localsOf(res).sid;
      if (sid) await store.destroy(sid);
      clearSessionCookie(req, res);
      res.redirect(303, "/officer/login?msg=loggedout");
    },
  };
}
