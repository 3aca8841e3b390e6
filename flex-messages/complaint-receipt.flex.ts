import type { messagingApi } from "@line/bot-sdk";
import { keepTogether, flexMessage, headerBox, keyValueRow, postbackButton, postbackData, footerBox } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// The receipt after "confirm": the tracking code (the reporter's credential, as a
// GlobaLeaks receipt or Traffy ticket), what happens next, and the hotlines.
export interface ComplaintReceiptData {
  trackingCode: string;
  category: string;
  /** Already formatted in Thai BE, e.g. "26 พ.ย. 2569 10:05 น.". */
  submittedAt: string;
  anonymous: boolean;
  /** Who receives it, e.g. "เจ้าหน้าที่อำเภอชุมแพ". */
  routing: string;
  photoCount: number;
  /** "ป.ป.ช. 1205 · ป.ป.ท. 1206 · ศูนย์ดำรงธรรม 1567". */
  hotlines: string;
  /** True when this is a repeat of an earlier receipt (a second tap on confirm). */
  repeated?: boolean;
}

const text = (t: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({ type: "text", text: t, size: SIZES.body, color: COLORS.text, wrap: true, ...extra });

export function complaintReceiptFlex(d: ComplaintReceiptData): messagingApi.FlexMessage {
  const next = [
    `1. ${d.routing} จะตรวจสอบเรื่องของท่าน`,
    "2. เมื่อสถานะเปลี่ยน สุจริตจะแจ้งท่านทาง LINE นี้",
    "3. หากเจ้าหน้าที่มีคำถาม จะส่งมาที่นี่ แตะ \"ตอบกลับ\" เพื่อตอบได้",
  ].map(keepTogether).join("\n");
  const identity = d.anonymous
    ? "เรื่องนี้ไม่เปิดเผยตัวตน เจ้าหน้าที่จะไม่เห็นชื่อหรือบัญชี LINE ของท่านค่ะ"
    : "ชื่อและเบอร์โทรของท่านถูกเข้ารหัส เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาตเห็นได้ และทุกครั้งที่เปิดดูจะถูกบันทึกไว้ค่ะ";
  const body: messagingApi.FlexBox = {
    type: "box",
    layout: "vertical",
    spacing: "md",
    paddingAll: "lg",
    contents: [
      text("รหัสติดตามเรื่อง", { color: COLORS.textMuted }),
      { type: "text", text: d.trackingCode, size: "xl", weight: "bold", color: COLORS.brand, wrap: true },
      text("จดหรือแคปหน้าจอรหัสนี้เก็บไว้ ใช้ติดตามเรื่องได้แม้เปลี่ยนบัญชี LINE และอย่าให้ผู้อื่นเห็นค่ะ", { color: COLORS.textMuted }),
      { type: "separator", color: COLORS.separator },
      keyValueRow("ประเภท", d.category),
      keyValueRow("ส่งเมื่อ", d.submittedAt),
      keyValueRow("รูปหลักฐาน", d.photoCount > 0 ? `${d.photoCount} รูป` : "ไม่มี"),
      { type: "separator", color: COLORS.separator },
      text("ขั้นตอนต่อไป", { weight: "bold", color: COLORS.brand }),
      text(next),
      text(identity, { color: COLORS.textMuted }),
      {
        type: "box",
        layout: "vertical",
        paddingAll: "md",
        cornerRadius: "md",
        backgroundColor: COLORS.surfaceTint,
        contents: [text("เรื่องเร่งด่วน โทรสายด่วนได้ที่", { color: COLORS.textMuted }), text(d.hotlines, { weight: "bold" })],
      },
    ],
  };
  const title = d.repeated ? "เรื่องนี้ส่งไปแล้วค่ะ" : "ส่งเรื่องเรียบร้อยแล้วค่ะ";
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(title, { eyebrow: "สุจริต · ใบรับเรื่อง", subtitle: "ขอบคุณที่ช่วยกันต่อต้านการทุจริตค่ะ" }),
    body,
    footer: footerBox([postbackButton("ติดตามเรื่องนี้", postbackData("complaint.track", { c: d.trackingCode }), "primary", "ติดตามเรื่องนี้")]),
  };
  return flexMessage(`${title} รหัสติดตามเรื่อง ${d.trackingCode} — ใช้รหัสนี้ติดตามความคืบหน้าค่ะ`, bubble, [
    { label: "ติดตามเรื่อง", postback: postbackData("complaint.track"), displayText: "ติดตามเรื่อง" },
    { label: "เมนู", text: "เมนู" },
  ]);
}
