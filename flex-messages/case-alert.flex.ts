import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, footerBox, headerBox, keyValueRow, politeTextMessage, postbackData, truncateText } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// Messages of the case clock (issue 24). To officers: a new case, the morning
// digest and a reporter's "ขอเร่งรัด". They name the category, the tambon and the
// tracking code only, never the case text or the reporter, and link to the case in
// the dashboard (where the officer logs in). To the reporter: the one notice that
// the case went to the province, with the one "ขอเร่งรัด".
const MAX_URI = 1000;

function uriButton(label: string, uri: string, style: "primary" | "secondary" = "primary"): messagingApi.FlexButton {
  if (uri.length > MAX_URI || !/^https?:\/\//.test(uri)) throw new Error(`not a usable dashboard link: ${uri.slice(0, 80)}`);
  return { type: "button", style, color: style === "primary" ? COLORS.brand : COLORS.secondaryButton, height: "sm", action: { type: "uri", label, uri } };
}

export interface CaseAlertData {
  trackingCode: string;
  category: string;
  /** "ต.ในเมือง อ.เมืองขอนแก่น", or the district alone, or "ไม่ระบุพื้นที่". */
  area: string;
  /** "ครบกำหนดตอบรับ 9 ธ.ค. 2569". */
  due?: string;
  caseUrl: string;
}

function caseBubble(title: string, eyebrow: string, d: CaseAlertData, note: string): messagingApi.FlexBubble {
  const rows: messagingApi.FlexComponent[] = [keyValueRow("รหัส", d.trackingCode), keyValueRow("ประเภท", d.category), keyValueRow("พื้นที่", d.area)];
  if (d.due) rows.push(keyValueRow("กำหนด", d.due));
  rows.push({ type: "text", text: note, size: SIZES.body, color: COLORS.textMuted, wrap: true });
  return {
    type: "bubble",
    size: "mega",
    header: headerBox(title, { eyebrow }),
    body: { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents: rows },
    footer: footerBox([uriButton("เปิดเรื่องในระบบเจ้าหน้าที่", d.caseUrl)]),
  };
}

export function newCaseAlertFlex(d: CaseAlertData): messagingApi.FlexMessage {
  const note = "รายละเอียดและผู้แจ้งดูได้ในระบบเจ้าหน้าที่เท่านั้น พิมพ์ \"ปิดแจ้งเตือนเรื่องร้องเรียน\" เพื่อหยุดรับข้อความนี้";
  return flexMessage(`เรื่องร้องเรียนใหม่ ${d.trackingCode}: ${d.category} (${d.area})`, caseBubble("เรื่องร้องเรียนใหม่", "สุจริต · แจ้งเจ้าหน้าที่", d, note));
}

export function expediteAlertFlex(d: CaseAlertData): messagingApi.FlexMessage {
  const note = "ผู้แจ้งกด \"ขอเร่งรัด\" หลังเรื่องเกินกำหนด กรุณาตอบกลับผู้แจ้งโดยเร็ว";
  return flexMessage(`ผู้แจ้งขอเร่งรัดเรื่อง ${d.trackingCode}`, caseBubble("ผู้แจ้งขอเร่งรัดเรื่อง", "สุจริต · เกินกำหนด", d, note));
}

export interface DigestItem {
  trackingCode: string;
  area: string;
  /** "เกินกำหนด 2 วันทำการ" or "ครบกำหนดวันนี้". */
  state: string;
}

export interface CaseDigestData {
  day: string;
  overdue: number;
  dueToday: number;
  items: readonly DigestItem[];
  queueUrl: string;
}

const DIGEST_ROWS = 10;

export function caseDigestFlex(d: CaseDigestData): messagingApi.FlexMessage {
  const rows: messagingApi.FlexComponent[] = d.items.slice(0, DIGEST_ROWS).map((i) => ({
    type: "box",
    layout: "vertical",
    spacing: "none",
    contents: [
      { type: "text", text: `${i.trackingCode} · ${i.state}`, size: SIZES.body, weight: "bold", color: COLORS.text, wrap: true },
      { type: "text", text: truncateText(i.area, 80), size: SIZES.label, color: COLORS.textMuted, wrap: true },
    ],
  }));
  const more = d.items.length - DIGEST_ROWS;
  if (more > 0) rows.push({ type: "text", text: `และอีก ${more} เรื่อง`, size: SIZES.body, color: COLORS.textMuted });
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "mega",
    header: headerBox("เรื่องที่ต้องติดตามวันนี้", { eyebrow: "สุจริต · สรุปประจำเช้า", subtitle: d.day }),
    body: {
      type: "box",
      layout: "vertical",
      spacing: "md",
      paddingAll: "lg",
      contents: [keyValueRow("เกินกำหนด", `${d.overdue} เรื่อง`), keyValueRow("ครบกำหนดวันนี้", `${d.dueToday} เรื่อง`), { type: "separator" }, ...rows],
    },
    footer: footerBox([uriButton("เปิดคิวเรื่องร้องเรียน", d.queueUrl)]),
  };
  return flexMessage(`สรุปเช้านี้: เกินกำหนด ${d.overdue} เรื่อง ครบกำหนดวันนี้ ${d.dueToday} เรื่อง`, bubble);
}

/** To the reporter, once per case: the deadline passed and the province follows the case now. */
export function reporterEscalationMessage(trackingCode: string, complaintId: string): messagingApi.TextMessage {
  return politeTextMessage(
    `เรื่องร้องเรียนรหัส ${trackingCode} ของท่านเกินกำหนดเวลาที่เจ้าหน้าที่ต้องตอบกลับแล้วค่ะ ` +
      "สุจริตได้ส่งเรื่องให้เจ้าหน้าที่ระดับจังหวัดติดตามแล้ว หากท่านต้องการให้เร่งรัด กดปุ่ม \"ขอเร่งรัด\" ได้หนึ่งครั้งค่ะ",
    [
      { label: "ขอเร่งรัด", postback: postbackData("deadline.expedite", { c: complaintId }) },
      { label: "ดูความคืบหน้า", postback: postbackData("complaint.track", { c: trackingCode }), displayText: "ติดตามเรื่องนี้" },
    ],
  );
}
