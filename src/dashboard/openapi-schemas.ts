import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, REFERRAL_TARGETS } from "../models/complaint.model";
import { REMINDER_STATES } from "../models/reminder.model";
import { listDistricts, listTambons } from "../content/areas/areas";
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
const day = { type: "string", format: "date", pattern: "^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
// Inputs say exactly what the server takes (api/api-input.ts), so a request that
// fits the schema is accepted and one that does not is refused (schemathesis, all checks).
/** Text the server keeps after trimming: at least one character that is not white space. */
const text = (max: number): S => ({ type: "string", minLength: 1, maxLength: max, pattern: "[^\\s\\ufeff\\u0000]" });
/** Khon Kaen's DOPA codes (content/areas): an unknown one is refused. */
export const DISTRICT_CODES = listDistricts().map((d) => d.code).sort();
export const TAMBON_CODES = listDistricts().flatMap((d) => listTambons(d.code).map((t) => t.code)).sort();
const districtCode: S = { type: "string", enum: DISTRICT_CODES };
const tambonCode: S = { type: "string", enum: TAMBON_CODES };
const villageNo: S = { type: "integer", minimum: 1, maximum: 99 };
const duration: S = { type: "integer", minimum: 15, maximum: 720 };
const agenda: S = { type: "array", items: text(200), maxItems: 10 };

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
  // Referring names where to (and the agency when it is "agency"); other moves name no target.
  StatusChange: {
    oneOf: [
      obj({ to: enumOf(["referred"]), note: text(2000), referredTo: enumOf(REFERRAL_TARGETS.filter((t) => t !== "agency")), expectedStatus: enumOf(COMPLAINT_STATUSES) }, ["expectedStatus"]),
      obj({ to: enumOf(["referred"]), note: text(2000), referredTo: enumOf(["agency"]), referredAgency: text(200), expectedStatus: enumOf(COMPLAINT_STATUSES) }, ["expectedStatus"]),
      obj({ to: enumOf(COMPLAINT_STATUSES.filter((s) => s !== "referred")), note: text(2000), expectedStatus: enumOf(COMPLAINT_STATUSES) }, ["expectedStatus"]),
    ],
  },
  NoteInput: obj({ text: text(2000) }),
  MessageInput: obj({ text: text(2000), expectsReply: bool }, ["expectsReply"]),
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
  // A village meeting names its tambon and village; a district meeting its district.
  MeetingCreate: {
    oneOf: [
      obj(
        { scope: enumOf(["village"]), tambonCode, villageNo, title: text(80), place: text(120), agenda, includePledge: bool, recurrence: ref("Recurrence"), durationMinutes: duration },
        ["title", "agenda", "includePledge", "durationMinutes"],
      ),
      obj(
        { scope: enumOf(["district"]), districtCode, title: text(80), place: text(120), agenda, includePledge: bool, recurrence: ref("Recurrence"), durationMinutes: duration },
        ["title", "agenda", "includePledge", "durationMinutes"],
      ),
    ],
  },
  MeetingPatch: obj({ title: text(80), place: text(120), agenda, recurrence: ref("Recurrence"), durationMinutes: duration }, ["title", "place", "agenda", "recurrence", "durationMinutes"]),
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
  HeadmanCodeInput: obj({ tambonCode, villageNo, role: enumOf(["headman", "kamnan"]) }, ["role"]),
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
