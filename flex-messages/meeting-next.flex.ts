import type { messagingApi } from "@line/bot-sdk";
import { formatThaiDateFull, formatThaiTime } from "../src/util/thai-date";
import { flexMessage, headerBox, keyValueRow, postbackButton, postbackData, sectionBox, truncateText } from "./components.flex";
import { mainQuickReplies } from "./main-actions";
import { COLORS } from "./theme";

// "ประชุมครั้งต่อไป": the next meeting that concerns the member, for one chat.
export interface NextMeetingData {
  title: string;
  start: Date;
  timeZone: string;
  place: string;
  agenda: readonly string[];
  /** "หมู่ 5 ต.ในเมือง" or "อ.เมืองขอนแก่น". */
  areaLabel: string;
  /** "ทุกวันที่ 5 ของเดือน เวลา 09:00 น." */
  scheduleText: string;
  /** Offer "แจ้งเตือนประชุม" when the member has not opted in. */
  offerReminders: boolean;
}

export function nextMeetingFlex(d: NextMeetingData): messagingApi.FlexMessage {
  const date = formatThaiDateFull(d.start, d.timeZone);
  const time = formatThaiTime(d.start, d.timeZone);
  const footer: messagingApi.FlexComponent[] = [];
  if (d.offerReminders) footer.push(postbackButton("แจ้งเตือนประชุม", postbackData("meeting.optin"), "primary", "แจ้งเตือนประชุม"));
  footer.push(postbackButton("ประกาศเจตนารมณ์", postbackData("pledge.start"), "secondary"));
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox(d.title, { eyebrow: "ประชุมครั้งต่อไป", subtitle: d.areaLabel }),
    body: {
      type: "box",
      layout: "vertical",
      spacing: "md",
      contents: [
        keyValueRow("วันที่", date),
        keyValueRow("เวลา", time),
        keyValueRow("สถานที่", truncateText(d.place, 120)),
        keyValueRow("กำหนด", d.scheduleText),
        { type: "separator", color: COLORS.separator },
        sectionBox(d.agenda.map((a, i) => `${i + 1}. ${a}`).join("\n") || "-", "วาระการประชุม"),
      ],
    },
    footer: { type: "box", layout: "vertical", spacing: "sm", contents: footer },
  };
  return flexMessage(`ประชุมครั้งต่อไป: ${d.title} ${date} เวลา ${time} ณ ${d.place}`, bubble, mainQuickReplies());
}
