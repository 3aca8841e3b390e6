import type { messagingApi } from "@line/bot-sdk";
import { politeTextMessage, postbackData } from "../../flex-messages";
import { assertCanSubmit } from "../services/complaint.service";
import { deleteUnattachedEvidence } from "../services/evidence.service";
import type { BotContext } from "../webhook/bot-context";
import { userChatKey } from "../webhook/inbox";
import {
  categoryStep,
  contactNameStep,
  contactPhoneStep,
  identityStep,
  whatStep,
  whenStep,
  whoStep,
  type DraftStep,
} from "./complaint-answer.steps";
import { COMPLAINT_FLOW_ID, COMPLAINT_FLOW_TTL_MS, COMPLAINT_FLOW_VERSION, isWord, newDraft, readDraft, saveDraft, type ComplaintStep } from "./complaint-draft";
import { acceptPhoto, evidenceStep } from "./complaint-evidence.steps";
import { FLOW_OWN, commandAction, passWithResumeHint } from "./complaint-interrupt";
import { reviewStep } from "./complaint-review.steps";
import { showStep } from "./complaint-show";
import { acceptLocation, tambonStep, villageStep, whereStep } from "./complaint-where.steps";
import type { FlowDefinition, StepResult } from "./flow-engine";

// The complaint flow (issue 5): category → what → who → where → when → evidence →
// identity → review → confirm. Every step goes through runStep, which handles what
// any step must: "ทำรายการต่อ", buttons of other features (answered by the router
// while the flow waits), stale buttons, photos and locations sent at any time.
const STEPS: Record<ComplaintStep, DraftStep> = {
  category: categoryStep,
  what: whatStep,
  who: whoStep,
  where: whereStep,
  where_tambon: tambonStep,
  where_village: villageStep,
  when: whenStep,
  evidence: evidenceStep,
  identity: identityStep,
  contact_name: contactNameStep,
  contact_phone: contactPhoneStep,
  review: reviewStep,
};

/** The complaint.* buttons each step answers; any other complaint.* button is stale. */
const ACCEPTS: Partial<Record<ComplaintStep, readonly string[]>> = {
  category: ["complaint.category"],
  where: ["complaint.district", "complaint.districts", "complaint.myVillage"],
  where_tambon: ["complaint.tambon"],
  when: ["complaint.when"],
  evidence: ["complaint.clearPhotos"],
  identity: ["complaint.identity"],
  review: ["complaint.confirm", "complaint.editMenu", "complaint.edit"],
};

const say = (text: string): messagingApi.TextMessage => politeTextMessage(text);

async function runStep(ctx: BotContext, step: ComplaintStep): Promise<StepResult | void> {
  const d = readDraft(ctx);
  const action = ctx.postback?.action;
  // Tapped or typed, "แจ้งเรื่อง" or "ทำต่อ" mid-flow shows the pending step again.
  const own = [action, commandAction(ctx.text)].filter((a): a is string => a !== undefined && FLOW_OWN.has(a));
  if (own.length > 0 || isWord(ctx.text, "resume")) {
    saveDraft(ctx, d, step); // also restarts the idle clock
    const lead = own.includes("complaint.start") ? [say("ท่านกำลังแจ้งเรื่องอยู่ค่ะ ทำต่อจากขั้นตอนเดิมได้เลย หรือพิมพ์ \"ยกเลิก\" เพื่อเริ่มใหม่")] : [];
    return showStep(ctx, d, step, ...lead);
  }
  if (action === "complaint.reply") {
    return showStep(ctx, d, step, say("กรุณาส่งเรื่องที่กำลังแจ้งให้เสร็จ หรือพิมพ์ \"ยกเลิก\" ก่อน แล้วจึงตอบกลับเจ้าหน้าที่นะคะ"));
  }
  if (action === "complaint.track" || (action && !action.startsWith("complaint."))) return passWithResumeHint(ctx);
  if (action && !(ACCEPTS[step] ?? []).includes(action)) return showStep(ctx, d, step, say("ปุ่มนั้นใช้ในขั้นตอนนี้ไม่ได้ค่ะ ตอนนี้อยู่ที่คำถามนี้:"));
  if (ctx.messageType === "image") return acceptPhoto(ctx, d, step);
  if (ctx.messageType === "location") return acceptLocation(ctx, d, step);
  if (ctx.event.type === "message" && ctx.text === undefined) {
    return showStep(ctx, d, step, say("ขั้นตอนนี้รับข้อความ รูปภาพ หรือตำแหน่งค่ะ ถ้ามีวิดีโอหรือไฟล์ ให้เล่าไว้ในรายละเอียด เจ้าหน้าที่อาจติดต่อขอภายหลังค่ะ"));
  }
  return STEPS[step](ctx, d);
}

const START_AGAIN = [{ label: "แจ้งเรื่องใหม่", postback: postbackData("complaint.start"), displayText: "แจ้งเรื่องร้องเรียน" }];

async function dropDraftPhotos(ctx: BotContext): Promise<void> {
  if (ctx.userId) await deleteUnattachedEvidence(ctx.deps.sealer.blindIndex(ctx.userId));
}

export const complaintFlow: FlowDefinition = {
  id: COMPLAINT_FLOW_ID,
  version: COMPLAINT_FLOW_VERSION,
  ttlMs: COMPLAINT_FLOW_TTL_MS,
  steps: Object.fromEntries(Object.keys(STEPS).map((s) => [s, (ctx: BotContext) => runStep(ctx, s as ComplaintStep)])),
  async onExpired(ctx) {
    await dropDraftPhotos(ctx);
    ctx.reply(
      politeTextMessage(
        "การแจ้งเรื่องที่ค้างไว้หมดเวลาแล้วค่ะ เพราะไม่มีการตอบเกิน 30 นาที ข้อมูลและรูปที่ส่งมาถูกลบแล้วเพื่อความปลอดภัย " +
          "หากต้องการแจ้งใหม่ พิมพ์ \"แจ้งเรื่อง\" หรือแตะ \"แจ้งเรื่องใหม่\" ได้เลยค่ะ",
        START_AGAIN,
      ),
    );
  },
  async onCancel(ctx) {
    await dropDraftPhotos(ctx);
    ctx.reply(politeTextMessage("ยกเลิกการแจ้งเรื่องแล้วค่ะ ข้อมูลและรูปที่ส่งมาถูกลบแล้ว หากต้องการแจ้งใหม่ แตะ \"แจ้งเรื่องใหม่\" ได้ทุกเมื่อค่ะ", START_AGAIN));
  },
};

/** complaint.start outside the flow: a 1:1 chat only, within the daily limit. */
export async function startComplaint(ctx: BotContext): Promise<void> {
  if (!ctx.userId || ctx.chatKey !== userChatKey(ctx.userId, ctx.deps.sealer)) {
    ctx.reply(say("เพื่อความปลอดภัยของผู้แจ้ง กรุณาแจ้งเรื่องร้องเรียนในแชทส่วนตัวกับสุจริตนะคะ"));
    return;
  }
  await assertCanSubmit(ctx.deps, ctx.userId);
  const d = newDraft();
  saveDraft(ctx, d, "category");
  await showStep(ctx, d, "category");
}
