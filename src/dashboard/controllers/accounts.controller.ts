import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { DomainError } from "../../errors";
import type { OfficerRole } from "../../models/officer.model";
import { createOfficer, getOfficer, issueApiToken, listOfficers, revokeApiToken, setOfficerDisabled, setTotpRequired } from "../../services/officer.service";
import { unlockUsername } from "../auth/login-guard";
import { csrfTokenOf, principalOf } from "../auth/principal";
import type { SessionStore } from "../auth/session-store";
import { field, flashFrom, sendPage } from "../http/render";
import { writeAudit } from "../queries/audit.query";
import { accountsView, type AccountsViewData } from "../views/accounts.view";

// Admin: manage accounts. Every change is audited.
type Handlers = "list" | "create" | "disable" | "enable" | "unlock" | "issueToken" | "revokeToken" | "requireTotp" | "optionalTotp";

export function createAccountsController(deps: AppDeps, store: SessionStore): Record<Handlers, RequestHandler> {
  async function render(res: Response, extra: Partial<AccountsViewData>, status = 200) {
    const officers = await listOfficers();
    sendPage(res, accountsView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), officers, timezone: deps.config.timezone, ...extra }), status);
  }
  const audit = (res: Response, action: string, target: string, detail: Record<string, string> = {}) =>
    writeAudit({ at: deps.now(), actor: { kind: "officer", id: principalOf(res).id }, action, detail: { target, ...detail } });
  const idParam = (v: unknown) => String(v);

  return {
    list: async (req, res) => render(res, { flash: flashFrom(req) }),

    async create(req, res) {
      const raw = (req.body as Record<string, unknown>).districts;
      const districts = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : typeof raw === "string" ? [raw] : [];
      try {
        const o = await createOfficer({
          username: field(req.body, "username"),
          displayName: field(req.body, "displayName"),
          role: field(req.body, "role") as OfficerRole,
          kind: field(req.body, "kind") === "service" ? "service" : "human",
          password: field(req.body, "password"),
          districts,
        });
        await audit(res, "officer.created", String(o._id), { role: o.role });
      } catch (err) {
        if (err instanceof DomainError && err.userMessage) return render(res, { flash: { kind: "error", text: err.userMessage } }, 400);
        throw err;
      }
      res.redirect(303, "/officer/accounts?msg=created");
    },

    async disable(req, res) {
      const id = idParam(req.params.id);
      if (id === principalOf(res).id) return render(res, { flash: { kind: "error", text: "ปิดบัญชีของตนเองไม่ได้ค่ะ" } }, 400);
      await setOfficerDisabled(id, true);
      await store.destroyAllFor((await getOfficer(id))._id);
      await audit(res, "officer.disabled", id);
      res.redirect(303, "/officer/accounts?msg=disabled");
    },

    async enable(req, res) {
      await setOfficerDisabled(idParam(req.params.id), false);
      await audit(res, "officer.enabled", idParam(req.params.id));
      res.redirect(303, "/officer/accounts?msg=enabled");
    },

    async unlock(req, res) {
      const o = await getOfficer(idParam(req.params.id));
      await unlockUsername(o.username);
      await audit(res, "officer.unlocked", String(o._id));
      res.redirect(303, "/officer/accounts?msg=unlocked");
    },

    async issueToken(req, res) {
      const o = await getOfficer(idParam(req.params.id));
      const scope = field(req.body, "scope") === "case" ? "case" : "read";
      const days = field(req.body, "days") ? Number(field(req.body, "days")) : undefined;
      let issued;
      try {
        issued = await issueApiToken(String(o._id), field(req.body, "label"), deps.now(), { scope, days });
      } catch (err) {
        if (err instanceof DomainError && err.userMessage) return render(res, { flash: { kind: "error", text: err.userMessage } }, 400);
        throw err;
      }
      const { token, tokenId } = issued;
      await audit(res, "officer.token_issued", String(o._id), { tokenId, scope, expiresAt: issued.expiresAt.toISOString() });
      await render(res, { newToken: { username: o.username, token } });
    },

    async requireTotp(req, res) {
      const o = await setTotpRequired(idParam(req.params.id), true);
      await audit(res, "officer.totp_required", String(o._id));
      res.redirect(303, "/officer/accounts?msg=totp_required");
    },

    async optionalTotp(req, res) {
      const o = await setTotpRequired(idParam(req.params.id), false);
      await audit(res, "officer.totp_optional", String(o._id));
      res.redirect(303, "/officer/accounts?msg=totp_optional");
    },

    async revokeToken(req, res) {
      await revokeApiToken(idParam(req.params.id), idParam(req.params.tokenId));
      await audit(res, "officer.token_revoked", idParam(req.params.id), { tokenId: idParam(req.params.tokenId) });
      res.redirect(303, "/officer/accounts?msg=revoked");
    },
  };
}
