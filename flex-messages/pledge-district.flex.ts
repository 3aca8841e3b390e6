import type { messagingApi } from "@line/bot-sdk";
import { choiceBubble, choiceContainer, chunk, flexMessage, politeTextMessage, postbackButton, postbackData, type QuickReplyItem } from "./components.flex";
import { COLORS, SIZES } from "./theme";

// Step 2 of the pledge: choose the district. All 26 as buttons in a carousel (a
// quick reply holds only 13, LINE rule), in the order given (listDistricts(): Thai
// dictionary order, Intl.Collator "th"). Typing the name works too (pledge.flow.ts).
export interface AreaChoice {
  code: string;
  nameTh: string;
}

/** Buttons per card: 26 districts fit in three cards, well under the 12-bubble cap. */
const DISTRICTS_PER_BUBBLE = 9;

export const CANCEL_ITEM: QuickReplyItem = { label: "ยกเลิก", text: "ยกเลิก" };
export const CHOOSE_DISTRICT_AGAIN: QuickReplyItem = { label: "เลือกอำเภอจากรายการ", postback: postbackData("pledge.change"), displayText: "เลือกอำเภอใหม่" };

export function districtPostback(code: string): string {
  return postbackData("pledge.district", { d: code });
}

export { choiceBubble, choiceContainer } from "./components.flex";

export function pledgeDistrictFlex(districts: readonly AreaChoice[]): messagingApi.FlexMessage {
  const pages = chunk(districts, DISTRICTS_PER_BUBBLE);
  const bubbles = pages.map((page, i) =>
    choiceBubble(
      `เลือกอำเภอ (${i + 1}/${pages.length})`,
      page.map((d) => postbackButton(d.nameTh, districtPostback(d.code), "secondary", `อำเภอ${d.nameTh}`)),
      "เลื่อนดูอำเภออื่น หรือพิมพ์ชื่ออำเภอได้เลยค่ะ",
    ),
  );
  return flexMessage("ท่านอยู่อำเภอไหนคะ เลือกจากรายการ หรือพิมพ์ชื่ออำเภอได้เลยค่ะ", choiceContainer(bubbles), [CANCEL_ITEM]);
}

/** Typed text close to one district: ask before going on. */
export function pledgeDistrictDidYouMean(district: AreaChoice): messagingApi.TextMessage {
  return politeTextMessage(`หมายถึงอำเภอ${district.nameTh} ใช่ไหมคะ`, [
    { label: `ใช่ อ.${district.nameTh}`, postback: districtPostback(district.code), displayText: `อำเภอ${district.nameTh}` },
    CHOOSE_DISTRICT_AGAIN,
    CANCEL_ITEM,
  ]);
}

/** Typed text that fits several districts: offer them. */
export function pledgeDistrictCandidates(candidates: readonly AreaChoice[]): messagingApi.TextMessage {
  const items = candidates.slice(0, 11).map((d) => ({ label: `อ.${d.nameTh}`, postback: districtPostback(d.code), displayText: `อำเภอ${d.nameTh}` }));
  return politeTextMessage("มีหลายอำเภอที่ชื่อใกล้เคียงค่ะ ท่านหมายถึงอำเภอไหนคะ", [...items, CHOOSE_DISTRICT_AGAIN, CANCEL_ITEM]);
}

/** Typed text that matches no district of Khon Kaen. */
export function pledgeDistrictNotFound(): messagingApi.TextMessage {
  return politeTextMessage(
    "ขออภัยค่ะ ไม่พบชื่ออำเภอนี้ในจังหวัดขอนแก่น กรุณาเลือกจากรายการ หรือพิมพ์ชื่ออำเภออีกครั้ง เช่น \"ชุมแพ\" หรือ \"อ.เมือง\" ค่ะ",
  );
}
