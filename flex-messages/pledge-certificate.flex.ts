import type { messagingApi } from "@line/bot-sdk";
import { formatThaiDate } from "../src/util/thai-date";
import { flexMessage, keepTogether, headerBox, keyValueRow, postbackButton, postbackData, truncateText, type QuickReplyItem, footerBox } from "./components.flex";
import { areaLine } from "./pledge-confirm.flex";
import { COLORS, SIZES } from "./theme";

// Step 6 of the pledge: the certificate. The name comes from the LINE profile when
// the user allows it (the profile API answers 404 otherwise: line.md status codes).
// Sharing uses the LINE URL scheme "https://line.me/R/share?text=…", which opens the
// share picker; LINE caps a URI action at 1000 characters (message-limits.ts).
export interface PledgeCertificateData {
  displayName?: string | null;
  number: number;
  campaignYear: number;
  pledgedAt: Date;
  timeZone: string;
  districtName: string;
  tambonName: string;
  villageNo: number;
  /** Active LINE pledges in the district, this one included. */
  districtCount: number;
  /** Shown again on a second attempt: "ท่านประกาศแล้ว". */
  already: boolean;
}

const MAX_NAME = 40;
const MAX_URI = 1000;
const number = new Intl.NumberFormat("th-TH");

export function pledgeShareUri(d: { number: number; campaignYear: number }): string {
  const text = `ฉันร่วมประกาศเจตนารมณ์ "ไม่รับ ไม่ให้" แล้ว (ลำดับที่ ${number.format(d.number)} ปีงบประมาณ ${d.campaignYear}) มาร่วมประกาศด้วยกันในไลน์ "สุจริต" นะคะ`;
  const uri = `https://line.me/R/share?text=${encodeURIComponent(text)}`;
  if (uri.length > MAX_URI) throw new Error(`share URI is ${uri.length} characters; LINE allows ${MAX_URI}`);
  return uri;
}

function uriButton(label: string, uri: string): messagingApi.FlexButton {
  return { type: "button", style: "primary", color: COLORS.brand, height: "sm", action: { type: "uri", label, uri } };
}

export const PLEDGE_AFTER_ITEMS: readonly QuickReplyItem[] = [
  { label: "ยอดผู้ประกาศ", postback: postbackData("pledge.stats"), displayText: "ยอดผู้ประกาศเจตนารมณ์" },
  { label: "เมนู", text: "เมนู" },
];

export function pledgeCertificateFlex(d: PledgeCertificateData): messagingApi.FlexMessage {
  const name = d.displayName?.replace(/\s+/g, " ").trim();
  const who = name ? `คุณ${truncateText(name, MAX_NAME)}` : "ผู้ร่วมประกาศเจตนารมณ์";
  const date = formatThaiDate(d.pledgedAt, d.timeZone);
  const body: messagingApi.FlexComponent[] = [
    { type: "text", text: who, size: "xl", weight: "bold", color: COLORS.brand, wrap: true, align: "center" },
    { type: "text", text: "ได้ประกาศเจตนารมณ์ \"ไม่รับ ไม่ให้\"", size: SIZES.heading, color: COLORS.text, wrap: true, align: "center" },
    { type: "separator", color: COLORS.separator, margin: "md" },
    keyValueRow("ลำดับที่", `${number.format(d.number)} (ปีงบประมาณ ${d.campaignYear})`),
    keyValueRow("วันที่", date),
    keyValueRow("หมู่บ้าน", areaLine(d)),
    {
      type: "text",
      text: keepTogether(`ชาวอำเภอ${d.districtName}ร่วมประกาศผ่าน LINE แล้ว ${number.format(d.districtCount)} คน`),
      size: SIZES.body,
      weight: "bold",
      color: COLORS.text,
      wrap: true,
    },
    { type: "text", text: "ชวนเพื่อนและครอบครัวมาร่วมประกาศเจตนารมณ์ด้วยกันนะคะ", size: SIZES.body, color: COLORS.textMuted, wrap: true },
  ];
  if (d.already) {
    body.unshift({ type: "text", text: "ท่านประกาศเจตนารมณ์ในปีงบประมาณนี้แล้วค่ะ ขอบคุณค่ะ", size: SIZES.body, color: COLORS.textMuted, wrap: true });
  }
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("ใบประกาศเจตนารมณ์", { eyebrow: "สุจริต · ไม่รับ ไม่ให้", subtitle: "จังหวัดขอนแก่น" }),
    body: { type: "box", layout: "vertical", spacing: "md", paddingAll: "lg", contents: body },
    footer: footerBox([
        uriButton("ชวนเพื่อนร่วมประกาศ", pledgeShareUri(d)),
        postbackButton("ดูยอดผู้ประกาศเจตนารมณ์", postbackData("pledge.stats"), "secondary"),
      ]),
  };
  const alt = `${d.already ? "ท่านประกาศแล้ว: " : ""}ใบประกาศเจตนารมณ์ ไม่รับ ไม่ให้ ${who} ลำดับที่ ${d.number} วันที่ ${date}`;
  return flexMessage(alt, bubble, PLEDGE_AFTER_ITEMS);
}
