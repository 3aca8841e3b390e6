import type { messagingApi } from "@line/bot-sdk";
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from "../src/models/complaint.model";
import { CATEGORY_LABELS } from "../src/services/complaint-labels";
import { flexMessage, headerBox, postbackButton, postbackData } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// The first step of a complaint: what to expect, then the category as buttons
// (postback a=complaint.category&c=<id>, shown in the chat as the category's name).
/**
 * Button labels short enough for one line on a 390 px phone (LINE draws a button label
 * on one line and cuts it with "…"). The tap still shows the full name in the chat.
 */
const BUTTON_LABELS: Readonly<Record<ComplaintCategory, string>> = {
  bribe: "เรียกรับเงิน สินบน ของขวัญ",
  procurement: "จัดซื้อจัดจ้าง ก่อสร้าง",
  public_funds: "ใช้เงิน/ทรัพย์สินรัฐโดยมิชอบ",
  abuse_of_power: "ใช้อำนาจหน้าที่โดยมิชอบ",
  conflict_of_interest: "ผลประโยชน์ทับซ้อน",
  other: "เรื่องอื่น ๆ",
};

const INTRO = [
  "ใช้เวลาประมาณ 5 นาที ถามทีละข้อ: เรื่องอะไร ใคร ที่ไหน เมื่อไร และหลักฐาน",
  "ข้อมูลตัวตนของท่านถูกเข้ารหัส และเลือกไม่เปิดเผยตัวตนได้",
  "พิมพ์ \"ยกเลิก\" ได้ทุกขั้นตอนค่ะ",
];

export function complaintCategoryFlex(): messagingApi.FlexMessage {
  const body: messagingApi.FlexBox = {
    type: "box",
    layout: "vertical",
    spacing: "sm",
    paddingAll: "lg",
    contents: [
      ...INTRO.map((line): messagingApi.FlexText => ({ type: "text", text: `• ${line}`, size: SIZES.body, color: COLORS.text, wrap: true })),
      { type: "separator", color: COLORS.separator, margin: "md" },
      { type: "text", text: "เรื่องที่จะแจ้งเป็นแบบไหนคะ", size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true, margin: "md" },
    ],
  };
  const footer: messagingApi.FlexBox = {
    type: "box",
    layout: "vertical",
    spacing: "sm",
    paddingAll: "lg",
    contents: COMPLAINT_CATEGORIES.map((c) => postbackButton(BUTTON_LABELS[c], postbackData("complaint.category", { c }), "secondary", CATEGORY_LABELS[c])),
  };
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("แจ้งเรื่องร้องเรียนการทุจริต", { eyebrow: "สุจริต · แจ้งเรื่อง" }),
    body,
    footer,
  };
  return flexMessage("แจ้งเรื่องร้องเรียน: เลือกประเภทเรื่องที่จะแจ้งค่ะ", bubble, [{ label: "ยกเลิก", text: "ยกเลิก" }]);
}
