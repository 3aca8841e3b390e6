import { politeTextMessage, mainQuickReplies } from "../../flex-messages";
import type { BotContext } from "../webhook/bot-context";

// Text we did not understand: say so, and offer the main actions.
export function handleFallback(ctx: BotContext): void {
  ctx.reply(
    politeTextMessage(
      "ขออภัยค่ะ สุจริตยังไม่เข้าใจข้อความนี้ ลองเลือกจากเมนูด้านล่าง หรือพิมพ์ \"เมนู\" ได้เลยค่ะ",
      mainQuickReplies(),
    ),
  );
}

// Stickers, photos, locations and files outside a flow: a friendly pointer.
export function handleNonText(ctx: BotContext): void {
  const kind = ctx.messageType;
  const what = kind === "sticker" ? "ขอบคุณสำหรับสติกเกอร์ค่ะ 😊" : kind === "image" ? "ได้รับรูปภาพแล้วค่ะ" : kind === "location" ? "ได้รับตำแหน่งแล้วค่ะ" : "ได้รับข้อความแล้วค่ะ";
  const hint =
    kind === "image" || kind === "location"
      ? " หากต้องการแจ้งเรื่องร้องเรียนพร้อมหลักฐาน กรุณาเลือก \"แจ้งเรื่องร้องเรียน\" ก่อนนะคะ"
      : " เลือกสิ่งที่ต้องการจากเมนูด้านล่างได้เลยค่ะ";
  ctx.reply(politeTextMessage(what + hint, mainQuickReplies()));
}
