import { politeTextMessage } from "../../flex-messages";
import { complaintReceiptFlex } from "../../flex-messages/complaint-receipt.flex";
import { EDIT_SECTIONS, complaintEditMenu, type EditSection } from "../../flex-messages/complaint-review.flex";
import { RateLimitError } from "../errors";
import { MIN_WHAT_CHARS } from "../services/complaint-input";
import { submitComplaint } from "../services/complaint.service";
import { receiptData } from "../services/complaint-views";
import { deleteEvidence } from "../services/evidence.service";
import type { BotContext } from "../webhook/bot-context";
import type { DraftStep } from "./complaint-answer.steps";
import { isWord, saveDraft, type ComplaintDraft, type ComplaintStep } from "./complaint-draft";
import { isTopicQuestion, passWithResumeHint } from "./complaint-interrupt";
import { showStep } from "./complaint-show";

// Review, edit and confirm. Only "confirm" commits, and it is idempotent: the
// complaint is keyed on the draft id (unique index), so a double tap, a retried
// handler or a tap on an old review bubble files one complaint.

/** The first unanswered step, if the draft is not complete (e.g. an edit emptied it). */
function missingStep(d: ComplaintDraft): ComplaintStep | undefined {
  if (!d.category) return "category";
  if (d.what.length < MIN_WHAT_CHARS) return "what";
  if (d.anonymous === undefined) return "identity";
  if (!d.anonymous && !d.contactSealed) return "contact_name";
  return undefined;
}

async function submit(ctx: BotContext, d: ComplaintDraft): Promise<void> {
  const missing = missingStep(d);
  if (missing) {
    saveDraft(ctx, d, missing);
    return showStep(ctx, d, missing, politeTextMessage("ยังขาดข้อมูลบางส่วนค่ะ กรุณาตอบคำถามนี้ก่อนนะคะ"));
  }
  try {
    const { complaint, created } = await submitComplaint(ctx.deps, {
      draftId: d.draftId,
      lineUserId: ctx.userId!,
      category: d.category!,
      what: d.what,
      who: d.who,
      where: { districtCode: d.where.districtCode, tambonCode: d.where.tambonCode, villageNo: d.where.villageNo, location: d.where.location },
      when: d.when ?? { unsure: true },
      evidence: d.photos,
      anonymous: d.anonymous!,
      contactSealed: d.contactSealed,
    });
    ctx.endFlow();
    ctx.log.info("complaint submitted", { complaintId: String(complaint._id), created, level: complaint.routedTo?.level, photos: complaint.evidence.length });
    // created=false here means this handler is being retried after the insert: still the first receipt.
    ctx.reply(complaintReceiptFlex(receiptData(complaint, ctx.deps.config.timezone)));
  } catch (err) {
    if (!(err instanceof RateLimitError)) throw err;
    await deleteEvidence(d.photos.map((p) => p.fileId));
    ctx.endFlow();
    ctx.reply(politeTextMessage(err.userMessage ?? "ขออภัยค่ะ วันนี้แจ้งเรื่องครบจำนวนแล้ว"));
  }
}

function startEdit(ctx: BotContext, d: ComplaintDraft, section: EditSection): Promise<void> {
  d.returnToReview = true;
  if (section === "what") d.what = "";
  if (section === "where") d.where = {};
  if (section === "identity") {
    delete d.anonymous;
    delete d.contactSealed;
    delete d.nameSealed;
  }
  saveDraft(ctx, d, section);
  return showStep(ctx, d, section);
}

export const reviewStep: DraftStep = async (ctx, d) => {
  const action = ctx.postback?.action;
  if (action === "complaint.confirm" || isWord(ctx.text, "confirm")) {
    const id = action ? ctx.params.get("d") : d.draftId;
    if (id !== d.draftId) return showStep(ctx, d, "review", politeTextMessage("ปุ่มนั้นเป็นของรายการก่อนหน้าค่ะ นี่คือเรื่องที่กำลังแจ้งอยู่"));
    return submit(ctx, d);
  }
  if (action === "complaint.editMenu") return void ctx.reply(complaintEditMenu());
  if (action === "complaint.edit") {
    const section = EDIT_SECTIONS.find((s) => s === ctx.params.get("s"));
    return section ? startEdit(ctx, d, section) : void ctx.reply(complaintEditMenu());
  }
  if (ctx.text !== undefined && isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  return showStep(ctx, d, "review", politeTextMessage("ตรวจสอบข้อมูลแล้วแตะ \"ยืนยันส่งเรื่อง\" หรือ \"แก้ไข\" ได้ค่ะ"));
};
