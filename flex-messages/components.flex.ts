import type { messagingApi } from "@line/bot-sdk";
import { MAX_ALT_TEXT_LENGTH, MAX_POSTBACK_DATA, MAX_TEXT_LENGTH } from "../src/line/limits";
import { COLORS, SIZES } from "./theme";

// Shared pieces of Sujarit's Flex messages. Pure functions: data in, LINE objects out.

/** LINE: quickReply.items has at most 13 entries (messaging-api.yml QuickReply). */
export const MAX_QUICK_REPLY_ITEMS = 13;
/** LINE: an action label in a quick reply is at most 20 characters. */
export const MAX_QUICK_REPLY_LABEL = 20;
/** LINE: a Flex button's action label is at most 40 characters. */
export const MAX_FLEX_BUTTON_LABEL = 40;
/** LINE: postback displayText and message-action text are at most 300 characters. */
export const MAX_ACTION_TEXT = 300;

/** One quick-reply choice: a postback (data "a=domain.verb…") or, without one, a message the user "types". */
export interface QuickReplyItem {
  label: string;
  postback?: string;
  /** For message actions: the text sent (defaults to the label). */
  text?: string;
  /** For postbacks: what appears in the chat as the user's message (defaults to the label). */
  displayText?: string;
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * Shortens text to at most `max` UTF-16 code units (how LINE counts), ending in "…".
 * Cuts between grapheme clusters so a Thai vowel or tone mark never loses its consonant.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length + 1 > max) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

const ACTION_NAME = /^[a-z]+(?:-[a-z]+)*\.[a-z][a-zA-Z]*$/;

/** Postback data as the router reads it: "a=<domain.verb>&k=v…" (LINE caps it at 300 chars). */
export function postbackData(action: string, params: Record<string, string> = {}): string {
  if ("a" in params) throw new Error('postbackData: pass the action as the first argument, not as param "a"');
  return assertPostbackData(new URLSearchParams({ a: action, ...params }).toString());
}

/** Checks a ready-made postback string (e.g. from explainer content) and returns it unchanged. */
export function assertPostbackData(data: string): string {
  const action = data.startsWith("a=") ? new URLSearchParams(data).get("a") : null;
  if (!action || !ACTION_NAME.test(action)) {
    throw new Error(`Postback data must start with "a=<domain.verb>", got "${data}"`);
  }
  if (data.length > MAX_POSTBACK_DATA) {
    throw new Error(`Postback data is ${data.length} chars; LINE allows ${MAX_POSTBACK_DATA}`);
  }
  return data;
}

/** The coloured header: an optional small eyebrow line, the title, an optional subtitle. */
export function headerBox(title: string, opts: { eyebrow?: string; subtitle?: string } = {}): messagingApi.FlexBox {
  const contents: messagingApi.FlexComponent[] = [];
  if (opts.eyebrow) contents.push({ type: "text", text: opts.eyebrow, size: SIZES.label, color: COLORS.onBrandMuted });
  contents.push({ type: "text", text: keepTogether(title), size: SIZES.title, weight: "bold", color: COLORS.onBrand, wrap: true });
  if (opts.subtitle) {
    contents.push({ type: "text", text: keepTogether(opts.subtitle), size: SIZES.summary, color: COLORS.onBrandMuted, wrap: true });
  }
  return { type: "box", layout: "vertical", spacing: "xs", paddingAll: "lg", backgroundColor: COLORS.brand, contents };
}

/** A body paragraph with an optional bold heading. Bullet lines are "\n"-separated text. */
export function sectionBox(body: string, heading?: string): messagingApi.FlexBox {
  const contents: messagingApi.FlexComponent[] = [];
  if (heading) contents.push({ type: "text", text: heading, size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true });
  contents.push({ type: "text", text: body.split("\n").map(keepTogether).join("\n"), size: SIZES.body, color: COLORS.text, wrap: true });
  return { type: "box", layout: "vertical", spacing: "xs", contents };
}

/** The footer every bubble shares: stacked buttons (and notes) with room to tap. */
export function footerBox(contents: messagingApi.FlexComponent[]): messagingApi.FlexBox {
  return { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents };
}

/** The source footnote, always introduced by "ที่มา: ". */
export function sourceLine(sources: readonly string[], suffix?: string): messagingApi.FlexText {
  const text = `ที่มา: ${sources.join(" · ")}${suffix ? ` ${suffix}` : ""}`;
  return { type: "text", text, size: SIZES.source, color: COLORS.textMuted, wrap: true };
}

/** A "label: value" row, e.g. for receipts and meeting details. */
export function keyValueRow(key: string, value: string): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "baseline",
    spacing: "sm",
    contents: [
      { type: "text", text: key, size: SIZES.body, color: COLORS.textMuted, flex: 2, wrap: true },
      { type: "text", text: keepTogether(value), size: SIZES.body, color: COLORS.text, flex: 5, wrap: true },
    ],
  };
}

export type ButtonStyle = "primary" | "secondary" | "link";

/** A full-width button that sends a postback; the tap shows `displayText` (default: the label) as the user's words. */
export function postbackButton(
  label: string,
  data: string,
  style: ButtonStyle = "primary",
  displayText: string = label,
): messagingApi.FlexButton {
  const color = style === "secondary" ? COLORS.secondaryButton : COLORS.brand;
  return {
    type: "button",
    style,
    color,
    height: "sm",
    action: {
      type: "postback",
      label: truncateText(label, MAX_FLEX_BUTTON_LABEL),
      data: assertPostbackData(data),
      displayText: truncateText(displayText, MAX_ACTION_TEXT),
    },
  };
}

