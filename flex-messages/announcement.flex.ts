import type { messagingApi } from "@line/bot-sdk";
import { MAX_ALT_TEXT_LENGTH } from "../src/line/limits";
import { flexMessage, headerBox, postbackButton, postbackData, truncateText } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// An officer's announcement (issue 22): one giga bubble. The header names the sending
// office, an optional hero image, the text, an optional button (a web link or a bot
// action), and a footer line telling how to stop announcements ("ปิดการแจ้งข่าว").
// The same function draws the dashboard's preview, so the preview is what LINE gets.
export interface AnnouncementContent {
  title: string;
  text: string;
  office: string;
  /** Absolute https URL of the uploaded image. */
  imageUrl?: string;
  button?: { kind: "url"; label: string; url: string } | { kind: "action"; label: string; action: string };
}

export const MUTE_HINT = "ไม่ต้องการรับประกาศ พิมพ์ \"ปิดการแจ้งข่าว\" (ยังได้รับแจ้งเตือนการประชุมตามเดิม)";

function buttonOf(b: NonNullable<AnnouncementContent["button"]>): messagingApi.FlexButton {
  if (b.kind === "action") return postbackButton(b.label, postbackData(b.action), "primary");
  return { type: "button", style: "primary", color: COLORS.brand, height: "sm", action: { type: "uri", label: b.label, uri: b.url } };
}

export function announcementBubble(c: AnnouncementContent): messagingApi.FlexBubble {
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(c.title, { subtitle: `ประกาศจาก ${c.office}` }),
    body: {
      type: "box",
      layout: "vertical",
      spacing: "md",
      contents: [{ type: "text", text: c.text, size: SIZES.body, color: COLORS.text, wrap: true }],
    },
    footer: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      backgroundColor: COLORS.surfaceTint,
      contents: [
        ...(c.button ? [buttonOf(c.button)] : []),
        { type: "text", text: MUTE_HINT, size: SIZES.source, color: COLORS.textMuted, wrap: true },
      ],
    },
  };
  if (c.imageUrl) bubble.hero = { type: "image", url: c.imageUrl, size: "full", aspectMode: "cover", aspectRatio: "20:13" };
  return bubble;
}

/** The message LINE receives. altText: office, title and the start of the text (≤ 1500). */
export function announcementFlex(c: AnnouncementContent): messagingApi.FlexMessage {
  const alt = truncateText(`${c.office}: ${c.title} — ${c.text}`, MAX_ALT_TEXT_LENGTH);
  return flexMessage(alt, announcementBubble(c));
}
