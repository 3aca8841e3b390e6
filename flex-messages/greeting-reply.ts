import type { messagingApi } from "@line/bot-sdk";
import { politeTextMessage, truncateText } from "./components.flex";

// Issue 19, item 5: "สวัสดีครับ" gets a greeting back (by name when the LINE profile may be
// read), then the topic menu (sent after this by the handler). In Thai, a menu alone reads cold.

/** Display names are free text: one line, at most 30 characters (as in greetingFlex). */
const MAX_NAME = 30;

export function greetingReply(displayName?: string): messagingApi.TextMessage {
  const name = displayName?.replace(/\s+/g, " ").trim();
  const hello = name ? `สวัสดีค่ะ คุณ${truncateText(name, MAX_NAME)}` : "สวัสดีค่ะ";
  return politeTextMessage(`${hello} 🙏 สุจริตยินดีให้บริการค่ะ ท่านเลือกเรื่องที่สนใจจากเมนูด้านล่าง หรือพิมพ์คำถามมาได้เลยค่ะ`);
}
