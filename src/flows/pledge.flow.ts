import { getDistrict, getTambon, listDistricts, listTambons, type District, type Tambon } from "../content/areas/areas";
import { ensureMember } from "../services/member.service";
import { campaignYearOf, createPledge, rememberMemberVillage, type PledgeView } from "../services/pledge.service";
import { readYearTally } from "../services/pledge-tally.service";
import { matchDistrict, matchTambon } from "../util/area-match";
import { MAX_VILLAGE_NUMBER, normalizeThai, parseVillageNumber, stripPoliteTail } from "../util/thai-text";
import type { BotContext } from "../webhook/bot-context";
import type { FlowDefinition, StepResult } from "./flow-engine";
import type { MemberDoc } from "../models/member.model";
import { pledgeCertificateFlex } from "../../flex-messages/pledge-certificate.flex";
import { pledgeConfirmFlex } from "../../flex-messages/pledge-confirm.flex";
import { pledgeDistrictCandidates, pledgeDistrictDidYouMean, pledgeDistrictFlex, pledgeDistrictNotFound } from "../../flex-messages/pledge-district.flex";
import { pledgeCancelledMessage, pledgeExpiredMessage } from "../../flex-messages/pledge-notices.flex";
import { pledgeTambonCandidates, pledgeTambonDidYouMean, pledgeTambonFlex, pledgeTambonNotFound } from "../../flex-messages/pledge-tambon.flex";
import { pledgeVillageNotUnderstood, pledgeVillagePrompt } from "../../flex-messages/pledge-village.flex";

// The pledge conversation: named steps district → tambon → village → confirm, with a
// version and an expiry (ARCHITECTURE.md). Each choice button carries what it chose,
// so the same moves serve the steps and a button tapped after the flow ended
// (pledge.handler.ts). Only "confirm" writes a pledge, and that write is idempotent.
export const PLEDGE_FLOW_ID = "pledge";
export const PLEDGE_FLOW_VERSION = 1;
export const PLEDGE_FLOW_TTL_MS = 30 * 60_000;

/** Whole-message commands of the pledge module (after normalizeText). */
export const PLEDGE_COMMANDS = [
  { pattern: /^(?:ร่วม ?)?(?:ประกาศ ?เจตนารมณ์|ปฏิญาณ(?:ตน)?)(?: ?(?:ค่ะ|คะ|ครับ|จ้า))?$/, action: "pledge.start" },
  { pattern: /^ยอด ?(?:ผู้)?(?:ประกาศ ?เจตนารมณ์|ประกาศ)(?: ?(?:ค่ะ|คะ|ครับ))?$/, action: "pledge.stats" },
  { pattern: /^ถอน ?(?:การ)?ประกาศ(?: ?เจตนารมณ์)?(?: ?(?:ค่ะ|คะ|ครับ))?$/, action: "pledge.withdraw" },
  { pattern: /^ใบประกาศ(?: ?เจตนารมณ์)?(?: ?ของ ?ฉัน)?$/, action: "pledge.certificate" },
] as const;

const CONFIRM_WORDS = new Set(["ยืนยัน", "ยืนยันประกาศเจตนารมณ์", "ตกลง", "ok", "โอเค"]);

interface PledgeFlowData {
  districtCode?: string;
  tambonCode?: string;
  villageNo?: number;
  remembered?: boolean;
}

export function currentCampaignYear(ctx: BotContext): number {
  return campaignYearOf(ctx.now, ctx.deps.config.campaignYearStartMonth, ctx.deps.config.timezone);
}

export async function memberOf(ctx: BotContext): Promise<MemberDoc> {
  return (await ctx.member()) ?? (await ensureMember(ctx.userId!, ctx.now));
}

function go(ctx: BotContext, step: string, data: PledgeFlowData): void {
  ctx.goto(PLEDGE_FLOW_ID, step, { ...data }, PLEDGE_FLOW_VERSION, PLEDGE_FLOW_TTL_MS);
}

export function askDistrict(ctx: BotContext): void {
  go(ctx, "district", {});
  ctx.reply(pledgeDistrictFlex(listDistricts()));
}

