import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, REFERRAL_TARGETS } from "../models/complaint.model";
import { REMINDER_STATES } from "../models/reminder.model";
import { ANNOUNCEMENT_SCHEMAS } from "./openapi-announcements";

// JSON Schemas (OpenAPI 3.0 dialect) of every /api answer and body. Objects are
// closed (additionalProperties: false): the API test validates real answers
// against these, so a field added without documenting it fails the build.
type S = Record<string, unknown>;

const ref = (name: string): S => ({ $ref: `#/components/schemas/${name}` });
const str: S = { type: "string" };
const int: S = { type: "integer" };
const num: S = { type: "number" };
const bool: S = { type: "boolean" };
const dateTime: S = { type: "string", format: "date-time" };
const arr = (items: S): S => ({ type: "array", items });
const enumOf = (values: readonly string[]): S => ({ type: "string", enum: [...values] });
const countsOf = (keys: readonly string[]): S => obj(Object.fromEntries(keys.map((k) => [k, int])));

/** A closed object; every property is required unless listed in `optional`. */
export function obj(props: Record<string, S>, optional: string[] = []): S {
  const required = Object.keys(props).filter((k) => !optional.includes(k));
  return { type: "object", properties: props, ...(required.length ? { required } : {}), additionalProperties: false };
}

const actor = obj({ kind: str, id: str }, ["id"]);
const time = { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" };
const day = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };

const summaryProps: Record<string, S> = {
  id: str, trackingCode: str, category: enumOf(COMPLAINT_CATEGORIES), categoryLabel: str, status: enumOf(COMPLAINT_STATUSES), statusLabel: str,
  routedLevel: enumOf(["district", "province"]), districtCode: str, areaText: str, anonymous: bool, evidenceCount: int, awaitingReporter: bool,
  submittedAt: dateTime, updatedAt: dateTime,
};

