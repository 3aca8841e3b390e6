import type { messagingApi } from "@line/bot-sdk";
import { formatThaiDateFull, formatThaiTime } from "../src/util/thai-date";
import { flexMessage, headerBox, keyValueRow, postbackButton, postbackData, sectionBox, truncateText } from "./components.flex";
import { mainQuickReplies } from "./main-actions";
import { COLORS, SIZES } from "./theme";

// The meeting reminder multicast to a village (or a district's leaders). It names no
// person and no village, so villages whose meetings share time, place and agenda get
// byte-identical messages and can share one multicast of up to 500 recipients (LINE
// caps multicast at 500 ids and 200 requests/s: line.md "Rate limits").
export interface MeetingReminderData {
  title: string;
  start: Date;
  timeZone: string;
  place: string;
  agenda: readonly string[];
  /** "อีก 3 วัน", "พรุ่งนี้", "อีก 2 ชั่วโมง". */
  leadTime: string;
  /** Leaders get the pledge script and the "รายงานผล" button. */
  audience: "leader" | "resident";
  pledgeScript: string;
  /** Postback params naming the occurrence and offset ("o", "f"). */
  occurrenceParam: string;
  offsetKey: string;
}

/** The occurrence start as a short postback parameter (epoch ms in base 36). */
export function occurrenceParam(start: Date): string {
  return start.getTime().toString(36);
}

export function parseOccurrenceParam(p: string | null): Date | null {
  if (!p || !/^[0-9a-z]{1,12}$/.test(p)) return null;
  const d = new Date(parseInt(p, 36));
  return Number.isNaN(d.getTime()) ? null : d;
}

function agendaText(agenda: readonly string[]): string {
  return agenda.map((a, i) => `${i + 1}. ${a}`).join("\n") || "-";
}

export function meetingReminderFlex(d: MeetingReminderData): messagingApi.FlexMessage {
  const date = formatThaiDateFull(d.start, d.timeZone);
  const time = formatThaiTime(d.start, d.timeZone);
  const body: messagingApi.FlexComponent[] = [
    keyValueRow("วันที่", date),
    keyValueRow("เวลา", time),
    keyValueRow("สถานที่", truncateText(d.place, 120)),
    { type: "separator", color: COLORS.separator },
    sectionBox(agendaText(d.agenda), "วาระการประชุม"),
  ];
  if (d.audience === "leader") {
    body.push({
      type: "box",
      layout: "vertical",
      spacing: "xs",
      paddingAll: "md",
      cornerRadius: "md",
      backgroundColor: COLORS.surfaceTint,
      contents: [
        { type: "text", text: "คำประกาศเจตนารมณ์ (อ่านนำในที่ประชุม)", size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true },
        { type: "text", text: d.pledgeScript, size: SIZES.body, color: COLORS.text, wrap: true },
        { type: "text", text: "หลังประชุม กด \"รายงานผล\" เพื่อแจ้งจำนวนผู้เข้าประชุมและผู้ร่วมประกาศค่ะ", size: SIZES.body, color: COLORS.textMuted, wrap: true },
      ],
    });
  }
  const params = { o: d.occurrenceParam, f: d.offsetKey };
  const footer: messagingApi.FlexComponent[] = [postbackButton("รับทราบ", postbackData("meeting.ack", params), "primary")];
  if (d.audience === "leader") footer.push(postbackButton("รายงานผล (หลังประชุม)", postbackData("meeting.report", { o: d.occurrenceParam }), "secondary", "รายงานผลการประชุม"));
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(d.title, { eyebrow: `แจ้งเตือนการประชุม · ${d.leadTime}` }),
    body: { type: "box", layout: "vertical", spacing: "md", contents: body },
    footer: { type: "box", layout: "vertical", spacing: "sm", contents: footer },
  };
  return flexMessage(`แจ้งเตือน: ${d.title} ${date} เวลา ${time} ณ ${d.place}`, bubble, mainQuickReplies());
}

/** "อีก 3 วัน" / "พรุ่งนี้" / "วันนี้" / "อีก 2 ชั่วโมง", from the offset key ("3d@08:00", "2h"). */
export function leadTimeLabel(offsetKey: string): string {
  const m = /^(\d+)([dh])/.exec(offsetKey);
  if (!m) return "เร็ว ๆ นี้";
  const n = Number(m[1]);
  if (m[2] === "h") return n === 0 ? "เริ่มแล้ว" : `อีก ${n} ชั่วโมง`;
  return n === 0 ? "วันนี้" : n === 1 ? "พรุ่งนี้" : `อีก ${n} วัน`;
}
