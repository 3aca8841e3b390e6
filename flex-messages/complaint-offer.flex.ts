import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, footerBox, postbackButton, postbackData, truncateText } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// Issue 19, item 4: a message that states a wrongdoing as a fact ("the อบต. asked for 3,000
// for the permit") gets one message: what it sounds like, one tap to start a complaint with
// the message as the first part of "what happened", one tap for "just asking". Nothing is
// stored as a complaint until the reporter confirms at the end of the complaint flow.

export const OFFER_START_ACTION = "complaint.offerStart";
export const OFFER_DECLINE_ACTION = "complaint.offerDecline";

export interface ComplaintOfferOptions {
  /** What the message sounds like, e.g. a complaint category label; default: corruption in general. */
  soundsLike?: string;
  /** The person's own words, quoted back (cut to a short excerpt). */
  excerpt: string;
  /** False when the words cannot be carried into the complaint (e.g. another flow is open). */
  carriesText?: boolean;
}

/** The quoted words: one paragraph, at most this many characters. */
export const OFFER_EXCERPT_CHARS = 120;

export function complaintOfferFlex(opts: ComplaintOfferOptions): messagingApi.FlexMessage {
  const excerpt = truncateText(opts.excerpt.replace(/\s+/g, " ").trim(), OFFER_EXCERPT_CHARS);
  const what = opts.soundsLike ? `เรื่อง "${opts.soundsLike}"` : "การทุจริตหรือการกระทำที่ไม่ถูกต้อง";
  const carries = opts.carriesText !== false;
  const next = carries
    ? "หากท่านต้องการแจ้งเรื่อง แตะ \"แจ้งเรื่องนี้\" ข้อความของท่านจะเป็นส่วนแรกของรายละเอียดเหตุการณ์ ไม่ต้องพิมพ์ซ้ำค่ะ"
    : "หากท่านต้องการแจ้งเรื่อง แตะ \"แจ้งเรื่องนี้\" ได้เลยค่ะ";
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "mega",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "md",
      paddingAll: "lg",
      contents: [
        { type: "text", text: `ข้อความนี้ฟังดูเหมือนการแจ้ง${what}ค่ะ`, size: SIZES.body, weight: "bold", color: COLORS.brand, wrap: true },
        {
          type: "box",
          layout: "vertical",
          paddingAll: "md",
          cornerRadius: "md",
          backgroundColor: COLORS.surfaceTint,
          contents: [{ type: "text", text: `"${excerpt}"`, size: SIZES.body, color: COLORS.text, wrap: true }],
        },
        { type: "text", text: next, size: SIZES.body, color: COLORS.text, wrap: true },
        {
          type: "text",
          text: "ยังไม่มีการบันทึกเป็นเรื่องร้องเรียนจนกว่าท่านจะกดยืนยันในขั้นตอนสุดท้าย และเลือกไม่เปิดเผยตัวตนได้ค่ะ",
          size: SIZES.body,
          color: COLORS.textMuted,
          wrap: true,
        },
      ],
    },
    footer: footerBox([
      postbackButton("แจ้งเรื่องนี้", postbackData(OFFER_START_ACTION), "primary", "แจ้งเรื่องนี้"),
      postbackButton("แค่สอบถามเฉย ๆ", postbackData(OFFER_DECLINE_ACTION), "secondary", "แค่สอบถามเฉย ๆ"),
    ]),
  };
  return flexMessage(`ข้อความนี้ฟังดูเหมือนการแจ้ง${what} ท่านต้องการแจ้งเป็นเรื่องร้องเรียนหรือไม่คะ`, bubble);
}
