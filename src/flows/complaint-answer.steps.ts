import type { messagingApi } from "@line/bot-sdk";
import { politeTextMessage } from "../../flex-messages";
import { whatProgress } from "../../flex-messages/complaint-prompts.flex";
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from "../models/complaint.model";
import { MAX_NAME_CHARS, MAX_WHAT_CHARS, MAX_WHEN_TEXT_CHARS, MAX_WHO_CHARS, MIN_WHAT_CHARS, cleanText, parseThaiPhone } from "../services/complaint-input";
import { whenText } from "../services/complaint-views";
import { normalizeText } from "../intents/normalize";
import type { BotContext } from "../webhook/bot-context";
import { isWord, nextStep, saveDraft, type ComplaintDraft, type ComplaintStep } from "./complaint-draft";
import { isTopicQuestion, passWithResumeHint } from "./complaint-interrupt";
import { showStep, todayLocal } from "./complaint-show";
import { sealedAt } from "../security/seal-places";
import type { StepResult } from "./flow-engine";

// The steps answered by tapping or typing: category, what happened, who, when,
// identity and contact. Each either moves the draft on, explains what it needs,
// or lets a topic question through ("pass").
export type DraftStep = (ctx: BotContext, d: ComplaintDraft) => Promise<StepResult | void>;

async function advance(ctx: BotContext, d: ComplaintDraft, natural: ComplaintStep, ...lead: messagingApi.Message[]): Promise<void> {
  const step = nextStep(d, natural);
  saveDraft(ctx, d, step);
  await showStep(ctx, d, step, ...lead);
}

const CATEGORY_WORDS: readonly [ComplaintCategory, RegExp][] = [
  ["bribe", /สินบน|เรียกรับ|เรียกเงิน|ใต้โต๊ะ|ค่าน้ำร้อนน้ำชา|bribe/],
  ["procurement", /จัดซื้อ|จัดจ้าง|ฮั้ว|ประมูล|ก่อสร้าง|procure/],
  ["public_funds", /เงินหลวง|เงินหมู่บ้าน|กองทุน|งบประมาณ|ทรัพย์สิน/],
  ["abuse_of_power", /อำนาจ|ตำแหน่งหน้าที่|abuse/],
  ["conflict_of_interest", /ทับซ้อน|conflict/],
  ["other", /^อื่น|^other/],
];

/** The category a report's words point to, if any ("เรียกเงิน" → bribe). */
export function guessCategory(text: string): ComplaintCategory | undefined {
  const t = normalizeText(text);
  return CATEGORY_WORDS.find(([, re]) => re.test(t))?.[0];
}

function categoryFromText(text: string): ComplaintCategory | undefined {
  const n = Number(normalizeText(text));
  if (Number.isInteger(n) && n >= 1 && n <= COMPLAINT_CATEGORIES.length) return COMPLAINT_CATEGORIES[n - 1];
  return guessCategory(text);
}

