import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, headerBox, keyValueRow, postbackButton, postbackData, footerBox } from "./components.flex";
import { CANCEL_ITEM } from "./pledge-district.flex";
import { pledgeStatementBox } from "./pledge-intro.flex";
import { COLORS, SIZES } from "./theme";

// Step 5 of the pledge: read the statement and the village once more, then confirm.
// Only this button commits (ARCHITECTURE.md: only the final step commits).
export interface PledgeConfirmData {
  districtName: string;
  tambonName: string;
  villageNo: number;
  /** The village was taken from the member's earlier answer, so the questions were skipped. */
  remembered: boolean;
  /** BE fiscal year the pledge counts for. */
  campaignYear: number;
}

export function areaLine(d: { districtName: string; tambonName: string; villageNo: number }): string {
  return `หมู่ที่ ${d.villageNo} ต.${d.tambonName} อ.${d.districtName}`;
}

export function pledgeConfirmFlex(d: PledgeConfirmData): messagingApi.FlexMessage {
  const body: messagingApi.FlexComponent[] = [
    pledgeStatementBox(),
    keyValueRow("หมู่บ้าน", areaLine(d)),
    keyValueRow("ปีงบประมาณ", String(d.campaignYear)),
  ];
  if (d.remembered) {
    body.push({ type: "text", text: "ใช้หมู่บ้านที่ท่านเคยแจ้งไว้ หากย้ายแล้ว กด \"เปลี่ยนหมู่บ้าน\" ค่ะ", size: SIZES.body, color: COLORS.textMuted, wrap: true });
  }
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("ยืนยันการประกาศเจตนารมณ์", { eyebrow: "สุจริต · ประกาศเจตนารมณ์" }),
    body: { type: "box", layout: "vertical", spacing: "md", paddingAll: "lg", contents: body },
    footer: footerBox([
        postbackButton("ยืนยันประกาศเจตนารมณ์", postbackData("pledge.confirm"), "primary"),
        postbackButton("เปลี่ยนหมู่บ้าน", postbackData("pledge.change"), "secondary"),
        postbackButton("ยกเลิก", postbackData("flow.cancel"), "link"),
      ]),
  };
  return flexMessage(`ยืนยันการประกาศเจตนารมณ์ ไม่รับ ไม่ให้ ${areaLine(d)} กด "ยืนยันประกาศเจตนารมณ์" ค่ะ`, bubble, [CANCEL_ITEM]);
}
