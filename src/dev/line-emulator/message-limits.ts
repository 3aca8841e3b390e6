import type { SchemaViolation } from "./openapi-validator";

// Limits LINE documents but its OpenAPI spec does not encode (line.md §2.5, §3).
// Lengths are UTF-16 code units (String.length), as LINE counts them.
export const LIMITS = {
  text: 5000, // text message
  emojis: 20, // LINE emojis per text message
  altText: 1500, // flex, template and imagemap messages
  carouselBubbles: 12, // flex carousel
  bubbleBytes: 30_000, // flex bubble JSON: 30 KB (counted as UTF-8 bytes, 1 KB = 1000: the strict reading)
  carouselBytes: 50_000, // flex carousel JSON: 50 KB
  quickReplyItems: 13,
  postbackData: 300,
  displayText: 300, // postback displayText / fillInText
  messageActionText: 300,
  uri: 1000,
  actionLabel: 20, // quick reply, template, imagemap and rich menu actions
  flexActionLabel: 40, // actions inside Flex messages (buttons etc.)
} as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === "string" ? v.length : 0);
const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), "utf8");

class Collector {
  readonly out: SchemaViolation[] = [];
  max(property: string, value: unknown, limit: number, what = "characters"): void {
    const n = Array.isArray(value) ? value.length : len(value);
    if (n > limit) this.out.push({ property, message: `must be at most ${limit} ${what} (got ${n})` });
  }
  maxBytes(property: string, value: unknown, limit: number): void {
    const n = bytes(value);
    if (n > limit) this.out.push({ property, message: `JSON must be at most ${limit} bytes (got ${n})` });
  }
  add(property: string, message: string): void {
    this.out.push({ property, message });
  }
}

function checkAction(c: Collector, at: string, action: unknown, labelLimit: number): void {
  if (!isObj(action)) return;
  c.max(`${at}.label`, action.label, labelLimit);
  if (action.type === "postback") {
    c.max(`${at}.data`, action.data, LIMITS.postbackData);
    c.max(`${at}.displayText`, action.displayText, LIMITS.displayText);
    c.max(`${at}.fillInText`, action.fillInText, LIMITS.displayText);
  }
  if (action.type === "message") c.max(`${at}.text`, action.text, LIMITS.messageActionText);
  if (action.type === "uri") c.max(`${at}.uri`, action.uri, LIMITS.uri);
  if (action.type === "datetimepicker") c.max(`${at}.data`, action.data, LIMITS.postbackData);
}

/** Walks a Flex tree and checks every `action` (Flex labels may be 40 long). */
function checkFlexActions(c: Collector, at: string, node: unknown): void {
  if (Array.isArray(node)) return node.forEach((n, i) => checkFlexActions(c, `${at}[${i}]`, n));
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "action") checkAction(c, `${at}.action`, value, LIMITS.flexActionLabel);
    else checkFlexActions(c, `${at}.${key}`, value);
  }
}

function checkFlex(c: Collector, at: string, contents: unknown): void {
  if (!isObj(contents)) return;
  if (contents.type === "bubble") c.maxBytes(at, contents, LIMITS.bubbleBytes);
  if (contents.type === "carousel") {
    const bubbles = Array.isArray(contents.contents) ? contents.contents : [];
    c.max(`${at}.contents`, bubbles, LIMITS.carouselBubbles, "bubbles");
    c.maxBytes(at, contents, LIMITS.carouselBytes);
    bubbles.forEach((b, i) => c.maxBytes(`${at}.contents[${i}]`, b, LIMITS.bubbleBytes));
    // LINE: every bubble in a carousel must have the same size (default "mega").
    const sizes = new Set(bubbles.map((b) => (isObj(b) && typeof b.size === "string" ? b.size : "mega")));
    if (sizes.size > 1) c.add(`${at}.contents`, `all bubbles must have the same size (got ${[...sizes].join(", ")})`);
  }
  checkFlexActions(c, at, contents);
}

function checkTemplate(c: Collector, at: string, t: unknown): void {
  if (!isObj(t)) return;
  const actions = (v: unknown, p: string) =>
    Array.isArray(v) && v.forEach((a, i) => checkAction(c, `${p}.actions[${i}]`, a, LIMITS.actionLabel));
  if (t.type === "buttons") {
    const short = Boolean(t.thumbnailImageUrl || t.title);
    c.max(`${at}.text`, t.text, short ? 60 : 160);
    c.max(`${at}.title`, t.title, 40);
    c.max(`${at}.actions`, t.actions, 4, "actions");
    actions(t.actions, at);
  } else if (t.type === "confirm") {
    c.max(`${at}.text`, t.text, 240);
    if (!Array.isArray(t.actions) || t.actions.length !== 2) c.add(`${at}.actions`, "must have exactly 2 actions");
    actions(t.actions, at);
  } else if (t.type === "carousel" || t.type === "image_carousel") {
    const columns = Array.isArray(t.columns) ? t.columns : [];
    c.max(`${at}.columns`, columns, 10, "columns");
    columns.forEach((col, i) => {
      if (!isObj(col)) return;
      const p = `${at}.columns[${i}]`;
      c.max(`${p}.text`, col.text, col.thumbnailImageUrl || col.title ? 60 : 120);
      c.max(`${p}.title`, col.title, 40);
      c.max(`${p}.actions`, col.actions, 3, "actions");
      actions(col.actions, p);
      if (col.action) checkAction(c, `${p}.action`, col.action, LIMITS.actionLabel);
    });
  }
}

function checkMessage(c: Collector, at: string, m: unknown): void {
  if (!isObj(m)) return;
  if (m.type === "text" || m.type === "textV2") {
    c.max(`${at}.text`, m.text, LIMITS.text);
    c.max(`${at}.emojis`, m.emojis, LIMITS.emojis, "emojis");
  }
  if (m.type === "flex" || m.type === "template" || m.type === "imagemap") c.max(`${at}.altText`, m.altText, LIMITS.altText);
  if (m.type === "flex") checkFlex(c, `${at}.contents`, m.contents);
  if (m.type === "template") checkTemplate(c, `${at}.template`, m.template);
  const items = isObj(m.quickReply) && Array.isArray(m.quickReply.items) ? m.quickReply.items : [];
  c.max(`${at}.quickReply.items`, items, LIMITS.quickReplyItems, "items");
  items.forEach((item, i) => {
    if (isObj(item)) checkAction(c, `${at}.quickReply.items[${i}].action`, item.action, LIMITS.actionLabel);
  });
}

/** Structured limit violations for message objects; property paths start at `messages[i]`. */
export function findMessageLimitViolations(messages: unknown[], prefix = "messages"): SchemaViolation[] {
  const c = new Collector();
  messages.forEach((m, i) => checkMessage(c, `${prefix}[${i}]`, m));
  return c.out;
}

/** LINE limits the spec lacks (text 5000, altText 1500, 12 bubbles, 30/50 KB, ...); [] = within limits. */
export function checkMessageLimits(messages: unknown[]): string[] {
  return findMessageLimitViolations(messages).map((v) => `${v.property}: ${v.message}`);
}
