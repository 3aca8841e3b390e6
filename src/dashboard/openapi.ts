import { PUBLIC_PATHS, PUBLIC_SCHEMAS } from "./openapi-public";
import { DISTRICT_CODES, SCHEMAS, TAMBON_CODES } from "./openapi-schemas";
import { announcementPaths } from "./openapi-announcements";

// OpenAPI 3.0 description of /api/*. The integration test compares these paths
// and methods with the routes express really serves, in both directions, and
// validates real answers against the schemas.
type Op = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description = "OK") => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(ref("Error"), description);
const q = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({ name, in: "query", required: false, description, schema });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const body = (name: string, type = "application/json", schema?: Record<string, unknown>) => ({ required: true, content: { [type]: { schema: type === "application/json" ? ref(name) : schema } } });

// The CSV files as a grammar, so that a file the schema allows is one the import takes
// (schemathesis, every check). Up to 5,000 lines are taken; the schema shows up to 5.
const alt = (xs: readonly string[]) => `(${xs.join("|")})`;
const TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
const WORDS = "[ก-ฮA-Za-z0-9][ก-ฮะ-ฺเ-๙A-Za-z0-9 ]{0,40}";
const SCHEDULE = `(once:2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])@${TIME}|monthly:([1-9]|[12][0-9]|3[01])@${TIME}|nth:([1-4]|last):(sun|mon|tue|wed|thu|fri|sat)@${TIME})`;
const DURATION = "(1[5-9]|[2-9][0-9]|[1-6][0-9]{2}|7[01][0-9]|720)?";
const VILLAGE_NO = "([1-9]|[1-9][0-9])";
const meetingRow = `(village,${alt(TAMBON_CODES)},${VILLAGE_NO},,(${WORDS})?,${WORDS},(${WORDS}(;${WORDS}){0,8})?,${SCHEDULE},${DURATION}|district,,,${alt(DISTRICT_CODES)},(${WORDS})?,${WORDS},(${WORDS}(;${WORDS}){0,8})?,${SCHEDULE},${DURATION})`;
const MEETINGS_CSV = { type: "string", pattern: `^scope,tambon,village,district,title,place,agenda,schedule,duration\n(${meetingRow}\n){1,5}$` };
// Villages: one line per village of a file (a repeated village is refused), so the schema shows one.
const VILLAGES_CSV = { type: "string", pattern: `^tambon,village,name,place\n${alt(TAMBON_CODES)},${VILLAGE_NO},(${WORDS})?,(${WORDS})?\n$` };

const DAY = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const badQuery = { 400: { description: "a query parameter breaks its schema", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } };
const ROLES_CASES = "Roles: admin, officer (own districts; other districts answer 404).";
const base = { 401: err("no or invalid API token"), 403: err("this role may not use the operation") };
const withId = { ...base, 404: err("not found, or outside the token's districts") };

const filters = [
  q("district", "DOPA district code (4 digits)", { type: "string", pattern: "^[0-9]{4}$" }),
  q("category", "complaint category", { type: "string", enum: (SCHEMAS.Complaint as { properties: { category: { enum: string[] } } }).properties.category.enum }),
  q("status", "complaint status", { type: "string", enum: (SCHEMAS.Complaint as { properties: { status: { enum: string[] } } }).properties.status.enum }),
  q("from", "first day (YYYY-MM-DD, Asia/Bangkok)", { type: "string", format: "date", pattern: DAY }),
  q("to", "last day, inclusive (YYYY-MM-DD)", { type: "string", format: "date", pattern: DAY }),
  q("code", "tracking code, any case, dashes optional"),
];

