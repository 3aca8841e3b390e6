import { listDistricts } from "../../content/areas/areas";
import { COMPLAINT_CATEGORIES, Complaint, type ComplaintStatus } from "../../models/complaint.model";
import { Meeting } from "../../models/meeting.model";
import { MeetingReport } from "../../models/meeting-report.model";
import { Pledge } from "../../models/pledge.model";
import { zonedDateTimeToUtc, zonedParts } from "../../util/thai-date";
import { campaignYearOf, campaignYearRange } from "../pledge.service";

// The exact figures behind the public transparency page and the open data: counted
// straight from the collections for one campaign (fiscal) year. Never published as
// they are: transparency.service.ts applies the small-count rule first. No names,
// texts, LINE ids or phone numbers are read here, only codes, counts and dates.

export const CLOSED_STATUSES: readonly ComplaintStatus[] = ["resolved", "dismissed"];
/** The row for complaints whose place names no district (province-routed, place unknown). */
export const NO_DISTRICT = "0000";

export interface TransparencyFigures {
  campaignYear: number;
  /** Quarter starts (4), the first being the campaign year's start. */
  quarterStarts: Date[];
  /** Row keys of the district tables: the 26 districts' DOPA codes, then NO_DISTRICT. */
  districtCodes: string[];
  pledgesLine: number[];
  pledgesMeetings: number[];
  meetingsHeld: number[];
  meetingsAttended: number[];
  /** [district][quarter] */
  received: number[][];
  closed: number[][];
  /** [category][quarter], categories in COMPLAINT_CATEGORIES order. */
  receivedByCategory: number[][];
  closedByCategory: number[][];
}

export interface FigureOptions {
  now: Date;
  startMonth: number;
  timeZone: string;
}

function quarterIndex(at: Date, start: Date, timeZone: string, startMonth: number): number {
  if (at < start) return -1;
  const p = zonedParts(at, timeZone);
  const months = (p.month - startMonth + 12) % 12;
  return Math.floor(months / 3);
}

const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

export async function countTransparencyFigures(o: FigureOptions): Promise<TransparencyFigures> {
  const campaignYear = campaignYearOf(o.now, o.startMonth, o.timeZone);
  const { start, end } = campaignYearRange(campaignYear, o.startMonth, o.timeZone);
  const districtCodes = [...listDistricts().map((d) => d.code), NO_DISTRICT];
  const row = new Map(districtCodes.map((c, i) => [c, i]));
  const rowOf = (code: string | null | undefined) => row.get(code ?? NO_DISTRICT) ?? row.get(NO_DISTRICT)!;
  const quarterOf = (at: Date) => quarterIndex(at, start, o.timeZone, o.startMonth);
  const f: TransparencyFigures = {
    campaignYear,
    quarterStarts: quarterStartsOf(start, o),
    districtCodes,
    pledgesLine: new Array(districtCodes.length).fill(0),
    pledgesMeetings: new Array(districtCodes.length).fill(0),
    meetingsHeld: new Array(districtCodes.length).fill(0),
    meetingsAttended: new Array(districtCodes.length).fill(0),
    received: zeros(districtCodes.length, 4),
    closed: zeros(districtCodes.length, 4),
    receivedByCategory: zeros(COMPLAINT_CATEGORIES.length, 4),
    closedByCategory: zeros(COMPLAINT_CATEGORIES.length, 4),
  };

  const [pledges, reports] = await Promise.all([
    Pledge.aggregate<{ _id: string; n: number }>([{ $match: { campaignYear, status: "active" } }, { $group: { _id: "$districtCode", n: { $sum: 1 } } }]),
    MeetingReport.find({ occurrenceStart: { $gte: start, $lt: end } }, { meetingId: 1, districtCode: 1, attendedCount: 1, pledgedCount: 1 }).lean(),
  ]);
  for (const p of pledges) f.pledgesLine[rowOf(p._id)]! += p.n;

  // Meetings held with the pledge on their agenda (the default for every meeting).
  const meetingIds = [...new Set(reports.map((r) => String(r.meetingId)))];
  const withPledge = new Set(
    (await Meeting.find({ _id: { $in: meetingIds } }, { agenda: 1 }).lean())
      .filter((m) => (m.agenda ?? []).some((a) => a.includes("ไม่รับ ไม่ให้")))
      .map((m) => String(m._id)),
  );
  for (const r of reports) {
    if (!withPledge.has(String(r.meetingId))) continue;
    const i = rowOf(r.districtCode);
    f.meetingsHeld[i]!++;
    f.meetingsAttended[i]! += r.attendedCount;
    f.pledgesMeetings[i]! += r.pledgedCount;
  }

  const category = new Map(COMPLAINT_CATEGORIES.map((c, i) => [c as string, i]));
  const fields = { category: 1, "where.districtCode": 1, "routedTo.districtCode": 1, submittedAt: 1, status: 1, "statusHistory.status": 1, "statusHistory.at": 1 };
  const received = Complaint.find({ submittedAt: { $gte: start, $lt: end } }, fields).lean().cursor();
  for await (const c of received) {
    const q = quarterOf(c.submittedAt);
    if (q < 0 || q > 3) continue;
    f.received[rowOf(c.where?.districtCode ?? c.routedTo?.districtCode)]![q]!++;
    f.receivedByCategory[category.get(c.category) ?? COMPLAINT_CATEGORIES.length - 1]![q]!++;
  }
  const closed = Complaint.find({ status: { $in: CLOSED_STATUSES } }, fields).lean().cursor();
  for await (const c of closed) {
    const last = [...(c.statusHistory ?? [])].reverse().find((h) => h.status === c.status);
    const at = last?.at ?? null;
    if (!at || at < start || at >= end) continue;
    const q = quarterOf(at);
    f.closed[rowOf(c.where?.districtCode ?? c.routedTo?.districtCode)]![q]!++;
    f.closedByCategory[category.get(c.category) ?? COMPLAINT_CATEGORIES.length - 1]![q]!++;
  }
  return f;
}

/** Local midnight on the first day of each quarter of the campaign year. */
function quarterStartsOf(start: Date, o: FigureOptions): Date[] {
  const p = zonedParts(start, o.timeZone);
  return [0, 3, 6, 9].map((add) => {
    const m = p.month - 1 + add;
    return zonedDateTimeToUtc({ year: p.year + Math.floor(m / 12), month: (m % 12) + 1, day: 1, hour: 0, minute: 0 }, o.timeZone);
  });
}
