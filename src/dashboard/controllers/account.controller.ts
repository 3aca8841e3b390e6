import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { DomainError } from "../../errors";
import { changeOfficerPassword, getOfficer } from "../../services/officer.service";
import { csrfTokenOf, principalFromOfficer, principalOf } from "../auth/principal";
import { confirmTotpEnrolment, disableTotp, acceptTotpCode, pendingTotpSecret, startTotpEnrolment } from "../auth/totp-enrolment";
import { field, flashFrom, sendPage } from "../http/render";
import { writeAudit } from "../queries/audit.query";
import { accountView } from "../views/account.view";
import type { Flash } from "../views/layout.view";

// "My account": password change and TOTP enrolment (admins).
export function createAccountController(deps: AppDeps): Record<"show" | "changePassword" | "startTotp" | "confirmTotp" | "disableTotp", RequestHandler> {
  async function render(res: Response, flash: Flash | undefined, status = 200) {
    const officer = await getOfficer(principalOf(res).id);
    const principal = principalFromOfficer(officer, "session");
    const pendingSecret = principal.role === "admin" ? pendingTotpSecret(officer, deps.sealer) : undefined;
    sendPage(res, accountView({ principal, csrfToken: csrfTokenOf(res), flash, pendingSecret }), status);
  }
  const actor = (res: Response) => ({ kind: "officer", id: principalOf(res).id });

  return {
    show: async (req, res) => render(res, flashFrom(req)),

    async changePassword(req, res) {
      try {
        await changeOfficerPassword(principalOf(res).id, field(req.body, "current"), field(req.body, "password"));
      } catch (err) {
        if (err instanceof DomainError && err.userMessage) return render(res, { kind: "error", text: err.userMessage }, 400);
        throw err;
      }
      await writeAudit({ at: deps.now(), actor: actor(res), action: "officer.password_changed" });
      res.redirect(303, "/officer/account?msg=password");
    },

    async startTotp(_req, res) {
      if (principalOf(res).role !== "admin" || principalOf(res).totpEnabled) return void res.redirect(303, "/officer/account");
      await startTotpEnrolment(await getOfficer(principalOf(res).id), deps.sealer);
      res.redirect(303, "/officer/account");
    },

    async confirmTotp(req, res) {
      const officer = await getOfficer(principalOf(res).id);
      if (officer.role !== "admin" || !(await confirmTotpEnrolment(officer, field(req.body, "code"), deps.sealer, deps.now()))) {
        return render(res, { kind: "error", text: "รหัสไม่ถูกต้องค่ะ กรุณาลองรหัสใหม่จากแอป" }, 400);
      }
      await writeAudit({ at: deps.now(), actor: actor(res), action: "officer.totp_enabled" });
      res.redirect(303, "/officer/account?msg=totp_on");
    },

    async disableTotp(req, res) {
      const officer = await getOfficer(principalOf(res).id);
      if (!officer.totpEnabled || !(await acceptTotpCode(officer, field(req.body, "code"), deps.sealer, deps.now()))) {
        return render(res, { kind: "error", text: "รหัสไม่ถูกต้องค่ะ" }, 400);
      }
      await disableTotp(officer);
      await writeAudit({ at: deps.now(), actor: actor(res), action: "officer.totp_disabled" });
      res.redirect(303, "/officer/account?msg=totp_off");
    },
  };
}
