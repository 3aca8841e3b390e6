import type { Types } from "mongoose";
import { NotFoundError } from "../../errors";
import type { MeetingDoc } from "../../models/meeting.model";
import { MeetingReport, type MeetingReportDoc } from "../../models/meeting-report.model";
import { getMeeting, listMeetings } from "../../services/meeting.service";
import { recurrenceOf } from "../../services/reminder.service";
import { nextOccurrence } from "../../util/recurrence";
import { inScope, type Scope } from "../auth/principal";

// Meetings as the dashboard reads them: always through the officer's scope.
// (Thin queries: meeting.service has no per-meeting report list or multi-district filter.)
export async function meetingInScope(scope: Scope, id: string): Promise<MeetingDoc> {
  const m = await getMeeting(id);
  if (!inScope(scope, m.districtCode)) throw new NotFoundError("meeting out of scope", "ไม่พบการประชุมนี้ค่ะ");
  return m;
}

export async function meetingsInScope(scope: Scope, district: string | undefined, includeCancelled: boolean): Promise<MeetingDoc[]> {
  if (district) return inScope(scope, district) ? listMeetings({ districtCode: district, includeCancelled }) : [];
  if (scope.all) return listMeetings({ includeCancelled });
  const lists = await Promise.all(scope.districts.map((d) => listMeetings({ districtCode: d, includeCancelled })));
  return lists.flat();
}

export function nextStart(m: MeetingDoc, now: Date, timeZone: string): Date | null {
  return m.state === "active" ? nextOccurrence(recurrenceOf(m), now, timeZone) : null;
}

export async function meetingReports(meetingId: Types.ObjectId): Promise<MeetingReportDoc[]> {
  return MeetingReport.find({ meetingId }).sort({ occurrenceStart: -1, tambonCode: 1, villageNo: 1 }).limit(500);
}
