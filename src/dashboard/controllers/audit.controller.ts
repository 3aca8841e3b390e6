import type { RequestHandler } from "express";
import type { AppDeps } from "../../app-deps";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { field, pageNumber, sendPage } from "../http/render";
import { listAudit } from "../queries/audit.query";
import { complaintCodesByIds } from "../queries/complaint-codes.query";
import { auditView } from "../views/audit.view";

// Admin: read the audit log.
export const AUDIT_PAGE_SIZE = 50;

export function createAuditController(deps: AppDeps): { list: RequestHandler } {
  return {
    async list(req, res) {
      const page = pageNumber(req.query.page);
      const filter = { action: field(req.query, "action") || undefined, complaintId: field(req.query, "complaintId") || undefined };
      const { rows, total } = await listAudit(filter, page, AUDIT_PAGE_SIZE);
      const codes = await complaintCodesByIds(rows.map((r) => r.complaintId).filter((x): x is string => !!x));
      sendPage(res, auditView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), rows, codes, total, page, pageSize: AUDIT_PAGE_SIZE, filter, timezone: deps.config.timezone }));
    },
  };
}
