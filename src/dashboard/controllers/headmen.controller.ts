import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { DomainError, ForbiddenError } from "../../errors";
import { issueHeadmanCode, type IssuedCode } from "../../services/headman.service";
import { villageRef } from "../../services/village.service";
import { csrfTokenOf, inScope, principalOf, scopeOf } from "../auth/principal";
import { field, flashFrom, sendPage } from "../http/render";
import { districtLeaders } from "../queries/headmen.query";
import { writeAudit } from "../queries/audit.query";
import type { Flash } from "../views/layout.view";
import { headmenView } from "../views/headmen.view";
import { headmanInvite } from "../views/headman-invite.view";

// Villages, registered leaders and one-time headman codes, within the officer's districts.
export function createHeadmenController(deps: AppDeps): Record<"show" | "issueCode", RequestHandler> {
  async function render(res: Response, district: string | undefined, extra: { issued?: IssuedCode; flash?: Flash }, status = 200) {
    const p = principalOf(res);
    const d = district && inScope(scopeOf(p), district) ? district : p.role === "officer" ? p.districts[0] : undefined;
    const data = d ? await districtLeaders(d) : { villages: [], kamnans: new Map<string, string>(), codes: [] };
    const invite = extra.issued ? await headmanInvite(extra.issued, deps.config.line.basicId) : undefined;
    // The page with a fresh code carries its copy button's script, allowed by hash only.
    sendPage(res, headmenView({ principal: p, csrfToken: csrfTokenOf(res), district: d, ...data, ...extra, invite, now: deps.now(), timezone: deps.config.timezone }), status);
  }

  return {
    show: (req, res) => render(res, field(req.query, "district") || undefined, { flash: flashFrom(req) }),

    async issueCode(req, res) {
      const p = principalOf(res);
      const role = field(req.body, "role") === "kamnan" ? "kamnan" : "headman";
      let issued: IssuedCode;
      try {
        const village = villageRef(field(req.body, "tambonCode"), Number(field(req.body, "villageNo")));
        if (!inScope(scopeOf(p), village.districtCode)) throw new ForbiddenError("out of scope", "ออกรหัสได้เฉพาะอำเภอที่รับผิดชอบค่ะ");
        issued = await issueHeadmanCode({ village, role, issuedBy: p.id, now: deps.now() });
      } catch (err) {
        if (err instanceof DomainError) return render(res, undefined, { flash: { kind: "error", text: err.userMessage ?? "ข้อมูลหมู่บ้านไม่ถูกต้องค่ะ" } }, err.code === "forbidden" ? 403 : 400);
        throw err;
      }
      await writeAudit({ at: deps.now(), actor: { kind: "officer", id: p.id }, action: "headman.code_issued", detail: { tambonCode: issued.village.tambonCode, villageNo: issued.village.villageNo, role } });
      await render(res, issued.village.districtCode, { issued });
    },
  };
}
