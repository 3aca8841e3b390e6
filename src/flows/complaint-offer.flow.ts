import { politeTextMessage, postbackData, topicShowPostback } from "../../flex-messages";
import { OFFER_DECLINE_ACTION, OFFER_START_ACTION, complaintOfferFlex } from "../../flex-messages/complaint-offer.flex";
import { assertCanSubmit } from "../services/complaint.service";
import { MAX_WHAT_CHARS, cleanText } from "../services/complaint-input";
import { CATEGORY_LABELS } from "../services/complaint-labels";
import type { BotContext } from "../webhook/bot-context";
import { userChatKey } from "../webhook/inbox";
import { guessCategory } from "./complaint-answer.steps";
import { newDraft, saveDraft } from "./complaint-draft";
import { showStep } from "./complaint-show";
import type { FlowDefinition, StepResult } from "./flow-engine";

// Issue 19, item 4: the offer after a report-shaped message. The message waits in this small
// flow's state (30 minutes, like a complaint draft) until the person answers the offer:
// "แจ้งเรื่องนี้" starts the complaint flow with it as the first part of "what happened";
// "แค่สอบถาม" or any other message ends the offer (the other message is answered as usual).
// Nothing becomes a complaint here: the complaint flow still ends with its own confirmation.
export const OFFER_FLOW_ID = "complaint-offer";
const OFFER_TTL_MS = 30 * 60 * 1000;

const DECLINE_CHIPS = [
  { label: "การทุจริตคืออะไร", postback: topicShowPostback("what-is-corruption"), displayText: "การทุจริตคืออะไร" },
  { label: "ช่องทางร้องเรียน", postback: topicShowPostback("how-to-report"), displayText: "ช่องทางร้องเรียน" },
  { label: "เมนู", text: "เมนู" },
];

function isPrivateChat(ctx: BotContext): boolean {
  return Boolean(ctx.userId) && ctx.chatKey === userChatKey(ctx.userId!, ctx.deps.sealer);
}

/** complaint.report: the offer card; the words are kept only in a 1:1 chat with no other flow open. */
export async function offerComplaint(ctx: BotContext): Promise<void> {
  const text = ctx.text === undefined ? "" : cleanText(ctx.text).slice(0, MAX_WHAT_CHARS);
  const category = guessCategory(text);
  const keep = text.length > 0 && isPrivateChat(ctx) && ctx.flow === null;
  if (keep) ctx.goto(OFFER_FLOW_ID, "offered", { text }, 1, OFFER_TTL_MS);
  ctx.reply(complaintOfferFlex({ excerpt: text || "-", soundsLike: category && category !== "other" ? CATEGORY_LABELS[category] : undefined, carriesText: keep }));
}

/** "แจ้งเรื่องนี้": the complaint flow at its first step, "what happened" already holding the words. */
export async function startOfferedComplaint(ctx: BotContext, text: string): Promise<void> {
  if (!isPrivateChat(ctx)) {
    ctx.reply(politeTextMessage("เพื่อความปลอดภัยของผู้แจ้ง กรุณาแจ้งเรื่องร้องเรียนในแชทส่วนตัวกับสุจริตนะคะ"));
    return;
  }
  await assertCanSubmit(ctx.deps, ctx.userId!);
  const d = newDraft();
  d.what = text;
  saveDraft(ctx, d, "category");
  const lead = text
    ? "รับเรื่องต่อค่ะ ข้อความที่ท่านส่งมาใส่ไว้เป็นส่วนแรกของรายละเอียดเหตุการณ์แล้ว ไม่ต้องพิมพ์ซ้ำ ขอให้ท่านเลือกประเภทเรื่องก่อนนะคะ"
    : "เริ่มแจ้งเรื่องค่ะ ข้อความก่อนหน้าไม่ได้เก็บไว้แล้ว (เกิน 30 นาที หรือมีข้อความอื่นคั่น) ท่านเล่าเหตุการณ์อีกครั้งได้ในขั้นตอนถัดไป ขอให้เลือกประเภทเรื่องก่อนนะคะ";
  await showStep(ctx, d, "category", politeTextMessage(lead));
}

export function declineOffer(ctx: BotContext): void {
  ctx.reply(
    politeTextMessage("รับทราบค่ะ ยังไม่ได้บันทึกอะไรไว้ หากภายหลังท่านต้องการแจ้งเรื่อง พิมพ์ \"แจ้งเรื่อง\" ได้ทุกเมื่อ หรือเลือกอ่านเรื่องที่เกี่ยวข้องด้านล่างค่ะ", DECLINE_CHIPS),
  );
}

async function offered(ctx: BotContext): Promise<StepResult> {
  const text = typeof ctx.flow?.data.text === "string" ? ctx.flow.data.text : "";
  const action = ctx.postback?.action;
  ctx.endFlow();
  if (action === OFFER_START_ACTION) {
    await startOfferedComplaint(ctx, text);
    return "handled";
  }
  if (action === OFFER_DECLINE_ACTION) {
    declineOffer(ctx);
    return "handled";
  }
  return "pass"; // anything else: the offer lapses and the router answers as usual
}

export const complaintOfferFlow: FlowDefinition = {
  id: OFFER_FLOW_ID,
  version: 1,
  ttlMs: OFFER_TTL_MS,
  steps: { offered },
  onExpired: () => "pass",
  onCancel(ctx) {
    ctx.reply(politeTextMessage("ยกเลิกแล้วค่ะ ยังไม่ได้บันทึกอะไรไว้"));
  },
};

/** A tap on an offer that already lapsed: the complaint starts without the words. */
export const lateOfferStart = (ctx: BotContext) => startOfferedComplaint(ctx, "");
