import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, headerBox, keyValueRow, postbackButton, postbackData, truncateText, footerBox } from "./components.flex";
import { complaintPrompt, type ComplaintQuickItem } from "./complaint-prompts.flex";
import { COLORS, SIZES } from "./theme";

// The last look before sending: every answer, where the case will go, and
// confirm / edit / cancel. "Confirm" carries the draft id (a=complaint.confirm&d=…),
// so a second tap, or a tap on an old review, is recognised and never files twice.
export interface ComplaintReviewData {
  draftId: string;
  category: string;
  what: string;
  who?: string;
  where: string;
  when: string;
  photoCount: number;
  /** "ไม่เปิดเผยตัวตน" or "เปิดเผยชื่อ: … (08x-xxx-5678)". */
  identity: string;
  /** Who will receive it, e.g. "เจ้าหน้าที่อำเภอชุมแพ". */
  routing: string;
}

/** The account in the bubble is shortened; the full text is what gets filed. */
const WHAT_PREVIEW = 800;

export function complaintReviewFlex(d: ComplaintReviewData): messagingApi.FlexMessage {
  const what = truncateText(d.what, WHAT_PREVIEW);
  const rows: messagingApi.FlexComponent[] = [
    keyValueRow("ประเภท", d.category),
    keyValueRow("ผู้เกี่ยวข้อง", d.who || "ไม่ระบุ"),
    keyValueRow("สถานที่", d.where || "ไม่ระบุ"),
    keyValueRow("เมื่อไร", d.when || "ไม่ระบุ"),
    keyValueRow("รูปหลักฐาน", d.photoCount > 0 ? `${d.photoCount} รูป` : "ไม่มี"),
    keyValueRow("ตัวตน", d.identity),
    keyValueRow("ส่งถึง", d.routing),
    { type: "separator", color: COLORS.separator, margin: "md" },
    { type: "text", text: "เหตุการณ์", size: SIZES.body, weight: "bold", color: COLORS.brand, margin: "md" },
    { type: "text", text: what, size: SIZES.body, color: COLORS.text, wrap: true },
  ];
  if (what !== d.what) {
    rows.push({ type: "text", text: `(แสดงบางส่วน ทั้งหมด ${d.what.length.toLocaleString("en-US")} ตัวอักษร)`, size: SIZES.body, color: COLORS.textMuted, wrap: true });
  }
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("ตรวจสอบก่อนส่งเรื่อง", { eyebrow: "สุจริต · แจ้งเรื่อง", subtitle: "ถูกต้องแล้วแตะ \"ยืนยันส่งเรื่อง\" ค่ะ" }),
    body: { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents: rows },
    footer: footerBox([
        postbackButton("ยืนยันส่งเรื่อง", postbackData("complaint.confirm", { d: d.draftId }), "primary"),
        postbackButton("แก้ไข", postbackData("complaint.editMenu"), "secondary"),
        postbackButton("ยกเลิก", postbackData("flow.cancel"), "link"),
      ]),
  };
  return flexMessage(`ตรวจสอบเรื่องร้องเรียนก่อนส่ง: ${d.category}`, bubble, [{ label: "ยืนยันส่งเรื่อง", postback: postbackData("complaint.confirm", { d: d.draftId }) }]);
}

export const EDIT_SECTIONS = ["category", "what", "who", "where", "when", "evidence", "identity"] as const;
export type EditSection = (typeof EDIT_SECTIONS)[number];

const SECTION_LABELS: Record<EditSection, string> = {
  category: "ประเภทเรื่อง",
  what: "เหตุการณ์",
  who: "ผู้เกี่ยวข้อง",
  where: "สถานที่",
  when: "วันเวลา",
  evidence: "รูปหลักฐาน",
  identity: "การเปิดเผยตัวตน",
};

export function complaintEditMenu(): messagingApi.TextMessage {
  const items: ComplaintQuickItem[] = EDIT_SECTIONS.map((s) => ({
    label: SECTION_LABELS[s],
    postback: postbackData("complaint.edit", { s }),
    displayText: `แก้ไข${SECTION_LABELS[s]}`,
  }));
  items.push({ label: "กลับไปตรวจสอบ", postback: postbackData("complaint.resume"), displayText: "กลับไปตรวจสอบ" });
  return complaintPrompt("ต้องการแก้ไขส่วนไหนคะ แก้เสร็จแล้วจะกลับมาหน้าตรวจสอบให้ค่ะ", items);
}
