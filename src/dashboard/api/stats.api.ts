import type { Router } from "express";
import type { AppDeps } from "../../app-deps";
import { requireApi } from "../auth/auth.middleware";
import { principalOf } from "../auth/principal";
import { field, pageNumber } from "../http/render";
import { listAudit } from "../queries/audit.query";
import { loadComplaintProgress, loadCoverage, loadPledgeProgress, parseCampaignYear, parseMonthKey } from "../queries/progress.query";

// /api/stats/* (every role: figures only) and /api/audit (admins).
export function mountStatsApi(r: Router, deps: AppDeps): void {
  r.get("/stats/pledges", requireApi("admin", "officer", "viewer"), async (req, res) => {
    const year = parseCampaignYear(deps, req.query.year);
    const { districts, totals } = await loadPledgeProgress(deps, year);
    res.json({
      campaignYear: year,
      totals: { linePledges: totals.linePledges, meetingPledged: totals.meetingPledged, meetingAttended: totals.meetingAttended, meetingReports: totals.meetingReports, numbersIssued: totals.numbersIssued },
      districts: districts.map((d) => ({
        districtCode: d.districtCode, nameTh: d.nameTh, linePledges: d.linePledges, meetingPledged: d.meetingPledged, meetingAttended: d.meetingAttended,
        meetingReports: d.meetingReports, members: d.members, perThousandMembers: d.perThousandMembers,
      })),
    });
  });

  r.get("/stats/complaints", requireApi("admin", "officer", "viewer"), async (_req, res) => {
    res.json({ months: await loadComplaintProgress(deps, principalOf(res)) });
  });

  r.get("/stats/coverage", requireApi("admin", "officer", "viewer"), async (req, res) => {
    const monthKey = parseMonthKey(deps, req.query.month);
    res.json({ monthKey, districts: await loadCoverage(monthKey) });
  });

  r.get("/audit", requireApi("admin"), async (req, res) => {
    const page = pageNumber(req.query.page);
    const pageSize = 100;
    const { rows, total } = await listAudit({ action: field(req.query, "action") || undefined, complaintId: field(req.query, "complaintId") || undefined }, page, pageSize);
    res.json({
      items: rows.map((r) => ({ id: r.id, at: r.at, actor: { kind: r.actorKind, ...(r.actorId && r.actorKind !== "reporter" ? { id: r.actorId } : {}) }, action: r.action, ...(r.complaintId ? { complaintId: r.complaintId } : {}), ...(r.detail ? { detail: r.detail } : {}) })),
      total,
      page,
      pageSize,
    });
  });
}
