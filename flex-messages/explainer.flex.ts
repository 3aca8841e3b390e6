import type { messagingApi } from "@line/bot-sdk";
import { getExplainer, type Explainer, type ExplainerSource } from "../src/content/explainers";
import { flexMessage, headerBox, postbackButton, sectionBox, sourceLine, type QuickReplyItem } from "./components.flex";
import { MENU_ITEM, topicShowPostback } from "./main-actions";
import { formatThaiShortDate, parseIsoDate, type DateFormatter } from "./thai-date";
import { COLORS } from "./theme";

export interface ExplainerFlexOptions {
  /** Show the "ที่มา: … (ทบทวนล่าสุด …)" footnote; on by default. */
  sourceLine?: boolean;
  /** How the review date is shown; defaults to Thai BE, Bangkok ("26 พ.ย. 2569"). */
  formatDate?: DateFormatter;
}

function sourceText(s: ExplainerSource): string {
  return s.detail ? `${s.label} (${s.detail})` : s.label;
}

/** Quick replies: the suggested next topics, then "เมนู". */
export function explainerQuickReplies(e: Explainer): QuickReplyItem[] {
  const items: QuickReplyItem[] = [];
  for (const id of e.followUps) {
    const next = getExplainer(id);
    if (next) items.push({ label: next.shortTitle ?? next.title, postback: topicShowPostback(next.id), displayText: next.title });
  }
  return [...items, MENU_ITEM];
}

function explainerBody(e: Explainer, opts: ExplainerFlexOptions): messagingApi.FlexBox {
  const contents: messagingApi.FlexComponent[] = e.sections.map((s) => sectionBox(s.body, s.heading));
  if (opts.sourceLine !== false) {
    const reviewed = (opts.formatDate ?? formatThaiShortDate)(parseIsoDate(e.lastReviewed));
    contents.push({ type: "separator", color: COLORS.separator, margin: "lg" });
    contents.push(sourceLine(e.sources.map(sourceText), `(ทบทวนล่าสุด ${reviewed})`));
  }
  return { type: "box", layout: "vertical", spacing: "lg", paddingAll: "lg", contents };
}

function explainerFooter(e: Explainer): messagingApi.FlexBox | undefined {
  if (!e.actions || e.actions.length === 0) return undefined;
  const buttons = e.actions.map((a, i) => postbackButton(a.label, a.postback, i === 0 ? "primary" : "secondary"));
  return { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents: buttons };
}

/**
 * One explainer as a single bubble: teal title header, the sections, the source
 * footnote with the review date, action buttons, and follow-up topics as quick replies
 * (postback a=topic.show&t=<id>, shown in the chat as the topic's title).
 */
export function explainerFlex(e: Explainer, opts: ExplainerFlexOptions = {}): messagingApi.FlexMessage {
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(e.title, { eyebrow: "สุจริต · เรื่องน่ารู้" }),
    body: explainerBody(e, opts),
  };
  const footer = explainerFooter(e);
  if (footer) bubble.footer = footer;
  return flexMessage(`${e.title}: ${e.summary}`, bubble, explainerQuickReplies(e));
}
