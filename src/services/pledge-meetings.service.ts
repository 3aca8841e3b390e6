import { MeetingReport } from "../models/meeting-report.model";
import { BUDDHIST_ERA_OFFSET } from "../util/thai-date";

// Pledges declared together at village meetings, as headmen report them after the
// meeting (MeetingReport, the meetings issue). They are counted here by village and
// always shown apart from individual LINE pledges: the same person may do both.
export interface MeetingVillageCount {
  districtCode: string;
  tambonCode: string;
  villageNo: number;
  pledged: number;
  attended: number;
  reports: number;
}

/** The twelve "BE-MM" month keys of a campaign year that starts in startMonth and is named by the year it ends in. */
export function campaignMonthKeys(campaignYear: number, startMonth: number): string[] {
  const keys: string[] = [];
  let year = startMonth > 1 ? campaignYear - 1 : campaignYear;
  let month = startMonth;
  for (let i = 0; i < 12; i++) {
    keys.push(`${year}-${String(month).padStart(2, "0")}`);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return keys;
}

type VillageKey = { d: string; t: string; v: number };

/** One $sum per pipeline: FerretDB 1.24 returns 0 for every accumulator after the first in a $group. */
async function sumByVillage(match: Record<string, unknown>, value: string | 1): Promise<{ _id: VillageKey; n: number }[]> {
  return MeetingReport.aggregate<{ _id: VillageKey; n: number }>([
    { $match: match },
    { $group: { _id: { d: "$districtCode", t: "$tambonCode", v: "$villageNo" }, n: { $sum: value } } },
  ]);
}

/**
 * Meeting-reported counts of one campaign year, per village. Reports carry the BE
 * month of the meeting (monthKey), so the year is a $match on twelve keys and the
 * sums are $group: nothing FerretDB lacks.
 */
export async function meetingCountsByVillage(campaignYear: number, startMonth: number): Promise<MeetingVillageCount[]> {
  if (campaignYear < BUDDHIST_ERA_OFFSET) throw new RangeError(`campaign years are BE, got ${campaignYear}`);
  const match = { monthKey: { $in: campaignMonthKeys(campaignYear, startMonth) } };
  const [pledged, attended, reports] = await Promise.all([
    sumByVillage(match, "$pledgedCount"),
    sumByVillage(match, "$attendedCount"),
    sumByVillage(match, 1),
  ]);
  const rows = new Map<string, MeetingVillageCount>();
  const row = (k: VillageKey): MeetingVillageCount => {
    const key = `${k.t}_${k.v}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { districtCode: k.d, tambonCode: k.t, villageNo: k.v, pledged: 0, attended: 0, reports: 0 }));
    return r;
  };
  for (const r of pledged) row(r._id).pledged = r.n;
  for (const r of attended) row(r._id).attended = r.n;
  for (const r of reports) row(r._id).reports = r.n;
  return [...rows.values()];
}
