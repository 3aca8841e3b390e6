import { CaseClockRow } from "../../models/case-clock.model";
import { dayKeyIn, endOfDay, workingDaysBetween, type HolidaySet } from "../../util/working-days";

// The officers' queue of open cases, by time left (stored clocks, at most a minute
// old: the deadline job keeps them), with "ครบกำหนดวันนี้" and "เกินกำหนด" counts per
// district. District officers see their districts' cases; admins, the province's
// admins, see every case, and the overdue ones ("the province admins' queue")
// with ?overdue=1.
export interface QueueScope {
  districts: readonly string[] | "all";
}

export interface QueueRow {
  id: string;
  trackingCode: string;
  category: string;
  level: string;
  districtCode: string | null;
  tambonCode: string | null;
  status: string;
  stage: string;
  dueDay: string | null;
  overdue: boolean;
  dueToday: boolean;
  /** Negative: working days overdue. Null while paused. */
  workingDaysLeft: number | null;
  escalated: boolean;
  expedited: boolean;
}

export interface DistrictCounts {
  /** A district code, or "province" for cases sent to the province. */
  key: string;
  dueToday: number;
  overdue: number;
}

export interface CaseQueue {
  rows: QueueRow[];
  paused: QueueRow[];
  counts: DistrictCounts[];
  totals: { dueToday: number; overdue: number };
  truncated: boolean;
}

export const QUEUE_LIMIT = 300;

function scopeFilter(scope: QueueScope): Record<string, unknown> {
  if (scope.districts === "all") return { open: true };
  return { open: true, level: "district", districtCode: { $in: [...scope.districts] } };
}

export async function caseQueue(scope: QueueScope, now: Date, timeZone: string, holidays: HolidaySet, opts: { overdueOnly?: boolean } = {}): Promise<CaseQueue> {
  const today = dayKeyIn(now, timeZone);
  const base = scopeFilter(scope);
  const timed = { ...base, dueAt: opts.overdueOnly ? { $ne: null, $lte: now } : { $ne: null } };
  const [clocks, pausedClocks, dueSoon] = await Promise.all([
    CaseClockRow.find(timed).sort({ dueAt: 1, submittedAt: 1 }).limit(QUEUE_LIMIT + 1).lean(),
    opts.overdueOnly ? Promise.resolve([]) : CaseClockRow.find({ ...base, dueAt: null }).sort({ submittedAt: 1 }).limit(QUEUE_LIMIT).lean(),
    CaseClockRow.find({ ...base, dueAt: { $ne: null, $lte: endOfDay(today, timeZone) } }, { level: 1, districtCode: 1, dueAt: 1 }).lean(),
  ]);
  const toRow = (c: (typeof clocks)[number]): QueueRow => {
    const overdue = !!c.dueAt && c.dueAt.getTime() <= now.getTime();
    const left = c.dueDay ? (overdue ? -workingDaysBetween(c.dueDay, today, holidays) : workingDaysBetween(today, c.dueDay, holidays)) : null;
    return {
      id: String(c._id),
      trackingCode: c.trackingCode,
      category: c.category,
      level: c.level,
      districtCode: c.districtCode ?? null,
      tambonCode: c.tambonCode ?? null,
      status: c.status,
      stage: c.stage,
      dueDay: c.dueDay ?? null,
      overdue,
      dueToday: c.dueDay === today && !overdue,
      workingDaysLeft: left,
      escalated: !!c.escalatedDueDay,
      expedited: !!c.expeditedAt,
    };
  };
  const counts = new Map<string, DistrictCounts>();
  for (const c of dueSoon) {
    const key = c.level === "province" || !c.districtCode ? "province" : c.districtCode;
    const row = counts.get(key) ?? { key, dueToday: 0, overdue: 0 };
    if (c.dueAt!.getTime() <= now.getTime()) row.overdue += 1;
    else row.dueToday += 1;
    counts.set(key, row);
  }
  const list = [...counts.values()].sort((a, b) => b.overdue - a.overdue || b.dueToday - a.dueToday || a.key.localeCompare(b.key));
  return {
    rows: clocks.slice(0, QUEUE_LIMIT).map(toRow),
    paused: pausedClocks.map(toRow),
    counts: list,
    totals: { dueToday: list.reduce((a, c) => a + c.dueToday, 0), overdue: list.reduce((a, c) => a + c.overdue, 0) },
    truncated: clocks.length > QUEUE_LIMIT,
  };
}
