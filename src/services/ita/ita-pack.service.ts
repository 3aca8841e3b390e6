import { getDistrict, getTambon } from "../../content/areas/areas";
import { COMPLAINT_CATEGORIES, Complaint, type ComplaintCategory, type ComplaintStatus } from "../../models/complaint.model";
import { Meeting } from "../../models/meeting.model";
import { MeetingReport } from "../../models/meeting-report.model";
import { Pledge } from "../../models/pledge.model";
import { monthKeyBE, zonedParts } from "../../util/thai-date";
import { campaignYearRange } from "../pledge.service";
import { ForbiddenError } from "../../errors";

// The ITA (OIT) evidence pack of one agency and fiscal year (issue 23), from what
// Sujarit already holds: the No Gift activities (village meetings with the pledge on
// their agenda, headmen's reports, LINE pledges) and complaint handling (statistics
// by quarter and category, days to close). Exact figures for officers; no case text,
// no names, no LINE ids: meetings are named by village, complaints only counted.

export const PROVINCE = "province";
export type Agency = typeof PROVINCE | string; // or a DOPA district code

export interface PackMeeting {
  occurrenceStart: Date;
  districtCode: string;
  tambon: string;
  villageNo: number;
  attended: number;
  pledged: number;
  photoIds: string[];
}

export interface PackTally {
  key: string;
  label: string;
  meetings: number;
  attended: number;
  pledged: number;
  linePledges: number;
}

export const PACK_STATUS_GROUPS = ["received", "in_progress", "referred", "resolved", "dismissed"] as const;
export type PackStatusGroup = (typeof PACK_STATUS_GROUPS)[number];

export interface ItaPack {
  agency: Agency;
  agencyName: string;
  campaignYear: number;
  generatedAt: Date;
  meetings: PackMeeting[];
  byDistrict: PackTally[];
  byMonth: PackTally[];
  /** [quarter 0–3][category] → counts of cases received in that quarter, by where they stand now. */
  complaintQuarters: Record<ComplaintCategory, Record<PackStatusGroup, number>>[];
  /** Cases closed (resolved or dismissed) in the year: count, median and 90th percentile of days from receipt. */
  closing: { closed: number; medianDays: number | null; p90Days: number | null };
}

const GROUP_OF: Record<ComplaintStatus, PackStatusGroup> = { received: "in_progress", under_review: "in_progress", referred: "referred", resolved: "resolved", dismissed: "dismissed" };

/** Officers see packs of their own districts; only admins see the province's. */
export function checkPackScope(agency: Agency, principal: { role: string; districts: readonly string[] }): void {
  if (principal.role === "admin") return;
  if (agency === PROVINCE || !principal.districts.includes(agency)) throw new ForbiddenError("this agency is outside your districts");
}

export function agencyName(agency: Agency): string {
  return agency === PROVINCE ? "จังหวัดขอนแก่น" : `อำเภอ${getDistrict(agency)?.nameTh ?? agency} จังหวัดขอนแก่น`;
}

/** Nearest-rank percentile of sorted numbers (p in 0–1). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function quarterOf(at: Date, startMonth: number, timeZone: string): number {
  return Math.floor(((zonedParts(at, timeZone).month - startMonth + 12) % 12) / 3);
}

export async function buildItaPack(o: { agency: Agency; campaignYear: number; startMonth: number; timeZone: string; now: Date }): Promise<ItaPack> {
  const { start, end } = campaignYearRange(o.campaignYear, o.startMonth, o.timeZone);
  const area = o.agency === PROVINCE ? {} : { districtCode: o.agency };
  const [reports, pledges] = await Promise.all([
    MeetingReport.find({ ...area, occurrenceStart: { $gte: start, $lt: end } }).sort({ occurrenceStart: 1 }).lean(),
    Pledge.aggregate<{ _id: { d: string; m: string }; n: number }>([
      { $match: { ...area, campaignYear: o.campaignYear, status: "active" } },
      { $group: { _id: { d: "$districtCode", m: "$monthKey" }, n: { $sum: 1 } } },
    ]),
  ]);
  const pledgeMeetings = new Set(
    (await Meeting.find({ _id: { $in: [...new Set(reports.map((r) => String(r.meetingId)))] } }, { agenda: 1 }).lean())
      .filter((m) => (m.agenda ?? []).some((a) => a.includes("ไม่รับ ไม่ให้")))
      .map((m) => String(m._id)),
  );
  const meetings: PackMeeting[] = reports
    .filter((r) => pledgeMeetings.has(String(r.meetingId)))
    .map((r) => ({
      occurrenceStart: r.occurrenceStart,
      districtCode: r.districtCode,
      tambon: getTambon(r.tambonCode)?.nameTh ?? r.tambonCode,
      villageNo: r.villageNo,
      attended: r.attendedCount,
      pledged: r.pledgedCount,
      photoIds: (r.photos ?? []).map((p) => String(p.fileId)),
    }));

  const tally = (map: Map<string, PackTally>, key: string, label: string) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = { key, label, meetings: 0, attended: 0, pledged: 0, linePledges: 0 }));
    return t;
  };
  const districts = new Map<string, PackTally>();
  const months = new Map<string, PackTally>();
  for (const m of meetings) {
    for (const t of [tally(districts, m.districtCode, getDistrict(m.districtCode)?.nameTh ?? m.districtCode), tally(months, monthKeyBE(m.occurrenceStart, o.timeZone), monthKeyBE(m.occurrenceStart, o.timeZone))]) {
      t.meetings++;
      t.attended += m.attended;
      t.pledged += m.pledged;
    }
  }
  for (const p of pledges) {
    tally(districts, p._id.d, getDistrict(p._id.d)?.nameTh ?? p._id.d).linePledges += p.n;
    tally(months, p._id.m, p._id.m).linePledges += p.n;
  }

  const emptyQuarter = () => Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, Object.fromEntries(PACK_STATUS_GROUPS.map((g) => [g, 0]))])) as ItaPack["complaintQuarters"][number];
  const complaintQuarters = [0, 1, 2, 3].map(emptyQuarter);
  const scope = o.agency === PROVINCE ? {} : { "routedTo.level": "district", "routedTo.districtCode": o.agency };
  const days: number[] = [];
  const cursor = Complaint.find({ ...scope, submittedAt: { $gte: start, $lt: end } }, { category: 1, status: 1, submittedAt: 1, "statusHistory.status": 1, "statusHistory.at": 1 }).lean().cursor();
  for await (const c of cursor) {
    const cell = complaintQuarters[quarterOf(c.submittedAt, o.startMonth, o.timeZone)]![c.category as ComplaintCategory];
    cell.received++;
    cell[GROUP_OF[c.status as ComplaintStatus]]++;
    if (c.status === "resolved" || c.status === "dismissed") {
      const closedAt = [...(c.statusHistory ?? [])].reverse().find((h) => h.status === c.status)?.at;
      if (closedAt) days.push((closedAt.getTime() - c.submittedAt.getTime()) / 86_400_000);
    }
  }
  days.sort((a, b) => a - b);
  const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    agency: o.agency,
    agencyName: agencyName(o.agency),
    campaignYear: o.campaignYear,
    generatedAt: o.now,
    meetings,
    byDistrict: [...districts.values()].sort((a, b) => a.key.localeCompare(b.key)),
    byMonth: [...months.values()].sort((a, b) => a.key.localeCompare(b.key)),
    complaintQuarters,
    closing: { closed: days.length, medianDays: round1(percentile(days, 0.5)), p90Days: round1(percentile(days, 0.9)) },
  };
}
