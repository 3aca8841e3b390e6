import { handleCancel, isCancelWord } from "../handlers/cancel.handler";
import { handleFollow, handleUnfollow } from "../handlers/follow.handler";
import { handleFallback, handleNonText } from "../handlers/fallback.handler";
import { handleGreeting } from "../handlers/greeting.handler";
import { handleMenu, isMenuWord } from "../handlers/menu.handler";
import { askMessage } from "../intents/ask-message";
import { detectIntent } from "../intents/intent";
import { normalizeText } from "../intents/normalize";
import type { BotContext } from "./bot-context";
import { runFlowStep } from "./flow-step";
import type { ActionRegistry, Route } from "./router";

/** The routing table. Read top to bottom; the first route that handles the event wins. */
export function buildRoutes(actions: ActionRegistry): Route[] {
  const runAction = async (ctx: BotContext, action: string, params?: Record<string, string>) => {
    const handler = actions.get(action);
    if (!handler) return "pass" as const;
    if (params) ctx.params = new URLSearchParams(params);
    ctx.action = action;
    await handler(ctx);
    return "handled" as const;
  };
  return [
    { name: "follow", when: (ctx) => ctx.event.type === "follow", run: handleFollow },
    { name: "unfollow", when: (ctx) => ctx.event.type === "unfollow", run: handleUnfollow },
    { name: "only-1:1-and-messages", when: (ctx) => ctx.event.type !== "message" && ctx.event.type !== "postback", run: () => "handled" },
    { name: "cancel", when: (ctx) => isCancelWord(ctx.text) || ctx.postback?.action === "flow.cancel", run: handleCancel },
    { name: "menu", when: (ctx) => isMenuWord(ctx.text) || ctx.postback?.action === "menu.show", run: handleMenu },
    { name: "flow", when: (ctx) => ctx.flow !== null, run: runFlowStep },
    { name: "postback", when: (ctx) => ctx.postback !== undefined, run: (ctx) => runAction(ctx, ctx.postback!.action) },
    {
      name: "command",
      when: (ctx) => ctx.text !== undefined && actions.matchCommand(normalizeText(ctx.text)) !== undefined,
      run: (ctx) => {
        const c = actions.matchCommand(normalizeText(ctx.text!))!;
        return runAction(ctx, c.action, c.params);
      },
    },
    {
      name: "intent",
      when: (ctx) => ctx.text !== undefined,
      run: async (ctx) => {
        const intent = detectIntent(ctx.text!);
        if (intent.kind === "ask") {
          ctx.reply(askMessage(intent.candidates));
          return "handled";
        }
        if (intent.kind !== "action") return "pass";
        // menu.show belongs to the "menu" route above and greetings to no action module.
        if (intent.action === "menu.show") return handleMenu(ctx);
        if (intent.action === "greeting") return handleGreeting(ctx);
        return runAction(ctx, intent.action, intent.params);
      },
    },
    { name: "non-text", when: (ctx) => ctx.event.type === "message" && ctx.text === undefined, run: handleNonText },
    { name: "fallback", when: () => true, run: handleFallback },
  ];
}
