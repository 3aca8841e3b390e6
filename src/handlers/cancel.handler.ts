import { politeTextMessage } from "../../flex-messages";
import { normalizeText } from "../intents/normalize";
import type { BotContext } from "../webhook/bot-context";

const CANCEL_WORDS = new Set(["ยกเลิก", "cancel", "เลิก", "หยุด", "ยกเลิกค่ะ", "ยกเลิกครับ", "บ่เอาแล้ว"]);

export function isCancelWord(text: string | undefined): boolean {
  return text !== undefined && CANCEL_WORDS.has(normalizeText(text));
}

// "ยกเลิก" works at any step of any flow.
export async function handleCancel(ctx: BotContext): Promise<void> {
  const active = ctx.flow;
  if (!active) {
    ctx.reply(politeTextMessage("ตอนนี้ไม่มีรายการที่ต้องยกเลิกค่ะ พิมพ์ \"เมนู\" เพื่อดูสิ่งที่สุจริตช่วยได้"));
    return;
  }
  ctx.endFlow();
  const def = ctx.deps.flows.get(active.flowId);
  if (def) await def.onCancel(ctx, active);
  else ctx.reply(politeTextMessage("ยกเลิกเรียบร้อยแล้วค่ะ"));
}
