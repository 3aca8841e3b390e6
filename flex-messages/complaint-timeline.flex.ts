import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, keepTogether, headerBox, postbackButton, postbackData, truncateText, type QuickReplyItem } from "./components.flex";
import { MENU_ITEM } from "./main-actions";
import { COLORS, SIZES } from "./theme";

// What a reporter sees when following a case: the current status and the
// timeline of status changes and messages (Traffy's case timeline), and the
// push sent when an officer changes the status (FixMyStreet update emails).
export interface TimelineEvent {
  /** Already formatted in Thai BE. */
  at: string;
  kind: "status" | "officer" | "reporter";
  title: string;
  text?: string;
}

export interface ComplaintTimelineData {
  trackingCode: string;
  category: string;
  status: string;
  submittedAt: string;
  /** Oldest first; the bubble shows the latest MAX_EVENTS. */
  events: TimelineEvent[];
  /** The asker filed the case and it is open: offer a reply. */
  canReply: boolean;
  /** An officer asked something and waits for the answer. */
  awaitingReporter: boolean;
  /** The case clock in the reporter's words; expediteId offers the one "ขอเร่งรัด" (issue 24). */
  deadline?: { text: string; expediteId?: string };
}

export const MAX_TIMELINE_EVENTS = 10;

/** What a reporter may do after reading about a case: answer, look at all their cases, or the menu. */
export function caseNextSteps(trackingCode: string, canReply: boolean, trackThis = false): QuickReplyItem[] {
  const items: QuickReplyItem[] = [];
  if (canReply) items.push({ label: "ส่งข้อมูลเพิ่มเติม", postback: postbackData("complaint.reply", { c: trackingCode }) });
  if (trackThis) items.push({ label: "ดูความคืบหน้า", postback: postbackData("complaint.track", { c: trackingCode }), displayText: "ติดตามเรื่องนี้" });
  items.push({ label: "เรื่องทั้งหมดของฉัน", postback: postbackData("complaint.track"), displayText: "ติดตามเรื่อง" }, MENU_ITEM);
  return items;
}
const EVENT_TEXT = 300;
const DOT: Record<TimelineEvent["kind"], string> = { status: "●", officer: "✉", reporter: "↩" };

function eventBox(e: TimelineEvent): messagingApi.FlexBox {
  const contents: messagingApi.FlexComponent[] = [
    { type: "text", text: e.at, size: SIZES.label, color: COLORS.textMuted },
    { type: "text", text: `${DOT[e.kind]} ${e.title}`, size: SIZES.body, weight: "bold", color: COLORS.text, wrap: true },
  ];
  if (e.text) contents.push({ type: "text", text: keepTogether(truncateText(e.text, EVENT_TEXT)), size: SIZES.body, color: COLORS.text, wrap: true });
  return { type: "box", layout: "vertical", spacing: "xs", contents };
}

export function complaintTimelineFlex(d: ComplaintTimelineData): messagingApi.FlexMessage {
  const shown = d.events.slice(-MAX_TIMELINE_EVENTS);
  const contents: messagingApi.FlexComponent[] = [
    { type: "text", text: `สถานะ: ${d.status}`, size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true },
    { type: "text", text: `${d.category} · แจ้งเมื่อ ${d.submittedAt}`, size: SIZES.body, color: COLORS.textMuted, wrap: true },
    { type: "separator", color: COLORS.separator, margin: "md" },
  ];
  if (shown.length < d.events.length) {
    contents.push({ type: "text", text: `แสดง ${shown.length} รายการล่าสุด จากทั้งหมด ${d.events.length}`, size: SIZES.body, color: COLORS.textMuted, wrap: true });
  }
  contents.push(...shown.map(eventBox));
  if (d.awaitingReporter && d.canReply) {
    contents.push({ type: "text", text: keepTogether("เจ้าหน้าที่รอคำตอบจากท่านค่ะ แตะ \"ตอบกลับเจ้าหน้าที่\""), size: SIZES.body, weight: "bold", color: COLORS.brand, wrap: true });
  }
  if (d.deadline) contents.push({ type: "text", text: d.deadline.text, size: SIZES.body, color: COLORS.text, wrap: true });
  const buttons: messagingApi.FlexComponent[] = [];
  if (d.deadline?.expediteId) buttons.push(postbackButton("ขอเร่งรัด", postbackData("deadline.expedite", { c: d.deadline.expediteId }), "primary"));
  if (d.canReply) {
    const label = d.awaitingReporter ? "ตอบกลับเจ้าหน้าที่" : "ส่งข้อมูลเพิ่มเติม";
    buttons.push(postbackButton(label, postbackData("complaint.reply", { c: d.trackingCode }), d.awaitingReporter ? "primary" : "secondary"));
  }
  buttons.push(postbackButton("เรื่องทั้งหมดของฉัน", postbackData("complaint.track"), "link", "ติดตามเรื่อง"));
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(d.trackingCode, { eyebrow: "สุจริต · ติดตามเรื่อง" }),
    body: { type: "box", layout: "vertical", spacing: "md", paddingAll: "lg", contents },
    footer: { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents: buttons },
  };
  return flexMessage(`เรื่อง ${d.trackingCode}: ${d.status}`, bubble, caseNextSteps(d.trackingCode, d.canReply));
}

export interface ComplaintStatusUpdateData {
  trackingCode: string;
  status: string;
  at: string;
  note: string;
  /** "สำนักงาน ป.ป.ช. (สายด่วน 1205)" when referred. */
  referredTo?: string;
}

/** Pushed to the reporter on every status change. */
export function complaintStatusUpdateFlex(d: ComplaintStatusUpdateData): messagingApi.FlexMessage {
  const contents: messagingApi.FlexComponent[] = [
    { type: "text", text: d.status, size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true },
    { type: "text", text: d.at, size: SIZES.body, color: COLORS.textMuted },
  ];
  if (d.referredTo) contents.push({ type: "text", text: `ส่งต่อถึง: ${d.referredTo}`, size: SIZES.body, color: COLORS.text, wrap: true });
  contents.push({ type: "text", text: keepTogether(truncateText(d.note, 1000)), size: SIZES.body, color: COLORS.text, wrap: true });
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "mega",
    header: headerBox("ความคืบหน้าเรื่องของท่าน", { eyebrow: "สุจริต · ติดตามเรื่อง", subtitle: d.trackingCode }),
    body: { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents },
    footer: {
      type: "box",
      layout: "vertical",
      paddingAll: "lg",
      contents: [postbackButton("ดูความคืบหน้าทั้งหมด", postbackData("complaint.track", { c: d.trackingCode }), "primary", "ติดตามเรื่องนี้")],
    },
  };
  return flexMessage(`เรื่อง ${d.trackingCode}: ${d.status} — ${d.note}`, bubble, caseNextSteps(d.trackingCode, true));
}
