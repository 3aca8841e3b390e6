import type { messagingApi } from "@line/bot-sdk";
import { caseNextSteps } from "./complaint-timeline.flex";
import { keepTogether, flexMessage, headerBox, postbackButton, postbackData, truncateText, footerBox } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// A message from an officer, pushed to the reporter (anonymous ones too, through
// the sealed LINE id). The "ตอบกลับ" button starts a one-message reply flow, so an
// answer joins the case thread only when the reporter chooses to answer: ordinary
// chat never gets captured by an open question.
export interface ComplaintOfficerMessageData {
  trackingCode: string;
  text: string;
  at: string;
  expectsReply: boolean;
}

export function complaintOfficerMessageFlex(d: ComplaintOfficerMessageData): messagingApi.FlexMessage {
  const hint = d.expectsReply ? "เจ้าหน้าที่ขอให้ตอบกลับค่ะ แตะ \"ตอบกลับ\" แล้วพิมพ์คำตอบได้เลย" : "หากมีข้อมูลเพิ่มเติม แตะ \"ส่งข้อมูลเพิ่มเติม\" ได้ค่ะ";
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "mega",
    header: headerBox("ข้อความจากเจ้าหน้าที่", { eyebrow: "สุจริต · ติดตามเรื่อง", subtitle: d.trackingCode }),
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      paddingAll: "lg",
      contents: [
        { type: "text", text: d.at, size: SIZES.body, color: COLORS.textMuted },
        { type: "text", text: keepTogether(truncateText(d.text, 2000)), size: SIZES.body, color: COLORS.text, wrap: true },
        { type: "text", text: hint, size: SIZES.body, color: COLORS.textMuted, wrap: true },
      ],
    },
    footer: footerBox([
        postbackButton(d.expectsReply ? "ตอบกลับ" : "ส่งข้อมูลเพิ่มเติม", postbackData("complaint.reply", { c: d.trackingCode }), d.expectsReply ? "primary" : "secondary"),
        postbackButton("ดูความคืบหน้า", postbackData("complaint.track", { c: d.trackingCode }), "link", "ติดตามเรื่องนี้"),
      ]),
  };
  return flexMessage(`ข้อความจากเจ้าหน้าที่ (เรื่อง ${d.trackingCode}): ${d.text}`, bubble, caseNextSteps(d.trackingCode, true, true));
}
