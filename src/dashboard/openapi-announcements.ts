import { ANNOUNCEMENT_STATES, BUTTON_ACTIONS, BUTTON_KINDS } from "../models/announcement.model";
import { listDistricts, listTambons } from "../content/areas/areas";

// /api/announcements in the OpenAPI document: schemas with explicit lengths, patterns
// and enums (what the zod input of api/announcements.api.ts accepts), and the paths.
type S = Record<string, unknown>;
const ref = (name: string): S => ({ $ref: `#/components/schemas/${name}` });
const str: S = { type: "string" };
const int: S = { type: "integer" };
const bool: S = { type: "boolean" };
const dateTime: S = { type: "string", format: "date-time" };
const arr = (items: S, maxItems?: number): S => ({ type: "array", items, ...(maxItems ? { maxItems } : {}) });
const enumOf = (values: readonly string[]): S => ({ type: "string", enum: [...values] });
/** Not blank: the server trims text before checking it. */
const text = (max: number): S => ({ type: "string", minLength: 1, maxLength: max, pattern: "\\S" });

function obj(props: Record<string, S>, optional: string[] = []): S {
  const required = Object.keys(props).filter((k) => !optional.includes(k));
  return { type: "object", properties: props, ...(required.length ? { required } : {}), additionalProperties: false };
}

// Khon Kaen's own codes: a district, a tambon, or "<tambon>-<village 1–99>".
const DISTRICT_CODES = listDistricts().map((d) => d.code).sort();
const TAMBON_CODES = listDistricts().flatMap((d) => listTambons(d.code).map((t) => t.code)).sort();
const audienceProps = {
  province: bool,
  districts: arr({ type: "string", enum: [...DISTRICT_CODES] }, 26),
  tambons: arr({ type: "string", enum: [...TAMBON_CODES] }, 200),
  villages: arr({ type: "string", pattern: `^(${TAMBON_CODES.join("|")})-([1-9]|[1-9][0-9])$` }, 500),
  leaders: bool,
  remindersOptIn: bool,
};
const allOptional = Object.keys(audienceProps);

export const ANNOUNCEMENT_SCHEMAS: Record<string, S> = {
  // At least one area: the whole province, or some districts, tambons or villages.
  AudienceInput: {
    ...obj(audienceProps, allOptional),
    anyOf: [
      { properties: { province: { type: "boolean", enum: [true] } }, required: ["province"] },
      { properties: { districts: { type: "array", minItems: 1 } }, required: ["districts"] },
      { properties: { tambons: { type: "array", minItems: 1 } }, required: ["tambons"] },
      { properties: { villages: { type: "array", minItems: 1 } }, required: ["villages"] },
    ],
  },
  AudienceSize: obj({ recipients: int, districts: int, approvalRequired: bool }),
  AnnouncementCreate: obj(
    {
      title: text(80),
      text: text(5000),
      // What each kind needs: none, a link (label + https URL), or a bot action (label + action).
      button: {
        oneOf: [
          obj({ kind: enumOf(BUTTON_KINDS.filter((k) => k === "none")) }),
          obj({ kind: enumOf(BUTTON_KINDS.filter((k) => k === "url")), label: text(40), url: { type: "string", minLength: 9, maxLength: 1000, pattern: "^https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,4})?(/[!-~]*)?$" } }),
          obj({ kind: enumOf(BUTTON_KINDS.filter((k) => k === "action")), label: text(40), action: enumOf(BUTTON_ACTIONS) }),
        ],
      },
      audience: ref("AudienceInput"),
    },
    ["button"],
  ),
  Announcement: obj(
    {
      id: str, title: str, text: str, office: str, state: enumOf(ANNOUNCEMENT_STATES), revision: int,
      audience: obj(audienceProps), districtCodes: arr(str), audienceSize: int, approvalRequired: bool,
      button: obj({ kind: enumOf(BUTTON_KINDS), label: str, url: str, action: enumOf(BUTTON_ACTIONS) }, ["label", "url", "action"]),
      imageUrl: str, sendAt: dateTime, approvedAt: dateTime, createdAt: dateTime,
    },
    ["imageUrl", "sendAt", "approvedAt"],
  ),
  AnnouncementList: obj({ items: arr(ref("Announcement")) }),
  AnnouncementReport: obj({
    plannedRecipients: int,
    mode: enumOf(["multicast", "broadcast"]),
    requests: obj({ total: int, accepted: int, duplicate: int, retried: int, failed: int }),
    requestIds: arr(str),
    timing: obj({ sendAt: dateTime, startedAt: dateTime, firstRequestAt: dateTime, finishedAt: dateTime, durationMs: int }, ["sendAt", "startedAt", "firstRequestAt", "finishedAt", "durationMs"]),
    attempts: arr(obj({ at: dateTime, chunkKey: str, recipients: int, status: int, outcome: enumOf(["accepted", "duplicate", "retry", "failed"]), requestId: str, error: str }, ["status", "requestId", "error"])),
  }),
};

type Helpers = {
  json: (schema: unknown, description?: string) => unknown;
  err: (description: string) => unknown;
  ref: (name: string) => unknown;
  op: (operationId: string, summary: string, responses: Record<string, unknown>, extra?: Record<string, unknown>) => unknown;
  base: Record<string, unknown>;
  withId: Record<string, unknown>;
  idParam: unknown;
  body: (name: string) => unknown;
};

export function announcementPaths(h: Helpers): Record<string, unknown> {
  const roles = "Roles: admin, officer (own districts only; a province-wide audience needs an admin).";
  return {
    "/announcements": {
      get: h.op("listAnnouncements", `Announcements in the token's districts, newest first. ${roles}`, { 200: h.json(h.ref("AnnouncementList")), ...h.base }),
      post: h.op("createAnnouncement", `Create a draft announcement (LINE limits checked now). Sending and approval are in the dashboard. ${roles}`, {
        201: h.json(h.ref("Announcement"), "created"),
        400: h.err("invalid announcement or audience"),
        ...h.base,
      }, { requestBody: h.body("AnnouncementCreate") }),
    },
    "/announcements/audience": {
      post: h.op("countAudience", `How many followers (not muted) an audience reaches, and whether a second admin must approve. ${roles}`, {
        200: h.json(h.ref("AudienceSize")),
        400: h.err("invalid audience"),
        ...h.base,
      }, { requestBody: h.body("AudienceInput") }),
    },
    "/announcements/{id}": { get: h.op("getAnnouncement", "One announcement.", { 200: h.json(h.ref("Announcement")), ...h.withId }, { parameters: [h.idParam] }) },
    "/announcements/{id}/report": {
      get: h.op("getAnnouncementReport", "Delivery report: recipients planned, requests accepted, retried and failed, LINE request ids, timing.", { 200: h.json(h.ref("AnnouncementReport")), ...h.withId }, { parameters: [h.idParam] }),
    },
  };
}
