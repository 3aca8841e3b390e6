import type { messagingApi } from "@line/bot-sdk";
import { politeTextMessage, postbackData, type QuickReplyItem } from "./components.flex";

// Short plain-text turns of the pledge conversation: expiry, cancel, withdrawal.
const START_AGAIN: QuickReplyItem = { label: "ประกาศเจตนารมณ์", postback: postbackData("pledge.start"), displayText: "ประกาศเจตนารมณ์" };
const MENU: QuickReplyItem = { label: "เมนู", text: "เมนู" };

export function pledgeExpiredMessage(minutes: number): messagingApi.TextMessage {
  return politeTextMessage(
    `ขออภัยค่ะ ขั้นตอนการประกาศเจตนารมณ์หมดเวลาแล้ว (เกิน ${minutes} นาที) ยังไม่ได้บันทึกการประกาศนะคะ กดปุ่มด้านล่างเพื่อเริ่มใหม่ได้เลยค่ะ`,
    [START_AGAIN, MENU],
  );
}

export function pledgeCancelledMessage(): messagingApi.TextMessage {
  return politeTextMessage("ยกเลิกการประกาศเจตนารมณ์แล้วค่ะ ยังไม่ได้บันทึกการประกาศ หากพร้อมเมื่อไร กดปุ่มด้านล่างได้เลยค่ะ", [START_AGAIN, MENU]);
}

/** A confirm (or other step) button tapped when no pledge is in progress. */
export function pledgeStaleButtonMessage(): messagingApi.TextMessage {
  return politeTextMessage("ปุ่มนี้ใช้ไม่ได้แล้วค่ะ เพราะขั้นตอนเดิมสิ้นสุดไปแล้ว กดปุ่มด้านล่างเพื่อเริ่มประกาศเจตนารมณ์ใหม่ได้เลยค่ะ", [START_AGAIN, MENU]);
}

export function pledgeOnlyInUserChatMessage(): messagingApi.TextMessage {
  return politeTextMessage("การประกาศเจตนารมณ์ทำได้ในแชตส่วนตัวกับสุจริตค่ะ กรุณาเปิดแชตกับสุจริตแล้วพิมพ์ \"ประกาศเจตนารมณ์\" นะคะ");
}

export function pledgeWithdrawPrompt(campaignYear: number): messagingApi.TextMessage {
  return politeTextMessage(
    `ท่านต้องการถอนการประกาศเจตนารมณ์ปีงบประมาณ ${campaignYear} ใช่ไหมคะ ยอดของหมู่บ้านจะลดลง 1 คน และท่านประกาศใหม่ได้ภายหลังค่ะ`,
    [
      { label: "ยืนยันถอน", postback: postbackData("pledge.withdrawConfirm", { y: String(campaignYear) }), displayText: "ยืนยันถอนการประกาศ" },
      { label: "ไม่ถอน", postback: postbackData("pledge.withdrawKeep"), displayText: "ไม่ถอน" },
    ],
  );
}

export function pledgeWithdrawnMessage(campaignYear: number): messagingApi.TextMessage {
  return politeTextMessage(`ถอนการประกาศเจตนารมณ์ปีงบประมาณ ${campaignYear} เรียบร้อยแล้วค่ะ หากต้องการประกาศอีกครั้ง กดปุ่มด้านล่างได้เลยค่ะ`, [START_AGAIN, MENU]);
}

export function pledgeKeptMessage(): messagingApi.TextMessage {
  return politeTextMessage("ขอบคุณค่ะ การประกาศเจตนารมณ์ของท่านยังอยู่เหมือนเดิมค่ะ", [MENU]);
}

export function pledgeNotPledgedMessage(campaignYear: number): messagingApi.TextMessage {
  return politeTextMessage(`ท่านยังไม่ได้ประกาศเจตนารมณ์ในปีงบประมาณ ${campaignYear} ค่ะ ร่วมประกาศได้เลยนะคะ`, [START_AGAIN, MENU]);
}
