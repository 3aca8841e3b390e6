import type { webhook } from "@line/bot-sdk";
import { politeTextMessage } from "../../flex-messages";
import { photoReceivedPrompt } from "../../flex-messages/complaint-prompts.flex";
import { MAX_PHOTOS } from "../services/complaint-input";
import { EvidenceError, deleteEvidence, storeEvidence } from "../services/evidence.service";
import type { BotContext } from "../webhook/bot-context";
import type { DraftStep } from "./complaint-answer.steps";
import { isWord, nextStep, saveDraft, type ComplaintDraft, type ComplaintStep } from "./complaint-draft";
import { isTopicQuestion, passWithResumeHint } from "./complaint-interrupt";
import { countImageSetPhoto } from "./image-set";
import { showStep } from "./complaint-show";

// Evidence photos: taken with the camera or picked from the camera roll (quick
// replies), up to 5. Each is downloaded at once into GridFS (evidence.service).
// Several photos sent together arrive as separate events sharing imageSet.id; the
// bot stays quiet until the last of the set and then answers once for all.
const OVER_LIMIT = `รับรูปได้สูงสุด ${MAX_PHOTOS} รูปค่ะ รูปที่เกินไม่ได้บันทึก`;

/** Stores one photo; returns a Thai problem text when it could not be kept. */
async function keepPhoto(ctx: BotContext, d: ComplaintDraft, messageId: string): Promise<string | undefined> {
  if (d.photos.some((p) => p.messageId === messageId)) return undefined; // a redelivered event
  if (d.photos.length >= MAX_PHOTOS) return OVER_LIMIT;
  try {
    const stored = await storeEvidence(ctx.deps.line, { messageId, draftId: d.draftId, reporterIndex: ctx.deps.sealer.blindIndex(ctx.userId!), now: ctx.now });
    d.photos.push({ ...stored, messageId });
    return undefined;
  } catch (err) {
    if (err instanceof EvidenceError) return err.userMessage;
    throw err; // LINE 5xx or timeout: the inbox retries this event
  }
}

/** A photo at any step: kept with the draft; the current question is asked again. */
export async function acceptPhoto(ctx: BotContext, d: ComplaintDraft, step: ComplaintStep): Promise<void> {
  const msg = (ctx.event as webhook.MessageEvent).message as webhook.ImageMessageContent;
  const problem = await keepPhoto(ctx, d, msg.id);
  const entry = countImageSetPhoto(d.imageSets, msg, { problem, stored: true });
  let lead: string;
  if (entry === "wait") {
    saveDraft(ctx, d, step); // quiet until the last photo of the set
    return;
  }
  if (entry) {
    const problems = [...new Set(entry.problems)];
    if (step === "evidence" && problems.length === 0) {
      saveDraft(ctx, d, step);
      return ctx.reply(photoReceivedPrompt(d.photos.length, MAX_PHOTOS, entry.stored));
    }
    lead = [`ได้รับรูป ${entry.stored} จาก ${entry.total} รูปค่ะ`, ...problems].join("\n");
  } else if (!problem && step === "evidence") {
    // A short answer, not the whole evidence question again.
    saveDraft(ctx, d, step);
    return ctx.reply(photoReceivedPrompt(d.photos.length, MAX_PHOTOS));
  } else {
    lead = problem ?? "ได้รับรูปแล้วค่ะ";
  }
  if (step !== "evidence") lead += `\nรูปจะแนบไปกับเรื่องนี้ (มี ${d.photos.length}/${MAX_PHOTOS} รูป)`;
  saveDraft(ctx, d, step);
  await showStep(ctx, d, step, politeTextMessage(lead));
}

export const evidenceStep: DraftStep = async (ctx, d) => {
  if (ctx.postback?.action === "complaint.clearPhotos") {
    await deleteEvidence(d.photos.map((p) => p.fileId));
    d.photos = [];
    saveDraft(ctx, d, "evidence");
    return showStep(ctx, d, "evidence", politeTextMessage("ลบรูปทั้งหมดแล้วค่ะ"));
  }
  if (isWord(ctx.text, "next")) {
    const step = nextStep(d, "identity");
    saveDraft(ctx, d, step);
    return showStep(ctx, d, step);
  }
  if (ctx.text !== undefined && isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  return showStep(ctx, d, "evidence", politeTextMessage("ส่งรูปหลักฐานได้เลยค่ะ หรือแตะ \"ถัดไป\" เพื่อไปขั้นตอนต่อไป"));
};
