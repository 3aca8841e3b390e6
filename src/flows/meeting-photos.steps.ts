import type { webhook } from "@line/bot-sdk";
import { politeTextMessage } from "../../flex-messages/components.flex";
import { NO_PHOTOS_WORD, PHOTOS_DONE_WORD, askMeetingPhotosText, meetingPhotosPrompt } from "../../flex-messages/meeting-photos.flex";
import { EvidenceError } from "../services/evidence.service";
import { MAX_REPORT_PHOTOS, addReportPhoto } from "../services/meeting-photo.service";
import type { BotContext } from "../webhook/bot-context";
import type { StepResult } from "./flow-engine";
import { countImageSetPhoto, type ImageSetProgress } from "./image-set";

// The last step of "รายงานผล": up to 5 photos of the activity, appended to the report
// (meeting-photo.service). Several photos sent together arrive as separate events
// sharing imageSet.id; the bot stays quiet until the last of the set and then answers
// once, as in the complaint flow. "เสร็จสิ้น" or "ไม่มีรูป" ends with a thank-you;
// anything else passes, so "รายงานผล" again (or a question) still works.
export const MEETING_REPORT_FLOW = "meeting-report";
export const MEETING_REPORT_VERSION = 1;
export const MEETING_REPORT_TTL_MS = 30 * 60_000;
export const PHOTOS_STEP = "askPhotos";
const MAX = MAX_REPORT_PHOTOS;
const OVER_LIMIT = `รับรูปได้สูงสุด ${MAX} รูปค่ะ รูปที่เกินไม่ได้บันทึก`;

export interface PhotoStepData {
  reportId: string;
  label: string;
  count: number;
  imageSets: ImageSetProgress[];
}

const save = (ctx: BotContext, d: PhotoStepData) => ctx.goto(MEETING_REPORT_FLOW, PHOTOS_STEP, { ...d }, MEETING_REPORT_VERSION, MEETING_REPORT_TTL_MS);

/** Moves the flow to the photo step; returns the question (the caller puts the saved counts before it). */
export function startPhotoStep(ctx: BotContext, reportId: string, label: string, count: number): string {
  save(ctx, { reportId, label, count, imageSets: [] });
  return count >= MAX ? `รายงานนี้มีรูปครบ ${MAX} รูปแล้วค่ะ แตะ "${PHOTOS_DONE_WORD}" เพื่อจบการรายงานค่ะ` : askMeetingPhotosText(count, MAX);
}

const isWord = (text: string | undefined, word: string) => text !== undefined && text.normalize("NFC").replace(/\s+/g, "") === word;

async function keep(ctx: BotContext, d: PhotoStepData, messageId: string): Promise<{ problem?: string; added: boolean }> {
  try {
    const r = await addReportPhoto(ctx.deps.line, d.reportId, messageId, ctx.now);
    d.count = r.count;
    if (r.status === "full") return { problem: OVER_LIMIT, added: false };
    return { added: r.status === "added" };
  } catch (err) {
    if (err instanceof EvidenceError) return { problem: err.userMessage, added: false };
    throw err; // LINE 5xx or timeout: the inbox retries this event
  }
}

async function acceptPhoto(ctx: BotContext, d: PhotoStepData): Promise<StepResult> {
  const msg = (ctx.event as webhook.MessageEvent).message as webhook.ImageMessageContent;
  const { problem, added } = await keep(ctx, d, msg.id);
  const entry = countImageSetPhoto(d.imageSets, msg, { problem, stored: added });
  let text: string;
  if (entry === "wait") {
    save(ctx, d); // quiet until the last photo of the set
    return "handled";
  }
  if (entry) {
    text = [`ได้รับรูป ${entry.stored} จาก ${entry.total} รูปค่ะ (มี ${d.count}/${MAX} รูป)`, ...new Set(entry.problems)].join("\n");
  } else if (problem) {
    text = problem;
  } else {
    text = added ? `ได้รับรูปที่ ${d.count}/${MAX} แล้วค่ะ` : `ได้รับรูปนี้แล้วค่ะ (มี ${d.count}/${MAX} รูป)`;
  }
  if (d.count >= MAX) text += `\nครบ ${MAX} รูปแล้ว แตะ "${PHOTOS_DONE_WORD}" เพื่อจบการรายงานค่ะ`;
  save(ctx, d);
  ctx.reply(meetingPhotosPrompt(text, d.count, MAX));
  return "handled";
}

export async function askPhotosStep(ctx: BotContext): Promise<StepResult> {
  const d = ctx.flow!.data as unknown as PhotoStepData;
  d.imageSets ??= [];
  if (ctx.messageType === "image") return acceptPhoto(ctx, d);
  if (isWord(ctx.text, PHOTOS_DONE_WORD) || isWord(ctx.text, NO_PHOTOS_WORD)) {
    ctx.endFlow();
    const kept = d.count > 0 ? `บันทึกรูปกิจกรรม ${d.count} รูปไว้กับรายงาน ${d.label} แล้วค่ะ ` : "";
    ctx.reply(politeTextMessage(`${kept}ขอบคุณที่ร่วมสร้างชุมชนสุจริตค่ะ 🙏`));
    return "handled";
  }
  return "pass";
}

