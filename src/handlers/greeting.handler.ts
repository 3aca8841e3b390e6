import { topicMenuFlex } from "../../flex-messages";
import { greetingReply } from "../../flex-messages/greeting-reply";
import { EXPLAINERS } from "../content/explainers";
import type { BotContext } from "../webhook/bot-context";

// Issue 19, item 5: a greeting gets a greeting back, by the LINE display name when the
// profile may be read (LINE answers 404 otherwise), then the topic menu.
export async function handleGreeting(ctx: BotContext): Promise<void> {
  const profile = ctx.userId ? await ctx.deps.line.getProfile(ctx.userId).catch(() => null) : null;
  ctx.reply(greetingReply(profile?.displayName), topicMenuFlex([...EXPLAINERS]));
}
