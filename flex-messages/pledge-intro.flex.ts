import type { messagingApi } from "@line/bot-sdk";
import { KHON_KAEN_2564_SOURCE } from "../src/content/explainers/explainer-actions";
import { PLEDGE_STATEMENT } from "../src/content/pledge-statement";
import { flexMessage, headerBox, sectionBox, sourceLine } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// Step 1 of the pledge: the words of the pledge and what they mean. The campaign
// "ไม่รับ ไม่ให้" and the village-meeting pledges are Khon Kaen's (seed article, 9 Dec
// 2021); the wording below is Sujarit's own plain-language statement, not an official text.

/** What a resident declares; the headman reads the same words aloud at village meetings. */
export { PLEDGE_STATEMENT };

const MEANING =
  "• ไม่ให้: ติดต่อราชการ ไม่ต้องให้เงินหรือของขวัญเพื่อให้ได้รับบริการ\n" +
  "• ไม่รับ: เมื่อทำหน้าที่เพื่อส่วนรวม จะไม่รับสิ่งตอบแทนจากการทำหน้าที่\n" +
  "• พบการเรียกรับ แจ้งได้ที่บอทนี้ หรือสายด่วน ป.ป.ช. 1205";

const ONCE_A_YEAR = "ประกาศได้คนละ 1 ครั้งต่อปีงบประมาณ และถอนการประกาศได้ทุกเมื่อค่ะ";

/** The pledge statement in a tinted panel, shared with the confirm card. */
export function pledgeStatementBox(): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "vertical",
    paddingAll: "md",
    cornerRadius: "md",
    backgroundColor: COLORS.surfaceTint,
    contents: [{ type: "text", text: `"${PLEDGE_STATEMENT}"`, size: SIZES.body, color: COLORS.text, wrap: true }],
  };
}

export function pledgeIntroFlex(): messagingApi.FlexMessage {
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    size: "giga",
    header: headerBox("ประกาศเจตนารมณ์ ไม่รับ ไม่ให้", { eyebrow: "สุจริต · ประกาศเจตนารมณ์" }),
    body: {
      type: "box",
      layout: "vertical",
      spacing: "lg",
      paddingAll: "lg",
      contents: [
        pledgeStatementBox(),
        sectionBox(MEANING, "หมายความว่า"),
        { type: "text", text: ONCE_A_YEAR, size: SIZES.body, color: COLORS.textMuted, wrap: true },
        { type: "separator", color: COLORS.separator },
        sourceLine([`${KHON_KAEN_2564_SOURCE.label} (${KHON_KAEN_2564_SOURCE.detail})`]),
      ],
    },
  };
  return flexMessage(`ประกาศเจตนารมณ์ ไม่รับ ไม่ให้: ${PLEDGE_STATEMENT}`, bubble);
}
