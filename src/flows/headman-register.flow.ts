import { politeTextMessage, postbackData } from "../../flex-messages/components.flex";
import { registerWithCode, type Registration } from "../services/headman.service";
import type { BotContext } from "../webhook/bot-context";
import type { FlowDefinition } from "./flow-engine";

// "ลงทะเบียนผู้ใหญ่บ้าน" (or "ลงทะเบียนกำนัน"), then the one-time code from the district.
// The code may come in the same message ("ลงทะเบียนผู้ใหญ่บ้าน KQ7M-3XTA") or next.
export const HEADMAN_REGISTER_FLOW = "headman-register";
const VERSION = 1;
const TTL_MS = 10 * 60_000;
const PREFIX = /^\s*ลงทะเบียน\s*(ผู้ใหญ่บ้าน|กำนัน)?\s*/;

export function registeredMessage(reg: Registration) {
  const who = reg.role === "kamnan" ? `กำนัน ${reg.label}` : `ผู้ใหญ่บ้าน ${reg.label}`;
  return politeTextMessage(
    `ลงทะเบียนเป็น${who} เรียบร้อยแล้วค่ะ 🙏\n` +
      "สุจริตจะส่งแจ้งเตือนก่อนการประชุม พร้อมคำประกาศเจตนารมณ์ \"ไม่รับ ไม่ให้\" ให้ท่านอ่านนำในที่ประชุม " +
      "หลังประชุม กด \"รายงานผล\" เพื่อแจ้งจำนวนผู้เข้าประชุมและผู้ร่วมประกาศค่ะ",
    [{ label: "ประชุมครั้งต่อไป", postback: postbackData("meeting.next") }],
  );
}

async function redeem(ctx: BotContext, code: string): Promise<void> {
  const reg = await registerWithCode(ctx.userId!, code, ctx.now);
  ctx.endFlow();
  ctx.reply(registeredMessage(reg));
}

/** Action "headman.register": with a code in the text, register now; else ask for it. */
export async function startHeadmanRegistration(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  const rest = (ctx.text ?? "").replace(PREFIX, "").trim();
  if (/[A-Za-z0-9]{4}/.test(rest)) return redeem(ctx, rest);
  ctx.goto(HEADMAN_REGISTER_FLOW, "askCode", {}, VERSION, TTL_MS);
  ctx.reply(politeTextMessage("กรุณาพิมพ์รหัสลงทะเบียน 8 ตัวที่ได้รับจากเจ้าหน้าที่อำเภอ เช่น KQ7M-3XTA ค่ะ (พิมพ์ \"ยกเลิก\" เพื่อออก)"));
}

export const headmanRegisterFlow: FlowDefinition = {
  id: HEADMAN_REGISTER_FLOW,
  version: VERSION,
  ttlMs: TTL_MS,
  steps: {
    async askCode(ctx) {
      // Thai words are another request, not a code: let the router answer and keep waiting.
      if (ctx.text === undefined || /[\u0E00-\u0E7F]/.test(ctx.text.replace(PREFIX, ""))) return "pass";
      await redeem(ctx, ctx.text.replace(PREFIX, ""));
      return "handled";
    },
  },
  onExpired(ctx) {
    ctx.reply(politeTextMessage("หมดเวลากรอกรหัสแล้วค่ะ พิมพ์ \"ลงทะเบียนผู้ใหญ่บ้าน\" เพื่อเริ่มใหม่ได้เลยค่ะ"));
  },
  onCancel(ctx) {
    ctx.reply(politeTextMessage("ยกเลิกการลงทะเบียนแล้วค่ะ"));
  },
};