export function chooseDistrict(ctx: BotContext, district: District): void {
  go(ctx, "tambon", { districtCode: district.code });
  ctx.reply(pledgeTambonFlex(district, listTambons(district.code)));
}

export function chooseTambon(ctx: BotContext, tambon: Tambon): void {
  const district = getDistrict(tambon.districtCode)!;
  go(ctx, "village", { districtCode: district.code, tambonCode: tambon.code });
  ctx.reply(pledgeVillagePrompt(district, tambon));
}

export function chooseVillage(ctx: BotContext, tambon: Tambon, villageNo: number, remembered = false): void {
  const district = getDistrict(tambon.districtCode)!;
  go(ctx, "confirm", { districtCode: district.code, tambonCode: tambon.code, villageNo, remembered });
  ctx.reply(
    pledgeConfirmFlex({ districtName: district.nameTh, tambonName: tambon.nameTh, villageNo, remembered, campaignYear: currentCampaignYear(ctx) }),
  );
}

/** The certificate of a numbered pledge, with the LINE display name when the profile may be read. */
export async function certificateFor(ctx: BotContext, pledge: PledgeView, already: boolean, districtCount?: number) {
  const profile = ctx.userId ? await ctx.deps.line.getProfile(ctx.userId).catch(() => null) : null;
  const count = districtCount ?? (await readYearTally(pledge.campaignYear)).districts[pledge.area.districtCode] ?? 0;
  return pledgeCertificateFlex({
    displayName: profile?.displayName,
    number: pledge.number,
    campaignYear: pledge.campaignYear,
    pledgedAt: pledge.pledgedAt,
    timeZone: ctx.deps.config.timezone,
    districtName: getDistrict(pledge.area.districtCode)?.nameTh ?? pledge.area.districtCode,
    tambonName: getTambon(pledge.area.tambonCode)?.nameTh ?? pledge.area.tambonCode,
    villageNo: pledge.area.villageNo,
    districtCount: count,
    already,
  });
}

/** The final step: store the pledge (once), remember the village, show the certificate. */
export async function confirmPledge(ctx: BotContext, data: PledgeFlowData): Promise<void> {
  const member = await memberOf(ctx);
  const area = { districtCode: data.districtCode!, tambonCode: data.tambonCode!, villageNo: data.villageNo! };
  const { pledge, outcome, districtCount } = await createPledge({
    memberId: member._id,
    campaignYear: currentCampaignYear(ctx),
    area,
    at: ctx.now,
    timeZone: ctx.deps.config.timezone,
  });
  await rememberMemberVillage(member._id, area, member.village);
  ctx.endFlow();
  ctx.log.info("pledge confirmed", { outcome, number: pledge.number });
  ctx.reply(await certificateFor(ctx, pledge, outcome === "existing", districtCount));
}

/** Step choices carried by postbacks; valid at any step. */
export async function applyChoice(ctx: BotContext): Promise<boolean> {
  const p = ctx.params;
  switch (ctx.postback?.action) {
    case "pledge.change":
      askDistrict(ctx);
      return true;
    case "pledge.district": {
      const district = getDistrict(p.get("d") ?? "");
      if (district) chooseDistrict(ctx, district);
      else askDistrict(ctx);
      return true;
    }
    case "pledge.tambon": {
      const tambon = getTambon(p.get("t") ?? "");
      if (tambon) chooseTambon(ctx, tambon);
      else askDistrict(ctx);
      return true;
    }
    case "pledge.village": {
      const tambon = getTambon(p.get("t") ?? "");
      const villageNo = Number(p.get("v"));
      if (tambon && Number.isInteger(villageNo) && villageNo >= 1 && villageNo <= MAX_VILLAGE_NUMBER) chooseVillage(ctx, tambon, villageNo);
      else askDistrict(ctx);
      return true;
    }
    default:
      return false;
  }
}

/** Another module's text command or a pledge command that is not a step answer. */
function isOtherCommand(text: string): boolean {
  const t = normalizeThai(text);
  return PLEDGE_COMMANDS.some((c) => c.pattern.test(t));
}

type TextStep = (ctx: BotContext, text: string, data: PledgeFlowData) => Promise<void> | void;

