import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, postbackButton, postbackData } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// All of Khon Kaen's 26 districts as buttons, for people who prefer tapping to
// spelling: a carousel of bubbles with 9 buttons each (LINE: ≤ 12 bubbles, ≤ 30 KB
// per bubble), in the order given (Thai dictionary order from listDistricts()).
export interface DistrictButton {
  code: string;
  nameTh: string;
}

const PER_BUBBLE = 9;

export function complaintDistrictPickerFlex(districts: readonly DistrictButton[]): messagingApi.FlexMessage {
  const bubbles: messagingApi.FlexBubble[] = [];
  for (let i = 0; i < districts.length; i += PER_BUBBLE) {
    const page = districts.slice(i, i + PER_BUBBLE);
    bubbles.push({
      type: "bubble",
      size: "kilo",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        paddingAll: "md",
        contents: [
          { type: "text", text: `เลือกอำเภอ (${i + 1}–${i + page.length})`, size: SIZES.body, weight: "bold", color: COLORS.brand },
          ...page.map((d) => postbackButton(`อ.${d.nameTh}`, postbackData("complaint.district", { d: d.code }), "secondary", `อำเภอ${d.nameTh}`)),
        ],
      },
    });
  }
  return flexMessage("เลือกอำเภอที่เกิดเหตุค่ะ", { type: "carousel", contents: bubbles.slice(0, 12) });
}
