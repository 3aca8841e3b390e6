import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, keepTogether, headerBox, postbackButton, postbackData } from "./components.flex";
import { MENU_ITEM } from "./main-actions";
import { COLORS, SIZES } from "./theme";

// "ติดตามเรื่อง" without a code: the reporter's own complaints, newest first, each
// with a button that opens its timeline (a=complaint.track&c=<code>).
export interface MyReportItem {
  trackingCode: string;
  category: string;
  status: string;
  submittedAt: string;
}

export const MAX_MY_REPORTS = 10;

function itemBox(r: MyReportItem): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "vertical",
    spacing: "xs",
    contents: [
      { type: "text", text: keepTogether(`${r.trackingCode} · ${r.status}`), size: SIZES.body, weight: "bold", color: COLORS.text, wrap: true },
      { type: "text", text: keepTogether(`${r.category} · ${r.submittedAt}`), size: SIZES.body, color: COLORS.textMuted, wrap: true },
      postbackButton(`ดูเรื่อง ${r.trackingCode}`, postbackData("complaint.track", { c: r.trackingCode }), "secondary"),
    ],
  };
}

export function complaintMyReportsFlex(items: readonly MyReportItem[]): messagingApi.FlexMessage {
  const shown = items.slice(0, MAX_MY_REPORTS);
  const contents: messagingApi.FlexComponent[] = [];
  shown.forEach((r, i) => {
    if (i > 0) contents.push({ type: "separator", color: COLORS.separator });
    contents.push(itemBox(r));
  });
  contents.push({ type: "text", text: keepTogether("มีรหัสติดตามของเรื่องอื่น พิมพ์ \"ติดตามเรื่อง\" ตามด้วยรหัสได้เลยค่ะ"), size: SIZES.body, color: COLORS.textMuted, wrap: true });
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("เรื่องที่ท่านแจ้งไว้", { eyebrow: "สุจริต · ติดตามเรื่อง", subtitle: `${shown.length} เรื่องล่าสุด` }),
    body: { type: "box", layout: "vertical", spacing: "md", paddingAll: "lg", contents },
  };
  return flexMessage(`เรื่องที่ท่านแจ้งไว้ ${shown.length} เรื่อง`, bubble, [
    { label: "แจ้งเรื่องร้องเรียน", postback: postbackData("complaint.start") },
    MENU_ITEM,
  ]);
}
