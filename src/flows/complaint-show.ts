import type { messagingApi } from "@line/bot-sdk";
import { getDistrict, listDistricts, listTambons } from "../content/areas/areas";
import { MAX_PHOTOS, MAX_WHAT_CHARS, maskThaiPhone } from "../services/complaint-input";
import { CATEGORY_LABELS, describeArea } from "../services/complaint-labels";
import { routeComplaint } from "../services/complaint-routing";
import { routingText, whenText } from "../services/complaint-views";
import { zonedParts } from "../util/thai-date";
import type { BotContext } from "../webhook/bot-context";
import { complaintCategoryFlex } from "../../flex-messages/complaint-category.flex";
import { complaintDistrictPickerFlex } from "../../flex-messages/complaint-districts.flex";
import {
  evidencePrompt,
  identityPrompt,
  namePrompt,
  phonePrompt,
  tambonPrompt,
  villagePrompt,
  whatProgress,
  whatPrompt,
  whenPrompt,
  wherePrompt,
  whoPrompt,
} from "../../flex-messages/complaint-prompts.flex";
import { complaintReviewFlex, type ComplaintReviewData } from "../../flex-messages/complaint-review.flex";
import { sealedAt } from "../security/seal-places";
import type { ComplaintDraft, ComplaintStep } from "./complaint-draft";

// The question of each step, built from the draft. Used when a step is reached,
// when it is shown again ("ทำรายการต่อ"), and after an answer that did not fit.

/** "YYYY-MM-DD" of the Bangkok calendar day, `yearsBack` years earlier. */
export function localDate(at: Date, timeZone: string, yearsBack = 0): string {
  const p = zonedParts(at, timeZone);
  return `${p.year - yearsBack}-${String(p.month).padStart(2, "0")}-${String(Math.min(p.day, 28)).padStart(2, "0")}`;
}

export function todayLocal(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

function draftAreaText(d: ComplaintDraft): string {
  return describeArea(d.where) || (d.where.location ? "ตามตำแหน่งที่แชร์" : "");
}

export function reviewData(ctx: BotContext, d: ComplaintDraft): ComplaintReviewData {
  let identity = "ไม่เปิดเผยตัวตน";
  if (!d.anonymous && d.contactSealed) {
    const c = JSON.parse(ctx.deps.sealer.open(d.contactSealed, sealedAt.draftContact(d.draftId))) as { name: string; phone: string };
    identity = `เปิดเผยชื่อ: ${c.name} (${maskThaiPhone(c.phone)})`;
  }
  return {
    draftId: d.draftId,
    category: d.category ? CATEGORY_LABELS[d.category] : "",
    what: d.what,
    who: d.who ?? undefined,
    where: draftAreaText(d),
    when: d.when ? whenText(d.when) : "",
    photoCount: d.photos.length,
    identity,
    routing: routingText(routeComplaint({ districtCode: d.where.districtCode, who: d.who, what: d.what })),
  };
}

async function myVillageText(ctx: BotContext): Promise<string | undefined> {
  const v = (await ctx.member())?.village;
  return v?.districtCode ? describeArea(v) : undefined;
}

export async function stepMessages(ctx: BotContext, d: ComplaintDraft, step: ComplaintStep): Promise<messagingApi.Message[]> {
  const tz = ctx.deps.config.timezone;
  switch (step) {
    case "category":
      return [complaintCategoryFlex()];
    case "what":
      // Words already there (carried from a report-shaped message, or typed before "ทำต่อ"): say so.
      return [d.what ? whatProgress(d.what.length, MAX_WHAT_CHARS) : whatPrompt(Boolean(d.returnToReview))];
    case "who":
      return [whoPrompt()];
    case "where":
      return [wherePrompt({ myVillage: await myVillageText(ctx), afterLocation: Boolean(d.where.location) && !d.where.districtCode })];
    case "where_tambon": {
      const district = getDistrict(d.where.districtCode ?? "");
      return [tambonPrompt(district?.nameTh ?? "", listTambons(d.where.districtCode ?? ""))];
    }
    case "where_village":
      return [villagePrompt()];
    case "when":
      return [whenPrompt({ today: todayLocal(ctx.now, tz), earliest: localDate(ctx.now, tz, 10) })];
    case "evidence":
      return [evidencePrompt(d.photos.length, MAX_PHOTOS)];
    case "identity":
      return [identityPrompt()];
    case "contact_name":
      return [namePrompt()];
    case "contact_phone":
      return [phonePrompt()];
    case "review":
      return [complaintReviewFlex(reviewData(ctx, d))];
  }
}

/** Replies with the step's question, after any lead messages. */
export async function showStep(ctx: BotContext, d: ComplaintDraft, step: ComplaintStep, ...lead: messagingApi.Message[]): Promise<void> {
  ctx.reply(...lead, ...(await stepMessages(ctx, d, step)));
}

export function districtPicker(): messagingApi.FlexMessage {
  return complaintDistrictPickerFlex(listDistricts().map((d) => ({ code: d.code, nameTh: d.nameTh })));
}
