import type { SchemaViolation } from "./openapi-validator";

// The emulator's own table of LINE's request shapes: what each endpoint's body must hold
// (Messaging API reference: "Send reply/push/multicast/broadcast message", "Message
// objects", "Rich menu object"; line.md §2.2 and §3). It applies with or without LINE's
// OpenAPI spec, which adds stricter checks only when present (openapi-validator.ts). The
// lengths the spec lacks are in message-limits.ts.

type Obj = Record<string, unknown>;
type Check = (body: Obj, out: SchemaViolation[]) => void;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const MUST = "must be specified";

/** LINE: 1..5 message objects per request (every send endpoint). */
export const MAX_MESSAGES_PER_REQUEST = 5;
/** LINE: multicast takes 1..500 user IDs. */
export const MAX_MULTICAST_RECIPIENTS = 500;

// Message object types and the fields each requires (Messaging API reference, "Message objects").
const MESSAGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  text: ["text"],
  textV2: ["text"],
  sticker: ["packageId", "stickerId"],
  image: ["originalContentUrl", "previewImageUrl"],
  video: ["originalContentUrl", "previewImageUrl"],
  audio: ["originalContentUrl", "duration"],
  location: ["title", "address", "latitude", "longitude"],
  imagemap: ["baseUrl", "altText", "baseSize", "actions"],
  template: ["altText", "template"],
  flex: ["altText", "contents"],
  coupon: ["couponId"],
};
const FLEX_CONTAINERS = new Set(["bubble", "carousel"]);
const TEMPLATE_TYPES = new Set(["buttons", "confirm", "carousel", "image_carousel"]);
// Action objects and their required fields ("Action objects").
const ACTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  postback: ["data"],
  message: ["text"],
  uri: ["uri"],
  datetimepicker: ["data", "mode"],
  camera: ["label"],
  cameraRoll: ["label"],
  location: ["label"],
  richmenuswitch: ["richMenuAliasId", "data"],
  clipboard: ["clipboardText"],
};

function required(at: string, obj: Obj, fields: readonly string[], out: SchemaViolation[]): void {
  for (const f of fields) if (obj[f] === undefined || obj[f] === null) out.push({ property: at ? `${at}.${f}` : f, message: MUST });
}

function checkAction(at: string, action: unknown, out: SchemaViolation[]): void {
  if (!isObj(action)) return void out.push({ property: at, message: MUST });
  const fields = typeof action.type === "string" ? ACTION_FIELDS[action.type] : undefined;
  if (!fields) return void out.push({ property: `${at}.type`, message: `must be one of: ${Object.keys(ACTION_FIELDS).join(", ")}` });
  required(at, action, fields, out);
}

function checkMessage(at: string, m: unknown, out: SchemaViolation[]): void {
  if (!isObj(m)) return void out.push({ property: at, message: "must be a message object" });
  const fields = typeof m.type === "string" ? MESSAGE_FIELDS[m.type] : undefined;
  if (!fields) return void out.push({ property: `${at}.type`, message: `must be one of: ${Object.keys(MESSAGE_FIELDS).join(", ")}` });
  required(at, m, fields, out);
  if (m.type === "flex" && isObj(m.contents) && !FLEX_CONTAINERS.has(String(m.contents.type))) {
    out.push({ property: `${at}.contents.type`, message: "must be one of: bubble, carousel" });
  }
  if (m.type === "template" && isObj(m.template) && !TEMPLATE_TYPES.has(String(m.template.type))) {
    out.push({ property: `${at}.template.type`, message: `must be one of: ${[...TEMPLATE_TYPES].join(", ")}` });
  }
  const items = isObj(m.quickReply) ? m.quickReply.items : undefined;
  if (Array.isArray(items)) items.forEach((item, i) => checkAction(`${at}.quickReply.items[${i}].action`, isObj(item) ? item.action : undefined, out));
}

const messages: Check = (body, out) => {
  const list = body.messages;
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_MESSAGES_PER_REQUEST) {
    return void out.push({ property: "messages", message: `must contain 1 to ${MAX_MESSAGES_PER_REQUEST} message objects` });
  }
  list.forEach((m, i) => checkMessage(`messages[${i}]`, m, out));
};

const stringField = (name: string): Check => (body, out) => {
  if (typeof body[name] !== "string" || body[name] === "") out.push({ property: name, message: MUST });
};

const recipients: Check = (body, out) => {
  const to = body.to;
  if (!Array.isArray(to) || to.length < 1 || to.length > MAX_MULTICAST_RECIPIENTS) {
    out.push({ property: "to", message: `must contain 1 to ${MAX_MULTICAST_RECIPIENTS} user IDs` });
  }
};

// LINE: rich menu name at most 300 characters, chatBarText at most 14, 1..20 areas each
// with bounds and an action (size and bounds geometry: routes-richmenu.ts).
const richMenu: Check = (body, out) => {
  required("", body, ["size", "selected", "name", "chatBarText", "areas"], out);
  if (body.size !== undefined && !(isObj(body.size) && typeof body.size.width === "number" && typeof body.size.height === "number")) {
    out.push({ property: "size", message: "must be {width, height} in pixels" });
  }
  if (body.selected !== undefined && typeof body.selected !== "boolean") out.push({ property: "selected", message: "must be a boolean" });
  if (typeof body.name === "string" && body.name.length > 300) out.push({ property: "name", message: "must be at most 300 characters" });
  if (typeof body.chatBarText === "string" && body.chatBarText.length > 14) out.push({ property: "chatBarText", message: "must be at most 14 characters" });
  if (body.areas === undefined) return;
  if (!Array.isArray(body.areas)) return void out.push({ property: "areas", message: "must be an array" });
  body.areas.forEach((area, i) => {
    if (!isObj(area)) return void out.push({ property: `areas[${i}]`, message: "must be an area object" });
    const b = area.bounds;
    if (!isObj(b) || !["x", "y", "width", "height"].every((k) => typeof b[k] === "number")) {
      out.push({ property: `areas[${i}].bounds`, message: "must be {x, y, width, height}" });
    }
    checkAction(`areas[${i}].action`, area.action, out);
  });
};

// LINE: loading animation {chatId, loadingSeconds 5..60 in steps of 5, default 20}.
const loadingSeconds: Check = (body, out) => {
  const s = body.loadingSeconds;
  if (s !== undefined && (typeof s !== "number" || s < 5 || s > 60 || s % 5 !== 0)) out.push({ property: "loadingSeconds", message: "must be 5 to 60, a multiple of 5" });
};

/** Request body schemas by the name LINE's spec gives them, with the checks each needs. */
export const REQUEST_RULES: Readonly<Record<string, readonly Check[]>> = {
  ReplyMessageRequest: [stringField("replyToken"), messages],
  PushMessageRequest: [stringField("to"), messages],
  MulticastRequest: [recipients, messages],
  BroadcastRequest: [messages],
  RichMenuRequest: [richMenu],
  ShowLoadingAnimationRequest: [stringField("chatId"), loadingSeconds],
};

/** Violations of the emulator's own table for a named request body; [] = acceptable. */
export function findRequestRuleViolations(schemaName: string, body: Obj): SchemaViolation[] {
  const checks = REQUEST_RULES[schemaName];
  if (!checks) throw new Error(`LINE emulator: no request rules for ${schemaName}`);
  const out: SchemaViolation[] = [];
  for (const check of checks) check(body, out);
  return out;
}
