import { getDistrict, getTambon, listDistricts, listTambons } from "../content/areas/areas";
import { Member } from "../models/member.model";
import { readDistrictTally, readYearTally } from "./pledge-tally.service";
import { meetingCountsByVillage, type MeetingVillageCount } from "./pledge-meetings.service";
import { StaleCache } from "./pledge-stats-cache";

// Pledge counts for the chat ("ยอดผู้ประกาศเจตนารมณ์") and the officer dashboard.
// Individual LINE pledges come from the running counters (pledge-tally.service.ts);
// pledges reported by headmen after village meetings are kept in separate fields and
// never added into the LINE figures. Member and meeting counts need a $group over a
// whole collection, so they are cached for a minute
// (stale-while-revalidate); pass { fresh: true } to read them now.
export interface PledgeStatsOptions {
  /** Read member and meeting counts now instead of from the cache. */
  fresh?: boolean;
  /** config.campaignYearStartMonth; meeting reports are assigned to years by their month. Default 10 (October). */
  yearStartMonth?: number;
}

export interface AreaCounts {
  /** Active individual pledges made in LINE. */
  linePledges: number;
  /** People who pledged at village meetings, as reported by headmen. */
  meetingPledged: number;
  meetingAttended: number;
  meetingReports: number;
}

export interface AreaPledgeStats extends AreaCounts {
  level: "district" | "tambon" | "village";
  districtCode: string;
  tambonCode?: string;
  villageNo?: number;
  /** Thai name: district or tambon without prefix, "หมู่ที่ N" for a village. */
  nameTh: string;
}

export interface DistrictPledgeStats extends AreaPledgeStats {
  level: "district";
  /** Followed members whose village is in the district. */
  members: number;
  /** LINE pledges per 1,000 members; null when the district has too few members to compare. */
  perThousandMembers: number | null;
}

export interface PledgeTotals extends AreaCounts {
  campaignYear: number;
  /** Pledge numbers issued so far, withdrawn ones included. */
  numbersIssued: number;
}

export type RankingOrder = "count" | "perThousand";

export interface RankedDistrict extends DistrictPledgeStats {
  rank: number;
}

/** Fewer members than this and a rate per 1,000 says more about chance than about the district. */
export const MIN_MEMBERS_FOR_RATE = 10;
const CACHE_TTL_MS = 60_000;
/** The Thai government fiscal year starts in October (thai.md §7). */
const DEFAULT_YEAR_START_MONTH = 10;

const memberCache = new StaleCache<Record<string, number>>(CACHE_TTL_MS);
const meetingCache = new StaleCache<MeetingVillageCount[]>(CACHE_TTL_MS);

/** Forgets cached member and meeting counts (tests; after an import). */
export function clearPledgeStatsCache(): void {
  memberCache.clear();
  meetingCache.clear();
}

async function countMembersByDistrict(): Promise<Record<string, number>> {
  const rows = await Member.aggregate<{ _id: string | null; n: number }>([
    { $match: { followed: true, "village.districtCode": { $exists: true } } },
    { $group: { _id: "$village.districtCode", n: { $sum: 1 } } },
  ]);
  return Object.fromEntries(rows.filter((r) => r._id).map((r) => [r._id as string, r.n]));
}

const membersByDistrict = (opts: PledgeStatsOptions) => memberCache.get("members", countMembersByDistrict, opts.fresh);
const meetingRows = (campaignYear: number, opts: PledgeStatsOptions) => {
  const startMonth = opts.yearStartMonth ?? DEFAULT_YEAR_START_MONTH;
  return meetingCache.get(`${campaignYear}/${startMonth}`, () => meetingCountsByVillage(campaignYear, startMonth), opts.fresh);
};

const noMeetings = (): Omit<AreaCounts, "linePledges"> => ({ meetingPledged: 0, meetingAttended: 0, meetingReports: 0 });

function addMeeting(into: Omit<AreaCounts, "linePledges">, r: MeetingVillageCount): void {
  into.meetingPledged += r.pledged;
  into.meetingAttended += r.attended;
  into.meetingReports += r.reports;
}

function perThousand(pledges: number, members: number): number | null {
  return members >= MIN_MEMBERS_FOR_RATE ? Math.round((pledges / members) * 10_000) / 10 : null;
}

