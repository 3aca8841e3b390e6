import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from "../../models/complaint.model";
import { CATEGORY_LABELS, STATUS_LABELS } from "../../services/complaint-labels";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { csvDocument } from "../csv/csv-writer";
import { sendPage } from "../http/render";
import { currentCampaignYear, loadComplaintProgress, loadCoverage, loadPledgeProgress, parseCampaignYear, parseMonthKey } from "../queries/progress.query";
import { progressView } from "../views/progress.view";

// Progress page and its CSV downloads (all roles; figures only, no complaint text).
export function sendCsv(res: Response, filename: string, body: string): void {
  res.set("Content-Disposition", `attachment; filename="${filename}"`).type("text/csv; charset=utf-8").send(body);
}

export function createProgressController(deps: AppDeps): Record<"show" | "pledgesCsv" | "complaintsCsv" | "coverageCsv", RequestHandler> {
  return {
    async show(req, res) {
      const p = principalOf(res);
      const year = parseCampaignYear(deps, req.query.year);
      const monthKey = parseMonthKey(deps, req.query.month);
      const current = currentCampaignYear(deps);
      const [pledges, complaintMonths, coverage] = await Promise.all([loadPledgeProgress(deps, year), loadComplaintProgress(deps, p), loadCoverage(monthKey)]);
      sendPage(
        res,
        progressView({
          principal: p,
          csrfToken: csrfTokenOf(res),
          campaignYear: year,
          years: [current, current - 1, current - 2],
          monthKey,
          ...pledges,
          complaintMonths,
          coverage,
          complaintScopeNote: p.role === "officer" ? "แสดงเฉพาะเรื่องของอำเภอที่ท่านรับผิดชอบค่ะ" : undefined,
        }),
      );
    },

    async pledgesCsv(req, res) {
      const year = parseCampaignYear(deps, req.query.year);
      const { districts } = await loadPledgeProgress(deps, year);
      const header = ["ปีงบประมาณ", "รหัสอำเภอ", "อำเภอ", "ประกาศผ่าน LINE", "ประกาศในที่ประชุม", "ผู้เข้าประชุม", "รายงานการประชุม", "สมาชิก LINE", "ต่อสมาชิก 1000 คน"];
      const rows = districts.map((r) => [year, r.districtCode, r.nameTh, r.linePledges, r.meetingPledged, r.meetingAttended, r.meetingReports, r.members, r.perThousandMembers]);
      sendCsv(res, `pledges-${year}.csv`, csvDocument(header, rows));
    },

    async complaintsCsv(_req, res) {
      const months = await loadComplaintProgress(deps, principalOf(res));
      const header = ["เดือน", "รวม", ...COMPLAINT_STATUSES.map((s) => STATUS_LABELS[s]), ...COMPLAINT_CATEGORIES.map((c) => CATEGORY_LABELS[c])];
      const rows = months.map((m) => [m.monthKey, m.total, ...COMPLAINT_STATUSES.map((s) => m.byStatus[s]), ...COMPLAINT_CATEGORIES.map((c) => m.byCategory[c])]);
      sendCsv(res, "complaints-by-month.csv", csvDocument(header, rows));
    },

    async coverageCsv(req, res) {
      const monthKey = parseMonthKey(deps, req.query.month);
      const rows = (await loadCoverage(monthKey)).map((r) => [monthKey, r.districtCode, r.nameTh, r.villages, r.reported, r.share === null ? null : Math.round(r.share * 1000) / 10]);
      sendCsv(res, `meeting-coverage-${monthKey}.csv`, csvDocument(["เดือน", "รหัสอำเภอ", "อำเภอ", "หมู่บ้านในระบบ", "ส่งรายงานแล้ว", "ร้อยละ"], rows));
    },
  };
}