function op(operationId: string, summary: string, responses: Record<string, unknown>, extra: Op = {}): Op {
  return { operationId, summary, responses, ...extra };
}

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: {
      title: "Sujarit officer API",
      version: "1.0.0",
      description: "Complaint review, meetings, announcements and progress for Khon Kaen officers. Authorization: Bearer <API token> (issued by an admin on /officer/accounts).",
    },
    servers: [{ url: "/api" }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/openapi.json": { get: op("getOpenApi", "This document. No token needed.", { 200: json({ type: "object" }) }, { security: [] }) },
      "/me": { get: op("getMe", "The account of this token", { 200: json(ref("Me")), 401: base[401] }) },
      "/complaints": {
        get: op("listComplaints", `Complaints, newest first, with counts per status. ${ROLES_CASES}`, { 200: json(ref("ComplaintPage")), 400: err("bad filter"), ...base }, {
          parameters: [...filters, q("page", "1-based page", { type: "integer", minimum: 1 }), q("pageSize", "1–100", { type: "integer", minimum: 1, maximum: 100 })],
        }),
      },
      "/complaints/export": {
        get: op("exportComplaints", `All matching complaints, streamed. Anonymous reporters are never identified. ${ROLES_CASES}`, {
          200: { description: "rows", content: { "application/json": { schema: { type: "array", items: ref("ComplaintExportRow") } }, "text/csv": { schema: { type: "string" } } } },
          400: err("bad filter"),
          ...base,
        }, { parameters: [...filters, q("format", "json (default) or csv (UTF-8 with BOM)", { type: "string", enum: ["json", "csv"] }), q("identity", "1: include named reporters' contact (audited)", { type: "string", enum: ["0", "1"] })] }),
      },
      "/complaints/{id}": { get: op("getComplaint", `One complaint (audited). ${ROLES_CASES}`, { 200: json(ref("Complaint")), ...withId }, { parameters: [idParam] }) },
      "/complaints/{id}/identity": {
        post: op("revealIdentity", "A named reporter's contact (audited). Anonymous reports answer 403.", { 200: json(ref("ReporterIdentity")), ...withId }, { parameters: [idParam] }),
      },
      "/complaints/{id}/status": {
        post: op("changeComplaintStatus", "Change status with a note; the reporter gets a LINE push.", { 200: json(ref("Complaint")), 400: err("invalid change"), ...withId, 409: err("status changed meanwhile") }, { parameters: [idParam], requestBody: body("StatusChange") }),
      },
      "/complaints/{id}/notes": {
        post: op("addComplaintNote", "Add a staff-only note.", { 200: json(ref("Complaint")), 400: err("invalid note"), ...withId }, { parameters: [idParam], requestBody: body("NoteInput") }),
      },
      "/complaints/{id}/messages": {
        post: op("messageReporter", "Message the reporter on LINE; replies join the thread.", { 200: json(ref("Complaint")), 400: err("invalid message"), ...withId, 409: err("reporter unreachable") }, { parameters: [idParam], requestBody: body("MessageInput") }),
      },
      "/meetings": {
        get: op("listMeetings", "Meetings in the token's districts.", { 200: json(ref("MeetingList")), ...badQuery, ...base }, { parameters: [q("district", "DOPA district code", { type: "string", pattern: "^[0-9]{4}$" }), q("includeCancelled", "true to include cancelled", { type: "string", enum: ["true", "false"] })] }),
        post: op("createMeeting", "Create a one-off or recurring meeting.", { 201: json(ref("Meeting"), "created"), 400: err("invalid meeting"), ...base }, { requestBody: body("MeetingCreate") }),
      },
      "/meetings/{id}": {
        get: op("getMeeting", "One meeting.", { 200: json(ref("Meeting")), ...withId }, { parameters: [idParam] }),
        patch: op("updateMeeting", "Edit a meeting; pending reminders move with it.", { 200: json(ref("Meeting")), 400: err("invalid change"), ...withId, 409: err("the meeting is cancelled") }, { parameters: [idParam], requestBody: body("MeetingPatch") }),
      },
      "/meetings/{id}/cancel": { post: op("cancelMeeting", "Cancel a meeting and withdraw its reminders.", { 200: json(ref("Meeting")), ...withId }, { parameters: [idParam] }) },
      "/meetings/{id}/reminders": { get: op("getReminderLog", "Reminder delivery log (sent, failed, missed, acknowledged).", { 200: json(ref("ReminderLog")), ...withId }, { parameters: [idParam] }) },
      "/meetings/{id}/reports": { get: op("getMeetingReports", "Headmen's reports of this meeting.", { 200: json(ref("MeetingReports")), ...withId }, { parameters: [idParam] }) },
      "/imports/villages": {
        post: op("importVillages", "Villages CSV: tambon,village,name,place. All or nothing.", { 200: json(ref("ImportResult")), 400: err("line errors"), ...base }, { requestBody: body("", "text/csv", VILLAGES_CSV) }),
      },
      "/imports/meetings": {
        post: op("importMeetings", "Meetings CSV: scope,tambon,village,district,title,place,agenda,schedule,duration. All or nothing.", { 200: json(ref("ImportResult")), 400: err("line errors"), ...base }, { requestBody: body("", "text/csv", MEETINGS_CSV) }),
      },
      "/headman-codes": {
        post: op("issueHeadmanCode", "A one-time headman or kamnan registration code (shown once).", { 201: json(ref("HeadmanCode"), "created"), 400: err("invalid village"), ...base }, { requestBody: body("HeadmanCodeInput") }),
      },
      "/stats/pledges": { get: op("getPledgeStats", "Pledges by district, LINE and meeting-reported apart. All roles.", { 200: json(ref("PledgeStats")), ...badQuery, 401: base[401] }, { parameters: [q("year", "campaign year (BE)", { type: "integer", minimum: 2500, maximum: 2700 })] }) },
      "/stats/complaints": { get: op("getComplaintStats", "Complaints per BE month by status and category. All roles.", { 200: json(ref("ComplaintStats")), 401: base[401] }) },
      "/stats/coverage": { get: op("getMeetingCoverage", "Share of villages with a meeting reported in the month. All roles.", { 200: json(ref("Coverage")), ...badQuery, 401: base[401] }, { parameters: [q("month", "BE month, e.g. 2569-03", { type: "string", pattern: "^25[0-9]{2}-(0[1-9]|1[0-2])$" })] }) },
      "/audit": { get: op("listAudit", "The audit log, newest first. Admins.", { 200: json(ref("AuditPage")), ...badQuery, ...base }, { parameters: [q("page", "1-based page", { type: "integer", minimum: 1 }), q("action", "e.g. complaint.identity_viewed", { type: "string", maxLength: 80 }), q("complaintId", "complaint id", { type: "string", pattern: "^[0-9a-f]{24}$" })] }) },
      ...announcementPaths({ json, err, ref, op, base, withId, idParam, body }),
      ...PUBLIC_PATHS,
    },
    components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } }, schemas: { ...SCHEMAS, ...PUBLIC_SCHEMAS } },
  };
}
