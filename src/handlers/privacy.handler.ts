import { politeTextMessage, postbackData, type QuickReplyItem } from "../../flex-messages/components.flex";
import type { FlowDefinition, StepResult } from "../flows/flow-engine";
import { normalizeText } from "../intents/normalize";
import { deleteMyData } from "../services/privacy.service";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// "ลบข้อมูลของฉัน" (privacy explainer button a=privacy.delete): asks once, then deletes.
// The confirmation is a short flow, so an old "ยืนยัน" button cannot delete by surprise.
const FLOW_ID = "privacy-delete";
const FLOW_VERSION = 1;
const TTL_MS = 10 * 60_000;

const CONFIRM_WORDS = new Set(["ยืนยัน", "ยืนยันลบ", "ยืนยันลบข้อมูล", "ลบเลย"]);
const KEEP_WORDS = new Set(["ไม่ลบ", "ไม่", "ไม่ต้อง"]);
const MENU: QuickReplyItem = { label: "เมนู", text: "เมนู" };

const WHAT_IS_DELETED =
  "• ชื่อที่แสดงและหมู่บ้านของท่าน\n" +
  "• ตัวตนของท่านในการประกาศเจตนารมณ์ (ยอดรวมของหมู่บ้านยังนับอยู่ โดยไม่ระบุว่าเป็นใคร)\n" +
  "• ข้อมูลส่วนตัวในบริการอื่นของสุจริต";

function askToConfirm(ctx: BotContext): void {
  // A group shares one flow state, so another member could answer the question: ask in 1:1 only.
  if (!ctx.userId || (ctx.event as { source?: { type?: string } }).source?.type !== "user") {
    ctx.reply(politeTextMessage("การลบข้อมูลทำได้ในแชตส่วนตัวกับสุจริตค่ะ กรุณาเปิดแชตกับสุจริตแล้วพิมพ์ \"ลบข้อมูลของฉัน\" นะคะ"));
    return;
  }
  ctx.goto(FLOW_ID, "confirm", {}, FLOW_VERSION, TTL_MS);
  ctx.reply(
    politeTextMessage(`ท่านต้องการลบข้อมูลของท่านใช่ไหมคะ สิ่งที่จะถูกลบ:\n${WHAT_IS_DELETED}\n\nลบแล้วกู้คืนไม่ได้ค่ะ`, [
      { label: "ยืนยันลบข้อมูล", postback: postbackData("privacy.deleteConfirm"), displayText: "ยืนยันลบข้อมูล" },
      { label: "ไม่ลบ", postback: postbackData("privacy.keep"), displayText: "ไม่ลบ" },
    ]),
  );
}

async function deleteNow(ctx: BotContext): Promise<void> {
  ctx.endFlow();
  const summary = await deleteMyData(ctx.userId!, ctx.now, ctx.deps.sealer);
  ctx.log.info("personal data deleted", { pledgesAnonymized: summary.pledgesAnonymized, notes: summary.notes.length });
  const extra = summary.notes.length > 0 ? `\n${summary.notes.map((n) => `• ${n}`).join("\n")}` : "";
  ctx.reply(politeTextMessage(`ลบข้อมูลของท่านเรียบร้อยแล้วค่ะ${extra}\nท่านยังใช้งานสุจริตได้ตามปกตินะคะ`, [MENU]));
}

function keep(ctx: BotContext): void {
  ctx.endFlow();
  ctx.reply(politeTextMessage("ไม่ได้ลบข้อมูลค่ะ ข้อมูลของท่านยังอยู่เหมือนเดิม", [MENU]));
}

async function confirmStep(ctx: BotContext): Promise<StepResult> {
  const text = ctx.text === undefined ? undefined : normalizeText(ctx.text);
  if (ctx.postback?.action === "privacy.deleteConfirm" || (text && CONFIRM_WORDS.has(text))) {
    await deleteNow(ctx);
    return "handled";
  }
  if (ctx.postback?.action === "privacy.keep" || (text && KEEP_WORDS.has(text))) {
    keep(ctx);
    return "handled";
  }
  // Anything else: drop the request and let the router answer it.
  ctx.endFlow();
  return "pass";
}

export const privacyDeleteFlow: FlowDefinition = {
  id: FLOW_ID,
  version: FLOW_VERSION,
  ttlMs: TTL_MS,
  steps: { confirm: confirmStep },
  onExpired: (ctx) =>
    ctx.reply(politeTextMessage("คำขอลบข้อมูลหมดเวลาแล้วค่ะ ยังไม่ได้ลบข้อมูลใด ๆ หากต้องการลบ พิมพ์ \"ลบข้อมูลของฉัน\" อีกครั้งนะคะ", [MENU])),
  onCancel: (ctx) => ctx.reply(politeTextMessage("ยกเลิกคำขอลบข้อมูลแล้วค่ะ ข้อมูลของท่านยังอยู่เหมือนเดิม", [MENU])),
};

export const privacyModule: BotModule = {
  name: "privacy",
  actions: {
    "privacy.delete": askToConfirm,
    // Outside the confirmation flow: it expired or was answered already.
    "privacy.deleteConfirm": (ctx) =>
      ctx.reply(politeTextMessage("ปุ่มนี้หมดอายุแล้วค่ะ หากต้องการลบข้อมูล พิมพ์ \"ลบข้อมูลของฉัน\" อีกครั้งนะคะ", [MENU])),
    "privacy.keep": keep,
  },
  commands: [{ pattern: /^(?:ขอ ?)?ลบข้อมูล ?(?:ของ ?(?:ฉัน|ผม|หนู|ข้าพเจ้า))?(?: ?(?:ค่ะ|คะ|ครับ))?$/, action: "privacy.delete" }],
  flows: [privacyDeleteFlow],
};
