import { createHash } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import { leadTimeLabel, meetingReminderFlex, occurrenceParam } from "../../flex-messages/meeting-reminder.flex";
import type { MeetingDoc } from "../models/meeting.model";
import type { ReminderDoc } from "../models/reminder.model";
import { PLEDGE_SCRIPT } from "./meeting.service";
import { loadMemberIndex, type MemberIndex } from "./reminder-members";

// Who receives a reminder, and what they receive. Two audiences per reminder:
//   leaders   — the village's headman and the tambon's kamnan (district meetings: every
//               headman and kamnan of the district), with the pledge script and "รายงานผล";
//   residents — members of the village who opted in ("แจ้งเตือนประชุม").
// Unfollowed members are left out here (and again by the outbox on a retry).
export interface Audience {
  reminder: ReminderDoc;
  kind: "leader" | "resident";
  messages: messagingApi.Message[];
  /** sha256 of the messages: equal content → one shared multicast batch. */
  contentHash: string;
  recipients: string[];
}

function hashMessages(messages: messagingApi.Message[]): string {
  return createHash("sha256").update(JSON.stringify(messages)).digest("hex").slice(0, 20);
}

export function reminderMessages(meeting: MeetingDoc, reminder: ReminderDoc, kind: "leader" | "resident", timeZone: string): messagingApi.Message[] {
  return [
    meetingReminderFlex({
      title: meeting.title,
      start: reminder.occurrenceStart,
      timeZone,
      place: meeting.place,
      agenda: meeting.agenda,
      leadTime: leadTimeLabel(reminder.offset),
      audience: kind,
      pledgeScript: PLEDGE_SCRIPT,
      occurrenceParam: occurrenceParam(reminder.occurrenceStart),
      offsetKey: reminder.offset,
    }),
  ];
}

/** The audiences of each reminder, recipients sorted (a stable order for the chunk plan). */
export async function buildAudiences(items: { reminder: ReminderDoc; meeting: MeetingDoc }[], timeZone: string, members?: MemberIndex): Promise<Audience[]> {
  const { byTambon, leadersByDistrict } = members ?? (await loadMemberIndex(items.map((i) => i.reminder)));
  const out: Audience[] = [];
  // Villages that share title, place, agenda and time build the same message: build it once.
  const built = new Map<string, { messages: messagingApi.Message[]; contentHash: string }>();
  const messagesFor = (meeting: MeetingDoc, reminder: ReminderDoc, kind: "leader" | "resident") => {
    const key = JSON.stringify([kind, meeting.title, meeting.place, meeting.agenda, reminder.occurrenceStart.getTime(), reminder.offset]);
    let b = built.get(key);
    if (!b) {
      const messages = reminderMessages(meeting, reminder, kind, timeZone);
      b = { messages, contentHash: hashMessages(messages) };
      built.set(key, b);
    }
    return b;
  };
  for (const { reminder, meeting } of items) {
    // The reminder's village looked up, not its tambon's members scanned with a
    // mongoose getter per member (2.4 M reads on the province: this loop and the
    // batches took 720 ms after the read, now about 120 ms).
    let leaders: string[] = [];
    let residents: string[] = [];
    if (reminder.scope === "district") {
      leaders = leadersByDistrict.get(reminder.districtCode) ?? [];
    } else {
      const tambon = byTambon.get(reminder.tambonCode!);
      const village = tambon?.villages.get(reminder.villageNo!);
      leaders = [...(tambon?.kamnans ?? []), ...(village?.headmen ?? [])];
      residents = village?.residents ?? [];
    }
    for (const [kind, recipients] of [["leader", leaders], ["resident", residents]] as const) {
      if (recipients.length === 0) continue;
      out.push({ reminder, kind, ...messagesFor(meeting, reminder, kind), recipients: [...new Set(recipients)].sort() });
    }
  }
  return out;
}