function toQuickReplyItem(item: QuickReplyItem): messagingApi.QuickReplyItem {
  const label = truncateText(item.label, MAX_QUICK_REPLY_LABEL);
  if (item.postback) {
    const displayText = truncateText(item.displayText ?? item.label, MAX_ACTION_TEXT);
    return { type: "action", action: { type: "postback", label, data: assertPostbackData(item.postback), displayText } };
  }
  return { type: "action", action: { type: "message", label, text: truncateText(item.text ?? item.label, MAX_ACTION_TEXT) } };
}

/** Quick-reply chips: the first 13 items (LINE's cap), labels clipped to 20 characters. */
export function quickReplies(items: readonly QuickReplyItem[]): messagingApi.QuickReply {
  return { items: items.slice(0, MAX_QUICK_REPLY_ITEMS).map(toQuickReplyItem) };
}

const WORD_JOINER = "\u2060";
const words = new Intl.Segmenter("th", { granularity: "word" });
/** Names and quoted labels a phone must not split across two lines. */
const KEEP_TOGETHER = /"[^"\n]{1,24}"|ไม่รับ ไม่ให้|ศูนย์ดำรงธรรม|ปีงบประมาณ|ประกาศเจตนารมณ์|เจ้าหน้าที่/g;
/** A last line this short ("ค่ะ", "น.", "2569") reads as a mistake; it takes the word before it along. */
const SHORTEST_LAST_LINE = 4;
/** Even the narrowest column on a phone (a key of a key-value row) holds this many characters. */
const ONE_LINE_AT_LEAST = 12;

function joinWords(part: string): string {
  return [...words.segment(part)].map((w) => (w.segment === " " ? "\u00A0" : w.segment)).join(WORD_JOINER);
}

/**
 * Thai has no spaces between words, so a phone may break a line inside a quoted button
 * name ("ตอบ|กลับ"), inside a name (ศูนย์ดำรง|ธรรม) or just before "ค่ะ". U+2060 WORD
 * JOINER (invisible, no width) between the words of such a phrase keeps it on one line.
 */
export function keepTogether(text: string): string {
  return text.replace(KEEP_TOGETHER, joinWords).split("\n").map(keepTail).join("\n");
}

/** The text as a person reads it: without the joiners keepTogether adds. */
export function withoutJoiners(text: string): string {
  return text.replace(/\u2060/g, "").replace(/\u00A0/g, " ");
}

function keepTail(text: string): string {
  if (text.length <= ONE_LINE_AT_LEAST) return text;
  const segs = [...words.segment(text)].map((w) => w.segment);
  let j = segs.length;
  let tail = 0;
  while (j > 1 && tail + segs[j - 1]!.replace(/[\s\u2060]/g, "").length <= SHORTEST_LAST_LINE) {
    if (segs[j - 1]!.includes("\n")) return text;
    tail += segs[j - 1]!.replace(/[\s\u2060]/g, "").length;
    j--;
  }
  if (j === segs.length || j < 1) return text;
  // Join the short tail to the word before it: spaces become no-break spaces, words get a joiner.
  const head = segs.slice(0, j - 1).join("");
  const joined = segs.slice(j - 1).map((w) => (/^[ ]+$/.test(w) ? "\u00A0" : w));
  return head + joined.reduce((acc, w, i) => (i === 0 || /\u00A0|\u2060$/.test(acc) || w === "\u00A0" || w.startsWith("\u2060") ? acc + w : acc + WORD_JOINER + w), "");
}

/** Wraps a bubble or carousel; altText is what notifications and old clients show (≤ 1500). */
export function flexMessage(
  altText: string,
  contents: messagingApi.FlexContainer,
  quick?: readonly QuickReplyItem[],
): messagingApi.FlexMessage {
  if (!altText.trim()) throw new Error("A Flex message needs a non-empty altText");
  const message: messagingApi.FlexMessage = { type: "flex", altText: truncateText(altText, MAX_ALT_TEXT_LENGTH), contents };
  if (quick && quick.length > 0) message.quickReply = quickReplies(quick);
  return message;
}

/** A plain text reply (≤ 5000 chars), optionally with quick replies. Callers write the polite Thai ("…ค่ะ"). */
export function politeTextMessage(text: string, quick?: readonly QuickReplyItem[]): messagingApi.TextMessage {
  if (!text.trim()) throw new Error("A text message needs non-empty text");
  const message: messagingApi.TextMessage = { type: "text", text: truncateText(text, MAX_TEXT_LENGTH) };
  if (quick && quick.length > 0) message.quickReply = quickReplies(quick);
  return message;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A card of choice buttons; every card of a carousel has the same size (LINE rule). */
export function choiceBubble(title: string, buttons: messagingApi.FlexButton[], hint: string): messagingApi.FlexBubble {
  return {
    type: "bubble",
    size: "kilo",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      paddingAll: "lg",
      contents: [
        { type: "text", text: title, size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true },
        ...buttons,
        { type: "text", text: keepTogether(hint), size: SIZES.body, color: COLORS.textMuted, wrap: true, margin: "md" },
      ],
    },
  };
}

/** Cards of buttons, as one bubble or a carousel. */
export function choiceContainer(bubbles: messagingApi.FlexBubble[]): messagingApi.FlexContainer {
  return bubbles.length === 1 ? bubbles[0]! : { type: "carousel", contents: bubbles };
}
