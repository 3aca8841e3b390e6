import type { messagingApi } from "@line/bot-sdk";
import { choiceBubble, choiceContainer, chunk, flexMessage, postbackButton, postbackData } from "./components.flex";

// All of Khon Kaen's 26 districts as buttons, for people who prefer tapping to
// spelling: a carousel of bubbles with 9 buttons each (LINE: ≤ 12 bubbles, ≤ 30 KB
// per bubble), in the order given (Thai dictionary order from listDistricts()).
export interface DistrictButton {
  code: string;
  nameTh: string;
}

const PER_BUBBLE = 9;

export function complaintDistrictPickerFlex(districts: readonly DistrictButton[]): messagingApi.FlexMessage {
  const pages = chunk(districts, PER_BUBBLE);
  const bubbles = pages.map((page, i) =>
    choiceBubble(
      `เลือกอำเภอ (${i + 1}/${pages.length})`,
      page.map((d) => postbackButton(`อ.${d.nameTh}`, postbackData("complaint.district", { d: d.code }), "secondary", `อำเภอ${d.nameTh}`)),
      "เลื่อนดูอำเภออื่น หรือพิมพ์ชื่ออำเภอได้เลยค่ะ",
    ),
  );
  return flexMessage("เลือกอำเภอที่เกิดเหตุค่ะ", choiceContainer(bubbles.slice(0, 12)), [
    { label: "ไม่ทราบ", text: "ไม่ทราบ" },
    { label: "ยกเลิก", text: "ยกเลิก" },
  ]);
}
