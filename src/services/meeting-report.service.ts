import { ForbiddenError, ValidationError } from "../errors";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import { MeetingReport, type MeetingReportDoc } from "../models/meeting-report.model";
import { occurrencesBetween } from "../util/recurrence";
import { monthKeyBE } from "../util/thai-date";
import { recurrenceOf } from "./reminder.service";
import { villageLabel } from "./village.service";

// After a village meeting the headman (or the tambon's kamnan) reports how many came
// and how many declared "ไม่รับ ไม่ให้". The pledge counts read MeetingReport by area
// and show these apart from individual LINE pledges.
/** A report can be given from the meeting's start until this many days later. */
export const REPORT_WINDOW_DAYS = 14;
/** A sanity bound for one village meeting. */
export const MAX_ATTENDANCE = 5000;

export interface ReportableMeeting {
  meeting: MeetingDoc;
  start: Date;
  tambonCode: string;
  villageNo: number;
  label: string;
}

interface Leader {
  lineUserId: string;
  role?: string | null;
  village?: { districtCode: string; tambonCode: string; villageNo: number } | null;
}

/**
 * Village meetings the leader may report: their village's (a kamnan: every village of the
 * tambon) that started within the window; only `occurrence` when given. Newest first.
 */
export async function findReportableMeetings(leader: Leader, now: Date, timeZone: string, occurrence?: Date): Promise<ReportableMeeting[]> {
  if ((leader.role !== "headman" && leader.role !== "kamnan") || !leader.village) {
    throw new ForbiddenError("only headmen and kamnan report meetings", "การรายงานผลการประชุมสำหรับผู้ใหญ่บ้านและกำนันที่ลงทะเบียนแล้วค่ะ หากท่านเป็นผู้ใหญ่บ้าน พิมพ์ \"ลงทะเบียนผู้ใหญ่บ้าน\" ตามด้วยรหัสจากอำเภอค่ะ");
  }
  const v = leader.village;
  const q: Record<string, unknown> = { state: "active", scope: "village", tambonCode: v.tambonCode };
  if (leader.role === "headman") q.villageNo = v.villageNo;
  const since = new Date(now.getTime() - REPORT_WINDOW_DAYS * 86_400_000);
  const out: ReportableMeeting[] = [];
  for (const meeting of await Meeting.find(q)) {
    for (const start of occurrencesBetween(recurrenceOf(meeting), since, new Date(now.getTime() + 1), timeZone)) {
      if (occurrence && start.getTime() !== occurrence.getTime()) continue;
      out.push({ meeting, start, tambonCode: meeting.tambonCode!, villageNo: meeting.villageNo!, label: villageLabel(meeting) });
    }
  }
  return out.sort((a, b) => b.start.getTime() - a.start.getTime());
}

/** "35", "๓๕", "35 คน" → 35; null when it is not a count. */
export function parseCount(text: string): number | null {
  const t = text.normalize("NFC").replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[,\s]|คน|ท่าน|ค่ะ|ครับ|คะ/g, "");
  if (!/^\d{1,5}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_ATTENDANCE ? n : null;
}

export interface ReportInput {
  meetingId: string;
  occurrenceStart: Date;
  tambonCode: string;
  villageNo: number;
  attendedCount: number;
  pledgedCount: number;
  reportedBy: string;
  reporterRole: "headman" | "kamnan" | "officer";
  now: Date;
  timeZone: string;
}

/** Stores (or replaces) the report of one meeting occurrence for one village. */
export async function recordMeetingReport(input: ReportInput): Promise<MeetingReportDoc> {
  const { attendedCount: a, pledgedCount: p } = input;
  if (!Number.isInteger(a) || a < 0 || a > MAX_ATTENDANCE) throw new ValidationError("attendedCount out of range", `จำนวนผู้เข้าประชุมต้องเป็นตัวเลข 0–${MAX_ATTENDANCE} ค่ะ`);
  if (!Number.isInteger(p) || p < 0 || p > a) throw new ValidationError("pledgedCount out of range", `จำนวนผู้ร่วมประกาศต้องไม่เกินจำนวนผู้เข้าประชุม (${a} คน) ค่ะ`);
  const meeting = await Meeting.findById(input.meetingId);
  if (!meeting) throw new ValidationError("meeting not found", "ไม่พบการประชุมนี้แล้วค่ะ");
  const reportKey = `${String(meeting._id)}|${input.occurrenceStart.toISOString()}|${input.tambonCode}-${input.villageNo}`;
  const doc = await MeetingReport.findOneAndUpdate(
    { reportKey },
    {
      $set: { attendedCount: a, pledgedCount: p, reportedBy: input.reportedBy, reporterRole: input.reporterRole, reportedAt: input.now },
      $setOnInsert: {
        reportKey,
        meetingId: meeting._id,
        occurrenceStart: input.occurrenceStart,
        districtCode: meeting.districtCode,
        tambonCode: input.tambonCode,
        villageNo: input.villageNo,
        monthKey: monthKeyBE(input.occurrenceStart, input.timeZone),
      },
    },
    { upsert: true, new: true },
  );
  return doc!;
}

export async function listMeetingReports(filter: { meetingId?: string; districtCode?: string; monthKey?: string } = {}): Promise<MeetingReportDoc[]> {
  const q: Record<string, string> = {};
  if (filter.meetingId) q.meetingId = String(filter.meetingId);
  if (filter.districtCode) q.districtCode = String(filter.districtCode);
  if (filter.monthKey) q.monthKey = String(filter.monthKey);
  return MeetingReport.find(q).sort({ occurrenceStart: -1 });
}

/** Meeting-reported totals by district: one $group with three sums. */
export async function reportedCountsByDistrict(): Promise<{ districtCode: string; attended: number; pledged: number; reports: number }[]> {
  const rows = await MeetingReport.aggregate<{ _id: string; attended: number; pledged: number; reports: number }>([
    { $group: { _id: "$districtCode", attended: { $sum: "$attendedCount" }, pledged: { $sum: "$pledgedCount" }, reports: { $sum: 1 } } },
    { $sort: { _id: 1 } },
  ]);
  return rows.map((r) => ({ districtCode: r._id, attended: r.attended, pledged: r.pledged, reports: r.reports }));
}