export const SCHEMAS: Record<string, S> = {
  Error: obj({ error: str, message: str, lines: arr(obj({ line: int, message: str })) }, ["lines"]),
  Me: obj({ id: str, username: str, role: enumOf(["admin", "officer", "viewer"]), districts: arr(str) }),
  ComplaintSummary: obj(summaryProps, ["districtCode"]),
  ComplaintPage: obj({ items: arr(ref("ComplaintSummary")), total: int, page: int, pageSize: int, countsByStatus: countsOf(COMPLAINT_STATUSES) }),
  Complaint: obj(
    {
      ...summaryProps,
      what: str,
      who: str,
      where: obj(
        { districtCode: str, districtName: str, tambonCode: str, tambonName: str, villageNo: int, location: obj({ latitude: num, longitude: num, title: str, address: str }, ["title", "address"]) },
        ["districtCode", "districtName", "tambonCode", "tambonName", "villageNo", "location"],
      ),
      when: obj({ date: str, text: str, unsure: bool }, ["date", "text"]),
      whenText: str,
      routedTo: obj({ level: enumOf(["district", "province"]), districtCode: str, reason: str }, ["districtCode", "reason"]),
      referredTo: enumOf(REFERRAL_TARGETS),
      referredAgency: str,
      evidence: arr(obj({ fileId: str, contentType: str, size: int })),
      identityAvailable: bool,
      reporterReachable: bool,
      lastReporterMessageAt: dateTime,
      statusHistory: arr(obj({ id: str, status: enumOf(COMPLAINT_STATUSES), statusLabel: str, at: dateTime, note: str, actor, referredTo: enumOf(REFERRAL_TARGETS), referredAgency: str }, ["referredTo", "referredAgency"])),
      thread: arr(obj({ id: str, at: dateTime, from: enumOf(["officer", "reporter"]), text: str, expectsReply: bool, actor }, ["actor"])),
      internalNotes: arr(obj({ id: str, at: dateTime, actor, text: str })),
    },
    ["districtCode", "who", "referredTo", "referredAgency", "lastReporterMessageAt"],
  ),
  ComplaintExportRow: obj({
    trackingCode: str, submittedAt: str, submittedAtThai: str, category: str, status: str, referredTo: str, routedLevel: str, area: str, latitude: str, longitude: str,
    who: str, what: str, when: str, evidenceCount: int, anonymous: bool, lastUpdateAt: str, lastUpdateNote: str, reporterName: str, reporterPhone: str,
  }),
  ReporterIdentity: obj({ name: str, phone: str }),
  StatusChange: obj({ to: enumOf(COMPLAINT_STATUSES), note: str, referredTo: enumOf(REFERRAL_TARGETS), referredAgency: str, expectedStatus: enumOf(COMPLAINT_STATUSES) }, ["referredTo", "referredAgency", "expectedStatus"]),
  NoteInput: obj({ text: str }),
  MessageInput: obj({ text: str, expectsReply: bool }, ["expectsReply"]),
  Recurrence: {
    oneOf: [
      obj({ kind: enumOf(["once"]), date: day, time }),
      obj({ kind: enumOf(["monthly-day"]), day: { type: "integer", minimum: 1, maximum: 31 }, time, from: day, until: day }, ["from", "until"]),
      obj({ kind: enumOf(["monthly-weekday"]), nth: { type: "integer", enum: [1, 2, 3, 4, -1] }, weekday: { type: "integer", minimum: 0, maximum: 6 }, time, from: day, until: day }, ["from", "until"]),
    ],
  },
  Meeting: obj(
    {
      id: str, scope: enumOf(["village", "district"]), districtCode: str, tambonCode: str, villageNo: int, title: str, place: str, agenda: arr(str),
      recurrence: ref("Recurrence"), durationMinutes: int, state: enumOf(["active", "cancelled"]), cancelledAt: dateTime, nextStart: dateTime,
    },
    ["tambonCode", "villageNo", "cancelledAt", "nextStart"],
  ),
  MeetingList: obj({ items: arr(ref("Meeting")) }),
  MeetingCreate: obj(
    { scope: enumOf(["village", "district"]), tambonCode: str, villageNo: int, districtCode: str, title: str, place: str, agenda: arr(str), includePledge: bool, recurrence: ref("Recurrence"), durationMinutes: int },
    ["tambonCode", "villageNo", "districtCode", "title", "agenda", "includePledge", "durationMinutes"],
  ),
  MeetingPatch: obj({ title: str, place: str, agenda: arr(str), recurrence: ref("Recurrence"), durationMinutes: int }, ["title", "place", "agenda", "recurrence", "durationMinutes"]),
  ReminderLog: obj({
    items: arr(
      obj(
        {
          reminderId: str, occurrenceStart: dateTime, offset: str, dueAt: dateTime, state: enumOf(REMINDER_STATES), reason: str, sentAt: dateTime, lateByMs: int, recipientCount: int, acknowledged: int,
          attempts: arr(obj({ at: dateTime, chunkKey: str, recipients: int, status: int, outcome: str, requestId: str, error: str }, ["status", "requestId", "error"])),
        },
        ["reason", "sentAt", "lateByMs", "recipientCount"],
      ),
    ),
  }),
  MeetingReports: obj({
    items: arr(obj({ occurrenceStart: dateTime, districtCode: str, tambonCode: str, villageNo: int, attendedCount: int, pledgedCount: int, reporterRole: str, reportedAt: dateTime, monthKey: str })),
  }),
  ImportResult: obj({ imported: int, batchId: str }),
  HeadmanCodeInput: obj({ tambonCode: str, villageNo: int, role: enumOf(["headman", "kamnan"]) }, ["role"]),
  HeadmanCode: obj({ code: str, role: enumOf(["headman", "kamnan"]), districtCode: str, tambonCode: str, villageNo: int, expiresAt: dateTime }),
  PledgeStats: obj({
    campaignYear: int,
    totals: obj({ linePledges: int, meetingPledged: int, meetingAttended: int, meetingReports: int, numbersIssued: int }),
    districts: arr(obj({ districtCode: str, nameTh: str, linePledges: int, meetingPledged: int, meetingAttended: int, meetingReports: int, members: int, perThousandMembers: { type: "number", nullable: true } })),
  }),
  ComplaintStats: obj({ months: arr(obj({ monthKey: str, total: int, byStatus: countsOf(COMPLAINT_STATUSES), byCategory: countsOf(COMPLAINT_CATEGORIES) })) }),
  Coverage: obj({ monthKey: str, districts: arr(obj({ districtCode: str, nameTh: str, villages: int, reported: int, share: { type: "number", nullable: true } })) }),
  AuditPage: obj({
    items: arr(obj({ id: str, at: dateTime, actor, action: str, complaintId: str, detail: { type: "object" } }, ["complaintId", "detail"])),
    total: int,
    page: int,
    pageSize: int,
  }),
  ...ANNOUNCEMENT_SCHEMAS,
};