/** All 26 districts (Thai order), with LINE pledges, meeting-reported pledges and members. */
export async function pledgeCountsByDistrict(campaignYear: number, opts: PledgeStatsOptions = {}): Promise<DistrictPledgeStats[]> {
  const [tally, members, meetings] = await Promise.all([readYearTally(campaignYear), membersByDistrict(opts), meetingRows(campaignYear, opts)]);
  const byDistrict = new Map(listDistricts().map((d) => [d.code, noMeetings()]));
  for (const r of meetings) {
    const m = byDistrict.get(r.districtCode);
    if (m) addMeeting(m, r);
  }
  return listDistricts().map((d) => {
    const linePledges = tally.districts[d.code] ?? 0;
    const m = members[d.code] ?? 0;
    return {
      level: "district",
      districtCode: d.code,
      nameTh: d.nameTh,
      linePledges,
      ...byDistrict.get(d.code)!,
      members: m,
      perThousandMembers: perThousand(linePledges, m),
    };
  });
}

/**
 * Counts one level down from the given area: {} → districts, { districtCode } → every
 * tambon of the district, { tambonCode } → the villages that have any pledge or report.
 */
export async function pledgeCountsByArea(
  campaignYear: number,
  area: { districtCode?: string; tambonCode?: string } = {},
  opts: PledgeStatsOptions = {},
): Promise<AreaPledgeStats[]> {
  if (area.tambonCode) return villageCounts(campaignYear, area.tambonCode, opts);
  if (area.districtCode) return tambonCounts(campaignYear, area.districtCode, opts);
  return pledgeCountsByDistrict(campaignYear, opts);
}

async function tambonCounts(campaignYear: number, districtCode: string, opts: PledgeStatsOptions): Promise<AreaPledgeStats[]> {
  if (!getDistrict(districtCode)) return [];
  const [tally, meetings] = await Promise.all([readDistrictTally(campaignYear, districtCode), meetingRows(campaignYear, opts)]);
  return listTambons(districtCode).map((t) => {
    const m = noMeetings();
    for (const r of meetings) if (r.tambonCode === t.code) addMeeting(m, r);
    return { level: "tambon", districtCode, tambonCode: t.code, nameTh: t.nameTh, linePledges: tally.tambons[t.code] ?? 0, ...m };
  });
}

async function villageCounts(campaignYear: number, tambonCode: string, opts: PledgeStatsOptions): Promise<AreaPledgeStats[]> {
  const tambon = getTambon(tambonCode);
  if (!tambon) return [];
  const [tally, meetings] = await Promise.all([readDistrictTally(campaignYear, tambon.districtCode), meetingRows(campaignYear, opts)]);
  const villages = new Map<number, AreaPledgeStats>();
  const row = (villageNo: number): AreaPledgeStats => {
    let v = villages.get(villageNo);
    if (!v) {
      v = { level: "village", districtCode: tambon.districtCode, tambonCode, villageNo, nameTh: `หมู่ที่ ${villageNo}`, linePledges: 0, ...noMeetings() };
      villages.set(villageNo, v);
    }
    return v;
  };
  for (const [key, n] of Object.entries(tally.villages)) {
    const [t, v] = key.split("_");
    if (t === tambonCode && n > 0) row(Number(v)).linePledges = n;
  }
  for (const r of meetings) if (r.tambonCode === tambonCode) addMeeting(row(r.villageNo), r);
  return [...villages.values()].sort((a, b) => a.villageNo! - b.villageNo!);
}

/** Province totals for the campaign year. */
export async function pledgeTotals(campaignYear: number, opts: PledgeStatsOptions = {}): Promise<PledgeTotals> {
  const [tally, meetings] = await Promise.all([readYearTally(campaignYear), meetingRows(campaignYear, opts)]);
  const m = noMeetings();
  for (const r of meetings) addMeeting(m, r);
  return { campaignYear, numbersIssued: tally.seq, linePledges: tally.total, ...m };
}

const thai = new Intl.Collator("th");

/** Ranks districts by LINE pledges, or per 1,000 members (districts without a rate go last, by count). */
export function rankDistricts(rows: readonly DistrictPledgeStats[], by: RankingOrder): RankedDistrict[] {
  const sorted = [...rows].sort((a, b) => {
    if (by === "perThousand") {
      const ra = a.perThousandMembers ?? -1;
      const rb = b.perThousandMembers ?? -1;
      if (ra !== rb) return rb - ra;
    }
    return b.linePledges - a.linePledges || thai.compare(a.nameTh, b.nameTh);
  });
  return sorted.map((r, i) => ({ ...r, rank: i + 1 }));
}

/** The district ranking shown in chat and on the dashboard. */
export async function districtRanking(campaignYear: number, by: RankingOrder, opts: PledgeStatsOptions = {}): Promise<RankedDistrict[]> {
  return rankDistricts(await pledgeCountsByDistrict(campaignYear, opts), by);
}
