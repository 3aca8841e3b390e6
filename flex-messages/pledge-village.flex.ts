import type { messagingApi } from "@line/bot-sdk";
import { politeTextMessage, postbackData, type QuickReplyItem } from "./components.flex";
import { CANCEL_ITEM, districtPostback, type AreaChoice } from "./pledge-district.flex";

// Step 4 of the pledge: the village number (หมู่ที่). Typed ("5", "หมู่ 5", "ม.๕",
// "หมู่ห้า"), or one of the first numbers as quick replies; 11 numbers + "เปลี่ยนตำบล"
// + "ยกเลิก" fill LINE's 13 quick-reply items exactly.
const QUICK_VILLAGE_NUMBERS = 11;

export function villagePostback(tambonCode: string, villageNo: number): string {
  return postbackData("pledge.village", { t: tambonCode, v: String(villageNo) });
}

function villageItems(district: AreaChoice, tambon: AreaChoice): QuickReplyItem[] {
  const numbers = Array.from({ length: QUICK_VILLAGE_NUMBERS }, (_, i) => i + 1).map((n) => ({
    label: `หมู่ ${n}`,
    postback: villagePostback(tambon.code, n),
    displayText: `หมู่ที่ ${n}`,
  }));
  return [...numbers, { label: "เปลี่ยนตำบล", postback: districtPostback(district.code), displayText: "เปลี่ยนตำบล" }, CANCEL_ITEM];
}

export function pledgeVillagePrompt(district: AreaChoice, tambon: AreaChoice): messagingApi.TextMessage {
  return politeTextMessage(
    `ตำบล${tambon.nameTh} อำเภอ${district.nameTh}\nท่านอยู่หมู่ที่เท่าไรคะ พิมพ์ตัวเลขได้เลย เช่น 5 หรือ "หมู่ 5" ค่ะ`,
    villageItems(district, tambon),
  );
}

export function pledgeVillageNotUnderstood(district: AreaChoice, tambon: AreaChoice, maxVillage: number): messagingApi.TextMessage {
  return politeTextMessage(
    `ขออภัยค่ะ กรุณาพิมพ์หมู่ที่เป็นตัวเลข 1–${maxVillage} เช่น 5 หรือ "หมู่ 5" ค่ะ (หากต้องการออก พิมพ์ "ยกเลิก")`,
    villageItems(district, tambon),
  );
}
