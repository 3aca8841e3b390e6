import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, headerBox, postbackButton, postbackData, sectionBox, truncateText, footerBox } from "./components.flex";
import { mainQuickReplies, topicShowPostback } from "./main-actions";
import { COLORS, SIZES } from "./theme";

export interface GreetingFlexOptions {
  /** The LINE display name, when the profile may be read; untrusted and possibly long. */
  displayName?: string;
}

/** Display names are free text: one line, at most 30 characters. */
const MAX_NAME = 30;

function cleanName(name: string | undefined): string | undefined {
  const oneLine = name?.replace(/\s+/g, " ").trim();
  return oneLine ? truncateText(oneLine, MAX_NAME) : undefined;
}

const WHAT_SUJARIT_DOES =
  "• อ่านเรื่องนโยบาย \"ไม่รับ ไม่ให้\" และกฎหมายที่ควรรู้\n" +
  "• ประกาศเจตนารมณ์ ไม่รับ ไม่ให้ ร่วมกับหมู่บ้านของท่าน\n" +
  "• แจ้งและติดตามเรื่องร้องเรียนการทุจริต";

// Mirrors src/content/explainers/privacy.content.ts in two sentences.
const PRIVACY_NOTICE =
  "เราเก็บรหัสผู้ใช้ LINE ชื่อที่แสดง (หากท่านอนุญาต) หมู่บ้าน การประกาศเจตนารมณ์ และเรื่องร้องเรียน " +
  "เพื่อบันทึกการประกาศ ติดตามเรื่องร้องเรียน และแจ้งเตือนการประชุม ข้อมูลตัวตนของผู้ร้องเรียนถูกเข้ารหัส";
const DELETE_HINT = "พิมพ์ \"ลบข้อมูลของฉัน\" เพื่อขอลบข้อมูล";

function privacyBox(): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "vertical",
    spacing: "xs",
    paddingAll: "md",
    cornerRadius: "md",
    backgroundColor: COLORS.surfaceTint,
    contents: [
      { type: "text", text: "ข้อมูลของท่าน", size: SIZES.body, weight: "bold", color: COLORS.brand },
      { type: "text", text: PRIVACY_NOTICE, size: SIZES.body, color: COLORS.textMuted, wrap: true },
      { type: "text", text: DELETE_HINT, size: SIZES.body, weight: "bold", color: COLORS.text, wrap: true },
    ],
  };
}

/**
 * The reply to a follow event: a welcome (by name when known), what Sujarit does in
 * three lines, a short privacy notice with how to delete one's data, two buttons and
 * quick replies for the main actions plus "เมนู".
 */
export function greetingFlex(opts: GreetingFlexOptions = {}): messagingApi.FlexMessage {
  const name = cleanName(opts.displayName);
  const hello = name ? `สวัสดีค่ะ คุณ${name}` : "สวัสดีค่ะ";
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(hello, { eyebrow: "สุจริต", subtitle: "ยินดีต้อนรับสู่สุจริต ผู้ช่วยร่วมต้านทุจริตของชาวขอนแก่น" }),
    body: {
      type: "box",
      layout: "vertical",
      spacing: "lg",
      paddingAll: "lg",
      contents: [sectionBox(WHAT_SUJARIT_DOES, "สุจริตช่วยท่านได้"), privacyBox()],
    },
    footer: footerBox([
        postbackButton("อ่านเรื่องนโยบาย ไม่รับ ไม่ให้", topicShowPostback("no-gift"), "primary"),
        postbackButton("ประกาศเจตนารมณ์", postbackData("pledge.start"), "secondary"),
      ]),
  };
  const altText = `${hello} ยินดีต้อนรับสู่สุจริต อ่านเรื่องไม่รับ ไม่ให้ ประกาศเจตนารมณ์ และแจ้งเรื่องร้องเรียนการทุจริตได้ที่นี่ ${DELETE_HINT}`;
  return flexMessage(altText, bubble, mainQuickReplies());
}
