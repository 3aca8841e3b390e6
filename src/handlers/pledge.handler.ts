import { getTambon } from "../content/areas/areas";
import {
  PLEDGE_COMMANDS,
  applyChoice,
  certificateFor,
  chooseVillage,
  askDistrict,
  currentCampaignYear,
  memberOf,
  pledgeFlow,
} from "../flows/pledge.flow";
import { findPledge, withdrawPledge } from "../services/pledge.service";
import { districtRanking, pledgeTotals } from "../services/pledge-stats.service";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";
import { pledgeIntroFlex } from "../../flex-messages/pledge-intro.flex";
import {
  pledgeKeptMessage,
  pledgeNotPledgedMessage,
  pledgeOnlyInUserChatMessage,
  pledgeStaleButtonMessage,
  pledgeWithdrawPrompt,
  pledgeWithdrawnMessage,
} from "../../flex-messages/pledge-notices.flex";
import { pledgeProgressFlex } from "../../flex-messages/pledge-progress.flex";

// Pledge actions outside the flow's steps: start, progress, certificate, withdrawal,
// and choice buttons tapped after the flow ended. A second attempt to pledge shows
// the existing certificate (issue 4).
const inUserChat = (ctx: BotContext): boolean => (ctx.event as { source?: { type?: string } }).source?.type === "user" && !!ctx.userId;

/** The member's active pledge this year, or null. */
async function activePledge(ctx: BotContext) {
  const member = await memberOf(ctx);
  const pledge = await findPledge(member._id, currentCampaignYear(ctx));
  return pledge?.status === "active" ? pledge : null;
}

/** Guard for every way into the questions: one pledge per person per year. */
async function showIfPledged(ctx: BotContext): Promise<boolean> {
  if (!inUserChat(ctx)) {
    ctx.reply(pledgeOnlyInUserChatMessage());
    return true;
  }
  const pledge = await activePledge(ctx);
  if (!pledge) return false;
  ctx.endFlow();
  ctx.reply(await certificateFor(ctx, pledge, true));
  return true;
}

/** "ประกาศเจตนารมณ์": the pledge text, then the questions, or straight to confirm when the village is known. */
async function startPledge(ctx: BotContext): Promise<void> {
  if (await showIfPledged(ctx)) return;
  ctx.reply(pledgeIntroFlex());
  const village = (await memberOf(ctx)).village;
  const tambon = village ? getTambon(village.tambonCode) : undefined;
  if (village && tambon && tambon.districtCode === village.districtCode) chooseVillage(ctx, tambon, village.villageNo, true);
  else askDistrict(ctx);
}

/** A district/tambon/village button from an earlier message: go on from that choice. */
async function resumeFromChoice(ctx: BotContext): Promise<void> {
  if (await showIfPledged(ctx)) return;
  await applyChoice(ctx);
}

/** "ยืนยัน" outside the confirm step: a double tap after the pledge, or a stale button. */
async function confirmOutsideFlow(ctx: BotContext): Promise<void> {
  if (await showIfPledged(ctx)) return;
  ctx.reply(pledgeStaleButtonMessage());
}

async function showCertificate(ctx: BotContext): Promise<void> {
  if (await showIfPledged(ctx)) return;
  ctx.reply(pledgeNotPledgedMessage(currentCampaignYear(ctx)));
}

/** "ยอดผู้ประกาศเจตนารมณ์": totals, the reader's district and the district ranking. */
async function showProgress(ctx: BotContext): Promise<void> {
  const year = currentCampaignYear(ctx);
  const by = ctx.params.get("by") === "rate" ? "perThousand" : "count";
  const opts = { yearStartMonth: ctx.deps.config.campaignYearStartMonth };
  const [ranking, totals] = await Promise.all([districtRanking(year, by, opts), pledgeTotals(year, opts)]);
  const member = ctx.userId ? await ctx.member() : null;
  const pledge = member ? await findPledge(member._id, year) : null;
  const pledged = pledge?.status === "active";
  ctx.reply(
    pledgeProgressFlex({
      campaignYear: year,
      linePledges: totals.linePledges,
      meetingPledged: totals.meetingPledged,
      meetingReports: totals.meetingReports,
      by,
      ranking,
      myDistrictCode: member?.village?.districtCode ?? (pledged ? pledge.area.districtCode : undefined),
      pledged,
    }),
  );
}

async function askWithdraw(ctx: BotContext): Promise<void> {
  const year = currentCampaignYear(ctx);
  if (!inUserChat(ctx) || !(await activePledge(ctx))) return void ctx.reply(pledgeNotPledgedMessage(year));
  ctx.reply(pledgeWithdrawPrompt(year));
}

async function withdraw(ctx: BotContext): Promise<void> {
  if (!inUserChat(ctx)) return void ctx.reply(pledgeOnlyInUserChatMessage());
  const year = Number(ctx.params.get("y")) || currentCampaignYear(ctx);
  const member = await memberOf(ctx);
  const { pledge } = await withdrawPledge(member._id, year, ctx.now);
  ctx.log.info("pledge withdrawn", { campaignYear: pledge.campaignYear });
  ctx.reply(pledgeWithdrawnMessage(year));
}

export const pledgeModule: BotModule = {
  name: "pledge",
  actions: {
    "pledge.start": startPledge,
    "pledge.change": resumeFromChoice,
    "pledge.district": resumeFromChoice,
    "pledge.tambon": resumeFromChoice,
    "pledge.village": resumeFromChoice,
    "pledge.confirm": confirmOutsideFlow,
    "pledge.certificate": showCertificate,
    "pledge.stats": showProgress,
    "pledge.withdraw": askWithdraw,
    "pledge.withdrawConfirm": withdraw,
    "pledge.withdrawKeep": (ctx) => ctx.reply(pledgeKeptMessage()),
  },
  commands: PLEDGE_COMMANDS.map((c) => ({ pattern: c.pattern, action: c.action })),
  flows: [pledgeFlow],
};
