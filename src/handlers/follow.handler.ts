import { greetingFlex } from "../../flex-messages";
import { followMember, unfollowMember } from "../services/member.service";
import type { BotContext } from "../webhook/bot-context";

// Follow: create or update the member and greet in Thai with a privacy notice.
export async function handleFollow(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  const profile = await ctx.deps.line.getProfile(ctx.userId).catch(() => null);
  await followMember(ctx.userId, ctx.now, profile?.displayName, profile?.language);
  ctx.reply(greetingFlex({ displayName: profile?.displayName }));
}

// Unfollow (block): mark the member; the outbox never pushes to them again.
export async function handleUnfollow(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  await unfollowMember(ctx.userId, ctx.now);
}
