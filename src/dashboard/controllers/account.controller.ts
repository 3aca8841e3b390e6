import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { DomainError } from "../../errors";
import { Types } from "mongoose";
import { changeOfficerPassword, getOfficer, isWrongCurrentPassword } from "../../services/officer.service";
import { lockedUntil, loginKeys, recordLoginFailure, recordLoginSuccess, releaseLoginAttempt, takeLoginAttempt } from "../auth/login-guard";
import { clientIp, csrfTokenOf, localsOf, principalFromOfficer, principalOf } from "../auth/principal";
import type { SessionStore } from "../auth/session-store";
import { confirmTotpEnrolment, disableTotp, acceptTotpCode, pendingTotpSecret, startTotpEnrolment } from "../auth/totp-enrolment";
import { field, flashFrom, sendPage } from "../http/render";
import { writeAudit } from "../queries/audit.query";
import { accountView } from "../views/account.view";
import type { Flash } from "../views/layout.view";

// "My account": password change and TOTP enrolment (admins).
export function createAccountController(deps: AppDeps, store: SessionStore): Record<"show" | "changePassword" | "startTotp" | "confirmTotp" | "disableTotp", RequestHandler> {
  async function render(res: Response, flash: Flash | undefined, status = 200) {
    const officer = await getOfficer(principalOf(res).id);
    const principal = principalFromOfficer(officer, "session");
    const pendingSecret = principal.role !== "viewer" ? pendingTotpSecret(officer, deps.sealer) : undefined;
    sendPage(res, accountView({ principal, csrfToken: csrfTokenOf(res), flash, pendingSecret }), status);
  }
  const actor = (res: Response) => ({ kind: "officer", id: principalOf(res).id });

  return {
    show: async (req, res) => render(res, flashFrom(req)),

    async changePassword(req, res) {
      // A wrong current password counts like a failed login (login-guard.ts), so a
      // stolen session cannot be used to guess the password.
      const p = principalOf(res);
      const at = deps.now();
      const keys = loginKeys(p.username, clientIp(req));
      const locked = (await lockedUntil([keys.user, keys.ip], at)) ?? (await takeLoginAttempt(keys, at));
      if (locked) return render(res, { kind: "error", text: "ลองรหัสผ่านผิดหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่ค่ะ" }, 429);
      try {
        await changeOfficerPassword(p.id, field(req.body, "current"), field(req.body, "password"));
      } catch (err) {
        if (isWrongCurrentPassword(err)) {
          await recordLoginFailure(keys, at);
          await writeAudit({ at, actor: actor(res), action: "officer.login_failed", detail: { username: p.username, via: "password_change" } });
        } else await releaseLoginAttempt(keys); // a refused new password is not a guess
        if (err instanceof DomainError && err.userMessage) return render(res, { kind: "error", text: err.userMessage }, 400);
        throw err;
      }
      await recordLoginSuccess(keys);
      // Every other session and API token of the account ends with the old password.
      const ended = await store.destroyOthersFor(new Types.ObjectId(p.id), localsOf(res).sid);
      await writeAudit({ at, actor: actor(res), action: "officer.password_changed", detail: { sessionsEnded: ended } });
      res.redirect(303, "/officer/account?msg=password");
    },

    async startTotp(_req, res) {
      if (principalOf(res).role === "viewer" || principalOf(res).totpEnabled) return void res.redirect(303, "/officer/account");
      await startTotpEnrolment(await getOfficer(principalOf(res).id), deps.sealer);
      res.redirect(303, "/officer/account");
    },

    async confirmTotp(req, res) {
      const officer = await getOfficer(principalOf(res).id);
      if (officer.role === "viewer" || !(await confirmTotpEnrolment(officer, field(req.body, "code"), deps.sealer, deps.now()))) {
        return render(res, { kind: "error", text: "รหัสไม่ถูกต้องค่ะ กรุณาลองรหัสใหม่จากแอป" }, 400);
      }
      await writeAudit({ at: deps.now(), actor: actor(res), action: "officer.totp_enabled" });
      res.redirect(303, "/officer/account?msg=totp_on");
    },

    async disableTotp(req, res) {
      const officer = await getOfficer(principalOf(res).id);
      // An account an admin requires TOTP of cannot turn it off.
      if (officer.totpRequired) return render(res, { kind: "error", text: "ผู้ดูแลระบบกำหนดให้บัญชีนี้ต้องใช้การยืนยันสองขั้นค่ะ" }, 403);
      if (!officer.totpEnabled || !(await acceptTotpCode(officer, field(req.body, "code"), deps.sealer, deps.now()))) {
        return render(res, { kind: "error", text: "รหัสไม่ถูกต้องค่ะ" }, 400);
      }
      await disableTotp(officer);
      await writeAudit({ at: deps.now(), actor: actor(res), action: "officer.totp_disabled" });
      res.redirect(303, "/officer/account?msg=totp_off");
    },
  };
}
