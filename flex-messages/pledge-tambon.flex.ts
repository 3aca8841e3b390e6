import type { messagingApi } from "@line/bot-sdk";
import { flexMessage, politeTextMessage, postbackButton, postbackData, type QuickReplyItem } from "./components.flex";
import { CANCEL_ITEM, CHOOSE_DISTRICT_AGAIN, choiceBubble, choiceContainer, type AreaChoice } from "./pledge-district.flex";

// Step 3 of the pledge: the tambon, as buttons (a district has up to 18 tambons,
// more than a quick reply's 13) or typed. The postback names the tambon only: its
// district follows from the DOPA code, so an old button still works on its own.
const TAMBONS_PER_BUBBLE = 10;

export function tambonPostback(code: string): string {
  return postbackData("pledge.tambon", { t: code });
}

const tambonItem = (t: AreaChoice): QuickReplyItem => ({ label: `ต.${t.nameTh}`, postback: tambonPostback(t.code), displayText: `ตำบล${t.nameTh}` });

export function pledgeTambonFlex(district: AreaChoice, tambons: readonly AreaChoice[]): messagingApi.FlexMessage {
  if (tambons.length === 0) throw new Error(`district ${district.code} has no tambons`);
  const pages: AreaChoice[][] = [];
  for (let i = 0; i < tambons.length; i += TAMBONS_PER_BUBBLE) pages.push(tambons.slice(i, i + TAMBONS_PER_BUBBLE));
  const bubbles = pages.map((page, i) =>
    choiceBubble(
      pages.length > 1 ? `ตำบลใน อ.${district.nameTh} (${i + 1}/${pages.length})` : `ตำบลใน อ.${district.nameTh}`,
      page.map((t) => postbackButton(t.nameTh, tambonPostback(t.code), "secondary", `ตำบล${t.nameTh}`)),
      pages.length > 1 ? "เลื่อนดูตำบลอื่น หรือพิมพ์ชื่อตำบลได้เลยค่ะ" : "หรือพิมพ์ชื่อตำบลได้เลยค่ะ",
    ),
  );
  return flexMessage(`อำเภอ${district.nameTh} ท่านอยู่ตำบลไหนคะ`, choiceContainer(bubbles), [CHOOSE_DISTRICT_AGAIN, CANCEL_ITEM]);
}

export function pledgeTambonDidYouMean(tambon: AreaChoice): messagingApi.TextMessage {
  return politeTextMessage(`หมายถึงตำบล${tambon.nameTh} ใช่ไหมคะ`, [
    { label: `ใช่ ต.${tambon.nameTh}`, postback: tambonPostback(tambon.code), displayText: `ตำบล${tambon.nameTh}` },
    CHOOSE_DISTRICT_AGAIN,
    CANCEL_ITEM,
  ]);
}

export function pledgeTambonCandidates(candidates: readonly AreaChoice[]): messagingApi.TextMessage {
  return politeTextMessage("มีหลายตำบลที่ชื่อใกล้เคียงค่ะ ท่านหมายถึงตำบลไหนคะ", [...candidates.slice(0, 11).map(tambonItem), CANCEL_ITEM]);
}

export function pledgeTambonNotFound(district: AreaChoice): messagingApi.TextMessage {
  return politeTextMessage(`ขออภัยค่ะ ไม่พบชื่อตำบลนี้ในอำเภอ${district.nameTh} กรุณาเลือกจากรายการ หรือพิมพ์ชื่อตำบลอีกครั้งค่ะ`, [
    CHOOSE_DISTRICT_AGAIN,
    CANCEL_ITEM,
  ]);
}
