import type { Types } from "mongoose";
import { NotFoundError } from "../../errors";
import type { MeetingDoc } from "../../models/meeting.model";
import type { MeetingReportDoc } from "../../models/meeting-report.model";
import { listMeetingReports } from "../../services/meeting-report.service";
import { getMeeting, listMeetings } from "../../services/meeting.service";
import { recurrenceOf } from "../../services/reminder.service";
import { nextOccurrence } from "../../util/recurrence";
import { inScope, type Scope } from "../auth/principal";

// Meetings as the dashboard reads them: always through the officer's scope.
// (Thin query: meeting.service has no multi-district filter.)
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
  return listMeetingReports({ meetingId: String(meetingId) });
}