/** Wraps a step: choice postbacks first, other postbacks and commands pass to the router. */
function step(onText: TextStep, reprompt: (ctx: BotContext, data: PledgeFlowData) => void) {
  return async (ctx: BotContext): Promise<StepResult> => {
    const data = (ctx.flow?.data ?? {}) as PledgeFlowData;
    if (ctx.postback) return (await applyChoice(ctx)) ? "handled" : "pass";
    if (ctx.text === undefined) {
      reprompt(ctx, data);
      return "handled";
    }
    if (isOtherCommand(ctx.text)) return "pass";
    await onText(ctx, ctx.text, data);
    return "handled";
  };
}

const districtStep = step(
  (ctx, text) => {
    const m = matchDistrict(text);
    if (m && "district" in m) return m.score === 1 ? chooseDistrict(ctx, m.district) : ctx.reply(pledgeDistrictDidYouMean(m.district));
    if (m) return ctx.reply(pledgeDistrictCandidates(m.candidates));
    ctx.reply(pledgeDistrictNotFound(), pledgeDistrictFlex(listDistricts()));
  },
  (ctx) => ctx.reply(pledgeDistrictFlex(listDistricts())),
);

const tambonStep = step(
  (ctx, text, data) => {
    const district = getDistrict(data.districtCode ?? "");
    if (!district) return askDistrict(ctx);
    const m = matchTambon(district.code, text);
    if (m && "tambon" in m) return m.score === 1 ? chooseTambon(ctx, m.tambon) : ctx.reply(pledgeTambonDidYouMean(m.tambon));
    if (m) return ctx.reply(pledgeTambonCandidates(m.candidates));
    ctx.reply(pledgeTambonNotFound(district), pledgeTambonFlex(district, listTambons(district.code)));
  },
  (ctx, data) => {
    const district = getDistrict(data.districtCode ?? "");
    if (district) ctx.reply(pledgeTambonFlex(district, listTambons(district.code)));
    else askDistrict(ctx);
  },
);

const villageStep = step(
  (ctx, text, data) => {
    const tambon = getTambon(data.tambonCode ?? "");
    if (!tambon) return askDistrict(ctx);
    const villageNo = parseVillageNumber(text);
    if (villageNo !== null) return chooseVillage(ctx, tambon, villageNo);
    ctx.reply(pledgeVillageNotUnderstood(getDistrict(tambon.districtCode)!, tambon, MAX_VILLAGE_NUMBER));
  },
  (ctx, data) => {
    const tambon = getTambon(data.tambonCode ?? "");
    if (tambon) ctx.reply(pledgeVillagePrompt(getDistrict(tambon.districtCode)!, tambon));
    else askDistrict(ctx);
  },
);

function repromptConfirm(ctx: BotContext, data: PledgeFlowData): void {
  const tambon = getTambon(data.tambonCode ?? "");
  if (tambon && data.villageNo) chooseVillage(ctx, tambon, data.villageNo, data.remembered === true);
  else askDistrict(ctx);
}

const confirmStep = async (ctx: BotContext): Promise<StepResult> => {
  const data = (ctx.flow?.data ?? {}) as PledgeFlowData;
  const typedYes = ctx.text !== undefined && CONFIRM_WORDS.has(stripPoliteTail(normalizeThai(ctx.text)));
  if (ctx.postback?.action === "pledge.confirm" || typedYes) {
    if (!data.tambonCode || !data.villageNo) {
      askDistrict(ctx);
      return "handled";
    }
    await confirmPledge(ctx, data);
    return "handled";
  }
  return step(() => repromptConfirm(ctx, data), repromptConfirm)(ctx);
};

export const pledgeFlow: FlowDefinition = {
  id: PLEDGE_FLOW_ID,
  version: PLEDGE_FLOW_VERSION,
  ttlMs: PLEDGE_FLOW_TTL_MS,
  steps: { district: districtStep, tambon: tambonStep, village: villageStep, confirm: confirmStep },
  onExpired: (ctx) => ctx.reply(pledgeExpiredMessage(PLEDGE_FLOW_TTL_MS / 60_000)),
  onCancel: (ctx) => ctx.reply(pledgeCancelledMessage()),
};
