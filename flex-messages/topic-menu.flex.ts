import type { messagingApi } from "@line/bot-sdk";
import type { Explainer } from "../src/content/explainers";
import { flexMessage, keepTogether, postbackButton } from "./components.flex";
import { MAIN_ACTIONS, topicShowPostback } from "./main-actions";
import { COLORS, SIZES } from "./theme";

/** LINE: a Flex carousel holds at most 12 bubbles. */
export const MAX_CAROUSEL_BUBBLES = 12;

function topicBubble(e: Explainer, index: number, total: number): messagingApi.FlexBubble {
  return {
    type: "bubble",
    // Every bubble in a carousel must have the same size (LINE Flex rule).
    size: "kilo",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      paddingAll: "lg",
      contents: [
        { type: "text", text: `เรื่องที่ ${index + 1}/${total}`, size: SIZES.label, color: COLORS.textMuted },
        { type: "text", text: e.title, size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true },
        { type: "text", text: keepTogether(e.summary), size: SIZES.summary, color: COLORS.text, wrap: true },
      ],
    },
    footer: {
      type: "box",
      layout: "vertical",
      paddingAll: "md",
      // The chat then reads as the resident asking for this topic, not a bare "อ่านต่อ".
      contents: [postbackButton("อ่านต่อ", topicShowPostback(e.id), "primary", e.title)],
    },
  };
}

/**
 * The topic menu: a carousel with one card per explainer (at most 12, LINE's cap),
 * each with its title, one-line summary and an "อ่านต่อ" button, plus quick replies
 * for the main actions (policy, pledge, complaint, tracking, next meeting).
 */
export function topicMenuFlex(explainers: readonly Explainer[]): messagingApi.FlexMessage {
  if (explainers.length === 0) throw new Error("topicMenuFlex needs at least one explainer");
  const shown = explainers.slice(0, MAX_CAROUSEL_BUBBLES);
  const carousel: messagingApi.FlexCarousel = {
    type: "carousel",
    contents: shown.map((e, i) => topicBubble(e, i, shown.length)),
  };
  const altText = `หัวข้อน่ารู้ ${shown.length} เรื่อง: ${shown.map((e) => e.title).join(" · ")}`;
  return flexMessage(altText, carousel, MAIN_ACTIONS);
}
