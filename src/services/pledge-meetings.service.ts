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

/**
 * Meeting-reported counts of one campaign year, per village. Reports carry the BE
 * month of the meeting (monthKey), so the year is a $match on twelve keys and the
 * three sums are one $group.
 */
export async function meetingCountsByVillage(campaignYear: number, startMonth: number): Promise<MeetingVillageCount[]> {
  if (campaignYear < BUDDHIST_ERA_OFFSET) throw new RangeError(`campaign years are BE, got ${campaignYear}`);
  const rows = await MeetingReport.aggregate<{ _id: VillageKey; pledged: number; attended: number; reports: number }>([
    { $match: { monthKey: { $in: campaignMonthKeys(campaignYear, startMonth) } } },
    {
      $group: {
        _id: { d: "$districtCode", t: "$tambonCode", v: "$villageNo" },
        pledged: { $sum: "$pledgedCount" },
        attended: { $sum: "$attendedCount" },
        reports: { $sum: 1 },
      },
    },
  ]);
  return rows.map((r) => ({ districtCode: r._id.d, tambonCode: r._id.t, villageNo: r._id.v, pledged: r.pledged, attended: r.attended, reports: r.reports }));
}
