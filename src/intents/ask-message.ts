import type { messagingApi } from "@line/bot-sdk";
import { MENU_ITEM, politeTextMessage, postbackData, type QuickReplyItem } from "../../flex-messages";
import type { IntentCandidate } from "./intent";

// "ท่านหมายถึง…": when the intent module is unsure, the bot offers its best guesses as
// quick replies instead of picking one. Each chip is a postback to the action itself, so a
// tap goes straight to the explainer or flow; "เมนู" is always there as a way out.

export const ASK_TEXT = "ขออภัยค่ะ สุจริตไม่แน่ใจว่าหมายถึงเรื่องไหน ท่านหมายถึง… เลือกได้จากปุ่มด้านล่างเลยค่ะ";

/** A text message with one quick reply per candidate (LINE: ≤ 13 items, labels ≤ 20 chars) plus "เมนู". */
export function askMessage(candidates: readonly IntentCandidate[]): messagingApi.TextMessage {
  if (candidates.length === 0) throw new Error("askMessage needs at least one candidate");
  const items: QuickReplyItem[] = candidates.map((c) => ({
    label: c.label,
    postback: postbackData(c.action, c.params ?? {}),
    displayText: c.label,
  }));
  if (!candidates.some((c) => c.action === "menu.show")) items.push(MENU_ITEM);
  return politeTextMessage(ASK_TEXT, items);
}
