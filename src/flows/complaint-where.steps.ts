import type { webhook } from "@line/bot-sdk";
import { politeTextMessage } from "../../flex-messages";
import { districtChoicePrompt, districtNotFoundPrompt, tambonPrompt, villagePrompt } from "../../flex-messages/complaint-prompts.flex";
import { getDistrict, getTambon } from "../content/areas/areas";
import { matchDistrict, matchTambon } from "../util/area-match";
import { parseVillageNumber } from "../util/thai-text";
import type { BotContext } from "../webhook/bot-context";
import type { DraftStep } from "./complaint-answer.steps";
import { isWord, nextStep, saveDraft, type ComplaintDraft, type ComplaintStep, type DraftLocation } from "./complaint-draft";
import { isTopicQuestion, passWithResumeHint } from "./complaint-interrupt";
import { districtPicker, showStep } from "./complaint-show";

// Where it happened: district → tambon → village (DOPA codes, src/content/areas),
// the member's registered village in one tap, or a LINE location message. The
// district decides routing, so a shared location whose address names no district
// is followed by the district question; "ไม่ทราบ" routes the case to the province.
const WHERE_STEPS: readonly ComplaintStep[] = ["where", "where_tambon", "where_village"];
/** A typo-tolerant match below this is confirmed with the person first. */
const SURE = 0.8;

async function go(ctx: BotContext, d: ComplaintDraft, step: ComplaintStep): Promise<void> {
  const s = step === "when" ? nextStep(d, "when") : step;
  saveDraft(ctx, d, s);
  await showStep(ctx, d, s);
}

function setDistrict(d: ComplaintDraft, code: string): boolean {
  if (!getDistrict(code)) return false;
  d.where = { ...d.where, districtCode: code, tambonCode: undefined, villageNo: undefined, unknown: undefined };
  return true;
}

export const whereStep: DraftStep = async (ctx, d) => {
  const action = ctx.postback?.action;
  if (action === "complaint.district" && setDistrict(d, ctx.params.get("d") ?? "")) return go(ctx, d, "where_tambon");
  if (action === "complaint.districts") return void ctx.reply(districtPicker());
  if (action === "complaint.myVillage") {
    const v = (await ctx.member())?.village;
    if (v && getDistrict(v.districtCode)) {
      d.where = { ...d.where, districtCode: v.districtCode, tambonCode: getTambon(v.tambonCode) ? v.tambonCode : undefined, villageNo: v.villageNo, unknown: undefined };
      return go(ctx, d, "when");
    }
    return showStep(ctx, d, "where");
  }
  if (isWord(ctx.text, "unknown")) {
    d.where = { ...d.where, districtCode: undefined, tambonCode: undefined, villageNo: undefined, unknown: true };
    return go(ctx, d, "when");
  }
  if (ctx.text === undefined) return showStep(ctx, d, "where");
  const m = matchDistrict(ctx.text);
  if (m && "district" in m && m.score >= SURE) {
    setDistrict(d, m.district.code);
    return go(ctx, d, "where_tambon");
  }
  if (m) return void ctx.reply(districtChoicePrompt("district" in m ? [m.district] : m.candidates));
  if (isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  ctx.reply(districtNotFoundPrompt());
};

export const tambonStep: DraftStep = async (ctx, d) => {
  const districtCode = d.where.districtCode ?? "";
  const district = getDistrict(districtCode);
  if (!district) return go(ctx, d, "where");
  const picked = ctx.postback?.action === "complaint.tambon" ? getTambon(ctx.params.get("t") ?? "") : undefined;
  if (picked && picked.districtCode === districtCode) {
    d.where.tambonCode = picked.code;
    return go(ctx, d, "where_village");
  }
  if (isWord(ctx.text, "skip")) return go(ctx, d, "when");
  if (ctx.text === undefined) return showStep(ctx, d, "where_tambon");
  const m = matchTambon(districtCode, ctx.text);
  if (m && "tambon" in m && m.score >= SURE) {
    d.where.tambonCode = m.tambon.code;
    return go(ctx, d, "where_village");
  }
  if (m) {
    const choices = "tambon" in m ? [m.tambon] : m.candidates;
    return void ctx.reply(tambonPrompt(district.nameTh, choices));
  }
  if (isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  ctx.reply(tambonPrompt(district.nameTh, district.tambons, true));
};

export const villageStep: DraftStep = async (ctx, d) => {
  if (isWord(ctx.text, "skip")) return go(ctx, d, "when");
  if (ctx.text === undefined) return showStep(ctx, d, "where_village");
  const n = parseVillageNumber(ctx.text);
  if (n !== null) {
    d.where.villageNo = n;
    return go(ctx, d, "when");
  }
  if (isTopicQuestion(ctx.text)) return passWithResumeHint(ctx);
  ctx.reply(villagePrompt(true));
};

/** District and tambon named in a LINE address ("ต.ในเมือง อ.เมืองขอนแก่น จ.ขอนแก่น 40000"). */
export function areaFromAddress(address: string | undefined): { districtCode?: string; tambonCode?: string } {
  if (!address) return {};
  const dm = /(?:อำเภอ|อ\.)\s*([^\s,]+)/.exec(address);
  const m = dm ? matchDistrict(dm[1]!) : null;
  if (!m || !("district" in m) || m.score < SURE) return {};
  const tm = /(?:ตำบล|ต\.)\s*([^\s,]+)/.exec(address);
  const t = tm ? matchTambon(m.district.code, tm[1]!) : null;
  return { districtCode: m.district.code, tambonCode: t && "tambon" in t && t.score >= SURE ? t.tambon.code : undefined };
}

function readLocation(ctx: BotContext): DraftLocation | null {
  const msg = (ctx.event as webhook.MessageEvent).message as webhook.LocationMessageContent;
  const { latitude, longitude } = msg;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  const clip = (s: unknown) => (typeof s === "string" && s.trim() ? s.replace(/\u0000/g, "").slice(0, 300) : undefined);
  return { latitude, longitude, title: clip(msg.title), address: clip(msg.address) };
}

/** A shared location, at any step: kept on the draft; in the where steps it also moves on. */
export async function acceptLocation(ctx: BotContext, d: ComplaintDraft, step: ComplaintStep): Promise<void> {
  const loc = readLocation(ctx);
  if (!loc) return showStep(ctx, d, step);
  const area = areaFromAddress(loc.address);
  const keepArea = !area.districtCode && d.where.districtCode ? { districtCode: d.where.districtCode, tambonCode: d.where.tambonCode, villageNo: d.where.villageNo } : area;
  d.where = { ...keepArea, location: loc };
  if (!WHERE_STEPS.includes(step)) {
    saveDraft(ctx, d, step);
    return showStep(ctx, d, step, politeTextMessage("บันทึกตำแหน่งที่เกิดเหตุแล้วค่ะ"));
  }
  if (!d.where.districtCode) return go(ctx, d, "where");
  return go(ctx, d, d.where.tambonCode ? "where_village" : "where_tambon");
}
