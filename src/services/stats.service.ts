import { listDistricts } from "../content/areas/areas";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, Complaint, type ComplaintCategory, type ComplaintStatus } from "../models/complaint.model";
import { MeetingReport } from "../models/meeting-report.model";
import { Village } from "../models/village.model";
import { BUDDHIST_ERA_OFFSET } from "../util/thai-date";
import { StaleCache } from "./pledge-stats-cache";

// Progress figures for the dashboard beyond pledges (pledge-stats.service.ts):
// complaints by month, category and status, and this month's meeting coverage.
// Months come from the stored dayKey ("YYYY-MM-DD", Bangkok day) and meeting
// reports' monthKey ("2569-12"), so no date operator needs the app's zone; the
// $group runs over whole collections, so results are cached for a minute.
export interface ComplaintMonthRow {
  /** "2569-03": BE year and month. */
  monthKey: string;
  total: number;
  byStatus: Record<ComplaintStatus, number>;
  byCategory: Record<ComplaintCategory, number>;
}

/** Which complaints count: all, or those routed to one of these districts. */
export interface ComplaintStatsScope {
  districts?: string[];
}

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const CACHE_MS = 60_000;
const complaintCache = new StaleCache<ComplaintMonthRow[]>(CACHE_MS);
const coverageCache = new StaleCache<CoverageRow[]>(CACHE_MS);

export function clearStatsCache(): void {
  complaintCache.clear();
  coverageCache.clear();
}

/** "2026-03-15" (CE day key) → "2569-03". */
export function monthKeyOfDayKey(dayKey: string): string {
  return `${Number(dayKey.slice(0, 4)) + BUDDHIST_ERA_OFFSET}-${dayKey.slice(5, 7)}`;
}

export function complaintScopeFilter(scope: ComplaintStatsScope): Record<string, unknown> {
  return scope.districts ? { "routedTo.level": "district", "routedTo.districtCode": { $in: scope.districts.map(String) } } : {};
}

async function loadComplaintMonths(scope: ComplaintStatsScope): Promise<ComplaintMonthRow[]> {
  const groups = await Complaint.aggregate<{ _id: { d: string; c: ComplaintCategory; s: ComplaintStatus }; n: number }>([
    { $match: complaintScopeFilter(scope) },
    { $group: { _id: { d: "$dayKey", c: "$category", s: "$status" }, n: { $sum: 1 } } },
  ]);
  const months = new Map<string, ComplaintMonthRow>();
  for (const g of groups) {
    const key = monthKeyOfDayKey(g._id.d);
    let row = months.get(key);
    if (!row) months.set(key, (row = { monthKey: key, total: 0, byStatus: zeroCounts(COMPLAINT_STATUSES), byCategory: zeroCounts(COMPLAINT_CATEGORIES) }));
    row.total += g.n;
    if (g._id.s in row.byStatus) row.byStatus[g._id.s] += g.n;
    if (g._id.c in row.byCategory) row.byCategory[g._id.c] += g.n;
  }
  return [...months.values()].sort((a, b) => a.monthKey.localeCompare(b.monthKey));
}

/** Complaints per BE month with status and category breakdowns, oldest month first (one $group, cached). */
export function complaintsByMonth(scope: ComplaintStatsScope, opts: { fresh?: boolean } = {}): Promise<ComplaintMonthRow[]> {
  const key = scope.districts ? [...scope.districts].sort().join(",") : "*";
  return complaintCache.get(key, () => loadComplaintMonths(scope), opts.fresh);
}

export interface CoverageRow {
  districtCode: string;
  nameTh: string;
  /** Villages known to Sujarit (imported or with a headman code). */
  villages: number;
  /** Of those, villages with a meeting report this month. */
  reported: number;
  /** reported / villages, 0–1; null without villages. */
  share: number | null;
}

async function loadCoverage(monthKey: string): Promise<CoverageRow[]> {
  const [villages, reports] = await Promise.all([
    Village.aggregate<{ _id: string; n: number }>([{ $group: { _id: "$districtCode", n: { $sum: 1 } } }]),
    MeetingReport.aggregate<{ _id: { d: string; t: string; v: number } }>([
      { $match: { monthKey: String(monthKey) } },
      { $group: { _id: { d: "$districtCode", t: "$tambonCode", v: "$villageNo" } } },
    ]),
  ]);
  const total = new Map(villages.map((v) => [v._id, v.n]));
  const reported = new Map<string, number>();
  for (const r of reports) reported.set(r._id.d, (reported.get(r._id.d) ?? 0) + 1);
  return listDistricts().map((d) => {
    const n = total.get(d.code) ?? 0;
    const r = Math.min(reported.get(d.code) ?? 0, n || Infinity);
    return { districtCode: d.code, nameTh: d.nameTh, villages: n, reported: r, share: n > 0 ? r / n : null };
  });
}

/** All 26 districts: share of villages with a meeting held and reported in the BE month (e.g. "2569-03"). */
export function meetingCoverage(monthKey: string, opts: { fresh?: boolean } = {}): Promise<CoverageRow[]> {
  return coverageCache.get(monthKey, () => loadCoverage(monthKey), opts.fresh);
}
