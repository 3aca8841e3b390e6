import type { AppDeps } from "../../app-deps";
import { campaignYearOf } from "../../services/pledge.service";
import { pledgeCountsByDistrict, pledgeTotals } from "../../services/pledge-stats.service";
import { complaintsByMonth, meetingCoverage } from "../../services/stats.service";
import { monthKeyBE } from "../../util/thai-date";
import type { Principal } from "../auth/principal";

// The figures behind the progress page, its CSV files and /api/stats/*.
export function currentCampaignYear(deps: AppDeps): number {
  return campaignYearOf(deps.now(), deps.config.campaignYearStartMonth, deps.config.timezone);
}

/** A campaign year from a query value: BE, within five years of now, else the current one. */
export function parseCampaignYear(deps: AppDeps, v: unknown): number {
  const current = currentCampaignYear(deps);
  const y = typeof v === "string" && /^\d{4}$/.test(v) ? Number(v) : current;
  return y >= current - 5 && y <= current ? y : current;
}

/** A "2569-03" month key from a query value, else this month. */
export function parseMonthKey(deps: AppDeps, v: unknown): string {
  return typeof v === "string" && /^25\d{2}-(0[1-9]|1[0-2])$/.test(v) ? v : monthKeyBE(deps.now(), deps.config.timezone);
}

/** Officers' complaint figures cover their own districts; admins and viewers see the province. */
export function complaintStatsScope(p: Principal): { districts?: string[] } {
  return p.role === "officer" ? { districts: p.districts } : {};
}

export async function loadPledgeProgress(deps: AppDeps, year: number) {
  const opts = { yearStartMonth: deps.config.campaignYearStartMonth };
  const [districts, totals] = await Promise.all([pledgeCountsByDistrict(year, opts), pledgeTotals(year, opts)]);
  return { districts, totals };
}

export function loadComplaintProgress(_deps: AppDeps, p: Principal) {
  return complaintsByMonth(complaintStatsScope(p));
}

export function loadCoverage(monthKey: string) {
  return meetingCoverage(monthKey);
}
