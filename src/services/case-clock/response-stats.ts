import type { Types } from "mongoose";
import { Complaint } from "../../models/complaint.model";
import { fiscalYearBE, zonedParts } from "../../util/thai-date";
import { dayKeyIn, workingDaysBetween } from "../../util/working-days";
import { holidaySet } from "../holiday.service";
import { clockOf, loadFacts, type ClockDeps } from "./clock-sync";

// Response times in public (issue 24 item 5, for the transparency page of the ITA
// issue): per district and fiscal quarter of submission, the median working days
// to the first response and to closing, and the share of cases whose first
// response came within its deadline. The same clock as the queue computes each
// case (compute-clock.ts).
//
// Small-count rule: a group of 1–4 cases shows its count as "<5" and no figures;
// a figure whose own base (cases answered, closed, or due) is 1–4 is withheld too,
// so no single case's timing can be read off. Cases sent to the province (they name
// a district office) are counted under "province", never under that district.
export const SMALL_COUNT = 5;

export interface ResponseTimeRow {
  /** A DOPA district code, or "province". */
  area: string;
  /** Thai fiscal year (BE) and its quarter: Q1 is October–December. */
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  cases: number | "<5";
  medianDaysToFirstResponse: number | null;
  medianDaysToClose: number | null;
  /** 0–1, of the cases answered or past their first-response deadline. */
  shareAnsweredInTime: number | null;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const shown = (n: number) => n >= SMALL_COUNT;

export function fiscalQuarter(at: Date, timeZone: string): { fiscalYear: number; quarter: 1 | 2 | 3 | 4 } {
  const month = zonedParts(at, timeZone).month;
  return { fiscalYear: fiscalYearBE(at, timeZone), quarter: (Math.floor(((month + 2) % 12) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export async function responseTimeStats(deps: ClockDeps, range: { from: Date; to: Date }, now: Date): Promise<ResponseTimeRow[]> {
  const tz = deps.config.timezone;
  const ids = (await Complaint.find({ submittedAt: { $gte: range.from, $lt: range.to } }, { _id: 1 }).lean()).map((c) => c._id as Types.ObjectId);
  const holidays = await holidaySet(now.getTime());
  const groups = new Map<string, { area: string; fiscalYear: number; quarter: 1 | 2 | 3 | 4; n: number; toFirst: number[]; toClose: number[]; due: number; inTime: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const f of await loadFacts(ids.slice(i, i + 500))) {
      const c = clockOf(deps, f, holidays, now);
      const area = f.routedTo.level === "district" && f.routedTo.districtCode ? f.routedTo.districtCode : "province";
      const q = fiscalQuarter(f.submittedAt, tz);
      const key = `${area}|${q.fiscalYear}|${q.quarter}`;
      const g = groups.get(key) ?? { area, ...q, n: 0, toFirst: [], toClose: [], due: 0, inTime: 0 };
      groups.set(key, g);
      g.n += 1;
      const submittedDay = dayKeyIn(f.submittedAt, tz);
      if (c.firstResponseAt) g.toFirst.push(workingDaysBetween(submittedDay, dayKeyIn(c.firstResponseAt, tz), holidays));
      if (c.closedAt) g.toClose.push(workingDaysBetween(submittedDay, dayKeyIn(c.closedAt, tz), holidays));
      const responseDay = c.firstResponseAt ? dayKeyIn(c.firstResponseAt, tz) : null;
      if (responseDay || dayKeyIn(now, tz) > c.firstResponseDueDay) {
        g.due += 1;
        if (responseDay && responseDay <= c.firstResponseDueDay) g.inTime += 1;
      }
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.fiscalYear - b.fiscalYear || a.quarter - b.quarter || a.area.localeCompare(b.area))
    .map((g) => {
      const big = shown(g.n);
      return {
        area: g.area,
        fiscalYear: g.fiscalYear,
        quarter: g.quarter,
        cases: big ? g.n : "<5",
        medianDaysToFirstResponse: big && shown(g.toFirst.length) ? median(g.toFirst) : null,
        medianDaysToClose: big && shown(g.toClose.length) ? median(g.toClose) : null,
        shareAnsweredInTime: big && shown(g.due) ? g.inTime / g.due : null,
      };
    });
}
