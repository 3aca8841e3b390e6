import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, postbackButton, postbackData } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// Said when a question interrupts the complaint flow: the answer follows this
// bubble, and the flow waits (its 30-minute expiry still runs). The button
// (postback a=complaint.resume) shows the pending step again. A Flex button stays
// usable in the chat history, unlike quick replies that vanish.
export function complaintResumeFlex(): messagingApi.FlexMessage {
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "kilo",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      paddingAll: "md",
      backgroundColor: COLORS.surfaceTint,
      contents: [
        { type: "text", text: "ขอตอบคำถามก่อนนะคะ 👇", size: SIZES.body, weight: "bold", color: COLORS.brand, wrap: true },
        { type: "text", text: "เรื่องที่กำลังแจ้งยังเก็บไว้ให้ 30 นาที แตะ \"ทำรายการต่อ\" เมื่อพร้อมค่ะ", size: SIZES.body, color: COLORS.textMuted, wrap: true },
      ],
    },
    footer: { type: "box", layout: "vertical", paddingAll: "md", contents: [postbackButton("ทำรายการต่อ", postbackData("complaint.resume"), "primary")] },
  };
  return flexMessage("เรื่องร้องเรียนที่กำลังแจ้งยังเก็บไว้ แตะ ทำรายการต่อ เมื่อพร้อมค่ะ", bubble);
}
