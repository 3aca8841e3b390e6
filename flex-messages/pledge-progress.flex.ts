import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, headerBox, keyValueRow, postbackButton, postbackData, type QuickReplyItem } from "./components.flex";
import { COLORS, SIZES } from "./theme";

/** A district with fewer members than this shows "–" instead of a rate (src/services/pledge-stats.service.ts). */
export const MIN_MEMBERS_FOR_RATE = 10;

// "ยอดผู้ประกาศเจตนารมณ์": the province total, the reader's district and a district
// ranking, so people see their neighbours joining. Pledges made in LINE and those
// reported by headmen after village meetings are shown side by side, never added up:
// one person may have done both.
export type ProgressOrder = "count" | "perThousand";

export interface ProgressDistrictRow {
  rank: number;
  districtCode: string;
  nameTh: string;
  linePledges: number;
  meetingPledged: number;
  perThousandMembers: number | null;
}

export interface PledgeProgressData {
  campaignYear: number;
  linePledges: number;
  meetingPledged: number;
  meetingReports: number;
  by: ProgressOrder;
  /** All districts, ranked. */
  ranking: readonly ProgressDistrictRow[];
  myDistrictCode?: string;
  /** The reader has an active pledge this year (no "ร่วมประกาศ" button then). */
  pledged: boolean;
}

const TOP_ROWS = 10;
const n = new Intl.NumberFormat("th-TH");
const rate = new Intl.NumberFormat("th-TH", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function valueText(row: ProgressDistrictRow, by: ProgressOrder): string {
  if (by === "count") return `${n.format(row.linePledges)} คน`;
  return row.perThousandMembers === null ? "–" : `${rate.format(row.perThousandMembers)} ต่อพัน`;
}

function rankRow(row: ProgressDistrictRow, by: ProgressOrder, mine: boolean): messagingApi.FlexBox {
  const weight = mine ? "bold" : "regular";
  return {
    type: "box",
    layout: "baseline",
    spacing: "sm",
    contents: [
      { type: "text", text: `${row.rank}.`, size: SIZES.body, color: COLORS.textMuted, flex: 1, weight },
      { type: "text", text: mine ? `${row.nameTh} (ของท่าน)` : row.nameTh, size: SIZES.body, color: COLORS.text, flex: 5, wrap: true, weight },
      { type: "text", text: valueText(row, by), size: SIZES.body, color: COLORS.text, flex: 3, align: "end", weight },
    ],
  };
}

function heading(text: string): messagingApi.FlexText {
  return { type: "text", text, size: SIZES.heading, weight: "bold", color: COLORS.brand, wrap: true };
}

export function pledgeProgressFlex(d: PledgeProgressData): messagingApi.FlexMessage {
  const mine = d.ranking.find((r) => r.districtCode === d.myDistrictCode);
  const body: messagingApi.FlexComponent[] = [
    heading("ทั้งจังหวัด"),
    keyValueRow("ผ่าน LINE", `${n.format(d.linePledges)} คน`),
    keyValueRow("ในที่ประชุมหมู่บ้าน", `${n.format(d.meetingPledged)} คน (ผู้ใหญ่บ้านรายงาน ${n.format(d.meetingReports)} ครั้ง)`),
    { type: "text", text: "นับแยกกัน เพราะบางท่านประกาศทั้งสองทางค่ะ", size: SIZES.body, color: COLORS.textMuted, wrap: true },
  ];
  if (mine) {
    body.push(
      { type: "separator", color: COLORS.separator, margin: "md" },
      heading(`อำเภอของท่าน: ${mine.nameTh}`),
      keyValueRow("ผ่าน LINE", `${n.format(mine.linePledges)} คน (อันดับ ${mine.rank} จาก ${d.ranking.length})`),
      keyValueRow("ในที่ประชุมหมู่บ้าน", `${n.format(mine.meetingPledged)} คน`),
    );
  }
  const top = d.ranking.slice(0, TOP_ROWS);
  body.push(
    { type: "separator", color: COLORS.separator, margin: "md" },
    heading(d.by === "count" ? "อันดับอำเภอ (จำนวนผู้ประกาศผ่าน LINE)" : "อันดับอำเภอ (ประกาศกี่คน ในทุก 1,000 คนที่ใช้สุจริต)"),
    ...top.map((r) => rankRow(r, d.by, r.districtCode === d.myDistrictCode)),
  );
  if (d.by === "perThousand" && d.ranking.some((r) => r.perThousandMembers === null)) {
    body.push({ type: "text", text: `"–" คือ อำเภอที่มีผู้ใช้สุจริตไม่ถึง ${MIN_MEMBERS_FOR_RATE} คน จึงยังไม่คิดสัดส่วนค่ะ`, size: SIZES.body, color: COLORS.textMuted, wrap: true, margin: "md" });
  }
  if (mine && mine.rank > TOP_ROWS) body.push({ type: "text", text: "…", size: SIZES.body, color: COLORS.textMuted }, rankRow(mine, d.by, true));
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("ยอดผู้ประกาศเจตนารมณ์ ไม่รับ ไม่ให้", { eyebrow: "สุจริต · ความคืบหน้า", subtitle: `ปีงบประมาณ ${d.campaignYear}` }),
    body: { type: "box", layout: "vertical", spacing: "sm", paddingAll: "lg", contents: body },
  };
  if (!d.pledged) {
    bubble.footer = {
      type: "box",
      layout: "vertical",
      paddingAll: "lg",
      contents: [postbackButton("ร่วมประกาศเจตนารมณ์", postbackData("pledge.start"), "primary")],
    };
  }
  const other: QuickReplyItem =
    d.by === "count"
      ? { label: "เรียงตามสัดส่วนคน", postback: postbackData("pledge.stats", { by: "rate" }), displayText: "เรียงอันดับตามสัดส่วน: ประกาศกี่คนในทุก 1,000 คนที่ใช้สุจริต" }
      : { label: "เรียงตามจำนวน", postback: postbackData("pledge.stats", { by: "count" }), displayText: "เรียงอันดับตามจำนวนผู้ประกาศ" };
  const alt =
    `ยอดผู้ประกาศเจตนารมณ์ ปีงบประมาณ ${d.campaignYear}: ผ่าน LINE ${n.format(d.linePledges)} คน ในที่ประชุมหมู่บ้าน ${n.format(d.meetingPledged)} คน` +
    (mine ? ` อำเภอ${mine.nameTh} ${n.format(mine.linePledges)} คน` : "");
  return flexMessage(alt, bubble, [other, { label: "เมนู", text: "เมนู" }]);
}