export const categoryStep: DraftStep = async (ctx, d) => {
  const picked = ctx.postback?.action === "complaint.category" ? ctx.params.get("c") : undefined;
  let cat = COMPLAINT_CATEGORIES.find((c) => c === picked);
  if (!cat && ctx.text !== undefined) {
    if (isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
    cat = categoryFromText(ctx.text);
  }
  if (!cat) return showStep(ctx, d, "category", politeTextMessage("กรุณาแตะเลือกประเภทเรื่องจากปุ่มด้านล่างค่ะ"));
  d.category = cat;
  await advance(ctx, d, "what");
};

export const whatStep: DraftStep = async (ctx, d) => {
  if (isWord(ctx.text, "done")) {
    if (d.what.length < MIN_WHAT_CHARS) {
      return showStep(ctx, d, "what", politeTextMessage("ขอรายละเอียดเพิ่มอีกนิดนะคะ เล่าว่าเกิดอะไรขึ้น เพื่อให้เจ้าหน้าที่ตรวจสอบได้ค่ะ"));
    }
    return advance(ctx, d, "who");
  }
  if (ctx.text === undefined) return showStep(ctx, d, "what");
  if (isTopicQuestion(ctx.text, { commandsOnly: true })) return passWithResumeHint(ctx);
  const part = cleanText(ctx.text);
  if (!part) return showStep(ctx, d, "what");
  const joined = d.what ? `${d.what}\n${part}` : part;
  if (joined.length > MAX_WHAT_CHARS) {
    saveDraft(ctx, d, "what");
    ctx.reply(
      politeTextMessage(
        `ข้อความนี้ทำให้รายละเอียดยาวเกิน ${MAX_WHAT_CHARS.toLocaleString("en-US")} ตัวอักษร จึงยังไม่ได้บันทึกข้อความนี้ค่ะ ` +
          `ตอนนี้มี ${d.what.length.toLocaleString("en-US")} ตัวอักษร กรุณาส่งให้สั้นลง หรือแตะ "เสร็จ" ค่ะ`,
      ),
      whatProgress(d.what.length, MAX_WHAT_CHARS),
    );
    return;
  }
  d.what = joined;
  saveDraft(ctx, d, "what");
  ctx.reply(whatProgress(joined.length, MAX_WHAT_CHARS));
};

export const whoStep: DraftStep = async (ctx, d) => {
  if (isWord(ctx.text, "skip")) {
    d.who = null;
    return advance(ctx, d, "where");
  }
  if (ctx.text === undefined) return showStep(ctx, d, "who");
  if (isTopicQuestion(ctx.text, { commandsOnly: true })) return passWithResumeHint(ctx);
  const who = cleanText(ctx.text);
  if (!who) return showStep(ctx, d, "who");
  if (who.length > MAX_WHO_CHARS) {
    return showStep(ctx, d, "who", politeTextMessage(`ข้อมูลผู้เกี่ยวข้องยาวเกิน ${MAX_WHO_CHARS.toLocaleString("en-US")} ตัวอักษรค่ะ กรุณาสรุปให้สั้นลง รายละเอียดอื่นเล่าไว้ในเหตุการณ์แล้วค่ะ`));
  }
  d.who = who;
  await advance(ctx, d, "where");
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const whenStep: DraftStep = async (ctx, d) => {
  const tz = ctx.deps.config.timezone;
  if (ctx.postback?.action === "complaint.when") {
    const picked = ctx.postback.picked?.slice(0, 10) ?? "";
    const m = ISO_DATE.exec(picked);
    if (!m || picked < "1900-01-01") return showStep(ctx, d, "when");
    if (picked > todayLocal(ctx.now, tz)) return showStep(ctx, d, "when", politeTextMessage("วันที่เลือกยังมาไม่ถึงค่ะ กรุณาเลือกวันที่เกิดเหตุการณ์แล้วนะคะ"));
    d.when = { date: picked };
    // The date picker sends no words into the chat, so say back which day was taken.
    return advance(ctx, d, "evidence", politeTextMessage(`วันที่เกิดเหตุการณ์: ${whenText(d.when)} ค่ะ`));
  }
  if (isWord(ctx.text, "unsure")) {
    d.when = { unsure: true };
    return advance(ctx, d, "evidence");
  }
  if (ctx.text === undefined) return showStep(ctx, d, "when");
  if (isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  const text = cleanText(ctx.text);
  if (!text) return showStep(ctx, d, "when");
  if (text.length > MAX_WHEN_TEXT_CHARS) return showStep(ctx, d, "when", politeTextMessage("กรุณาพิมพ์ช่วงเวลาสั้น ๆ ค่ะ เช่น \"ต้นเดือนที่แล้ว\""));
  d.when = { text };
  await advance(ctx, d, "evidence");
};

export const identityStep: DraftStep = async (ctx, d) => {
  let v = ctx.postback?.action === "complaint.identity" ? ctx.params.get("v") : undefined;
  if (!v && ctx.text !== undefined) {
    const t = normalizeText(ctx.text);
    if (/ไม่เปิดเผย|ไม่ระบุ|anonymous/.test(t)) v = "anonymous";
    else if (/เปิดเผย|ระบุชื่อ|named/.test(t)) v = "named";
    else if (isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  }
  if (v === "anonymous") {
    d.anonymous = true;
    delete d.contactSealed;
    delete d.nameSealed;
    return advance(ctx, d, "review");
  }
  if (v === "named") {
    d.anonymous = false;
    saveDraft(ctx, d, "contact_name");
    return showStep(ctx, d, "contact_name");
  }
  return showStep(ctx, d, "identity", politeTextMessage("กรุณาแตะเลือกว่าจะเปิดเผยตัวตนหรือไม่ค่ะ"));
};

export const contactNameStep: DraftStep = async (ctx, d) => {
  if (ctx.text === undefined) return showStep(ctx, d, "contact_name");
  if (isTopicQuestion(ctx.text, { commandsOnly: true })) return passWithResumeHint(ctx);
  const name = cleanText(ctx.text).replace(/\s+/g, " ");
  if (name.length < 2 || name.length > MAX_NAME_CHARS) return showStep(ctx, d, "contact_name");
  d.nameSealed = ctx.deps.sealer.seal(name, sealedAt.draftName(d.draftId));
  saveDraft(ctx, d, "contact_phone");
  await showStep(ctx, d, "contact_phone");
};

export const contactPhoneStep: DraftStep = async (ctx, d) => {
  const phone = ctx.text !== undefined ? parseThaiPhone(ctx.text) : null;
  if (!phone || !d.nameSealed) {
    if (!d.nameSealed) {
      saveDraft(ctx, d, "contact_name");
      return showStep(ctx, d, "contact_name");
    }
    if (ctx.text !== undefined && isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
    return showStep(ctx, d, "contact_phone", politeTextMessage("เบอร์โทรนี้ไม่ถูกต้องค่ะ เบอร์มือถือมี 10 หลัก (เช่น 0812345678) เบอร์บ้านมี 9 หลัก (เช่น 043123456)"));
  }
  const name = ctx.deps.sealer.open(d.nameSealed, sealedAt.draftName(d.draftId));
  d.contactSealed = ctx.deps.sealer.seal(JSON.stringify({ name, phone }), sealedAt.draftContact(d.draftId));
  delete d.nameSealed;
  await advance(ctx, d, "review");
};
