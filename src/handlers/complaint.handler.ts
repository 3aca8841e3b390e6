import { politeTextMessage, postbackData, type QuickReplyItem } from "../../flex-messages";
import { complaintMyReportsFlex } from "../../flex-messages/complaint-my-reports.flex";
import { complaintReceiptFlex } from "../../flex-messages/complaint-receipt.flex";
import { complaintTimelineFlex } from "../../flex-messages/complaint-timeline.flex";
import { DomainError } from "../errors";
import { complaintReplyFlow, startReply } from "../flows/complaint-reply.flow";
import { complaintFlow, startComplaint } from "../flows/complaint.flow";
import { complaintOfferFlow, declineOffer, lateOfferStart, offerComplaint } from "../flows/complaint-offer.flow";
import { OFFER_DECLINE_ACTION, OFFER_START_ACTION } from "../../flex-messages/complaint-offer.flex";
import { normalizeText } from "../intents/normalize";
import { findOwnComplaintByDraft, listOwnComplaints, trackComplaint } from "../services/complaint.service";
import "../services/complaint-privacy"; // registers the complaint part of "delete my data"
import { listMessages } from "../services/complaint-messages";
import { reporterDeadline } from "../services/case-clock/reporter-deadline";
import { myReportItem, receiptData, timelineData } from "../services/complaint-views";
import { findTrackingCode, parseTrackingCode } from "../services/tracking-code";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// Complaints in the chat: start the guided report, follow cases ("ติดตามเรื่อง"
// with or without a code), answer an officer, and polite answers to buttons of a
// report that already ended.
const START_CHIP: QuickReplyItem = { label: "แจ้งเรื่องร้องเรียน", postback: postbackData("complaint.start"), displayText: "แจ้งเรื่องร้องเรียน" };
const MY_REPORTS_CHIP: QuickReplyItem = { label: "เรื่องของฉัน", postback: postbackData("complaint.track"), displayText: "ติดตามเรื่อง" };

/** "ติดตามเรื่อง KK-7F3-Q9M-2XA", "ติดตาม kk7f3q9m2xa ค่ะ", "track …", or a bare "KK-…" code. */
const TRACK_COMMAND = /^(?:(?:ติดตามเรื่อง(?:ร้องเรียน)?|ตามเรื่อง|track)(?:$|[\s:：]|[0-9a-z๐-๙{]|ของ(?:ฉัน|ผม|หนู|เรา|ดิฉัน))|ติดตาม(?:$|\s*[:：]?\s*[0-9a-z๐-๙]{2}))/;
const BARE_CODE = /^kk[\s-]*[0-9a-z๐-๙]{3}[\s-]*[0-9a-z๐-๙]{3}[\s-]*[0-9a-z๐-๙]{3}$/;
const TRACK_WORD = /^(?:ติดตามเรื่อง(?:ร้องเรียน)?|ติดตาม|ตามเรื่อง|track)\s*[:：]?\s*/;
const POLITE_TAIL = /\s*(?:นะคะ|นะครับ|ค่ะ|คะ|ครับ)$/;

/**
 * What was typed after the command word, when it looks like an attempt at a code
 * (any Latin letter, digit or symbol). Thai words only ("ติดตามเรื่องของฉัน", or a
 * sentence the intent module routed here) mean "show my reports".
 */
function typedCode(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = normalizeText(text);
  if (BARE_CODE.test(t)) return t;
  const word = TRACK_WORD.exec(t);
  if (!word) return undefined;
  const rest = t.slice(word[0].length).replace(POLITE_TAIL, "").trim();
  return /[\x21-\x7e๐-๙]/.test(rest) ? rest : undefined;
}

async function showMyReports(ctx: BotContext): Promise<void> {
  const mine = await listOwnComplaints(ctx.deps, ctx.userId!);
  if (mine.length === 0) {
    ctx.reply(politeTextMessage("ยังไม่มีเรื่องที่แจ้งจากบัญชี LINE นี้ค่ะ ถ้ามีรหัสติดตาม พิมพ์ \"ติดตามเรื่อง\" ตามด้วยรหัส เช่น ติดตามเรื่อง KK-7F3-Q9M-2XA ค่ะ", [START_CHIP]));
    return;
  }
  ctx.reply(complaintMyReportsFlex(mine.map((c) => myReportItem(c, ctx.deps.config.timezone))));
}

/** complaint.track: a code (postback c=, or typed) shows its timeline; no code lists the user's own reports. */
export async function trackHandler(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  const raw = ctx.params.get("c") ?? typedCode(ctx.text);
  if (!raw) return showMyReports(ctx);
  const code = parseTrackingCode(raw) ?? findTrackingCode(raw);
  if (!code) {
    ctx.reply(politeTextMessage("รหัสติดตามไม่ถูกต้องค่ะ รหัสมีรูปแบบ KK-XXX-XXX-XXX (ตัวอักษรและตัวเลข ไม่มีตัว O, I, L และเลข 0, 1) กรุณาตรวจสอบอีกครั้งค่ะ", [MY_REPORTS_CHIP]));
    return;
  }
  try {
    const { complaint, isOwner } = await trackComplaint(ctx.deps, ctx.userId, code);
    const thread = isOwner ? await listMessages(complaint._id, ["officer", "reporter"]) : [];
    const deadline = isOwner ? await reporterDeadline(ctx.deps, { ...complaint.toObject(), thread }, true, ctx.now) : undefined;
    ctx.reply(complaintTimelineFlex({ ...timelineData(complaint, thread, ctx.deps.config.timezone, isOwner), deadline }));
  } catch (err) {
    if (!(err instanceof DomainError) || !err.userMessage) throw err;
    ctx.reply(politeTextMessage(err.userMessage, [MY_REPORTS_CHIP]));
  }
}

/** A "confirm" tap after the flow ended: the receipt again if it was filed, else a polite note. */
async function lateConfirm(ctx: BotContext): Promise<void> {
  const draftId = ctx.params.get("d");
  const c = draftId && ctx.userId ? await findOwnComplaintByDraft(ctx.deps.sealer, ctx.userId, draftId) : null;
  if (c) return void ctx.reply(complaintReceiptFlex(receiptData(c, ctx.deps.config.timezone, true)));
  staleButton(ctx);
}

function staleButton(ctx: BotContext): void {
  ctx.reply(politeTextMessage("ปุ่มนี้ใช้ไม่ได้แล้วค่ะ เพราะการแจ้งเรื่องครั้งนั้นจบหรือหมดเวลาแล้ว หากต้องการแจ้งเรื่อง แตะ \"แจ้งเรื่องร้องเรียน\" ได้เลยค่ะ", [START_CHIP]));
}

function nothingToResume(ctx: BotContext): void {
  ctx.reply(politeTextMessage("ตอนนี้ไม่มีการแจ้งเรื่องที่ค้างไว้ค่ะ (รายการที่ไม่มีการตอบเกิน 30 นาทีจะถูกลบ) เริ่มแจ้งใหม่ได้เลยค่ะ", [START_CHIP]));
}

const STALE_STEP_BUTTONS = [
  "complaint.category",
  "complaint.district",
  "complaint.districts",
  "complaint.myVillage",
  "complaint.tambon",
  "complaint.when",
  "complaint.clearPhotos",
  "complaint.identity",
  "complaint.editMenu",
  "complaint.edit",
];

export const complaintModule: BotModule = {
  name: "complaints",
  actions: {
    "complaint.start": startComplaint,
    "complaint.track": trackHandler,
    "complaint.reply": startReply,
    "complaint.confirm": lateConfirm,
    "complaint.resume": nothingToResume,
    // Issue 19: a report-shaped message gets an offer; its buttons outside the offer flow (lapsed).
    "complaint.report": offerComplaint,
    [OFFER_START_ACTION]: lateOfferStart,
    [OFFER_DECLINE_ACTION]: declineOffer,
    ...Object.fromEntries(STALE_STEP_BUTTONS.map((a) => [a, staleButton])),
  },
  commands: [
    { pattern: /^(?:แจ้งเรื่องร้องเรียน|แจ้งเรื่อง|ร้องเรียน|แจ้งเบาะแส|แจ้งทุจริต|report)(?:\s*(?:ค่ะ|คะ|ครับ))?$/, action: "complaint.start" },
    { pattern: TRACK_COMMAND, action: "complaint.track" },
    { pattern: BARE_CODE, action: "complaint.track" },
    { pattern: /^(?:ทำรายการต่อ|ทำต่อ)$/, action: "complaint.resume" },
  ],
  flows: [complaintFlow, complaintReplyFlow, complaintOfferFlow],
};
