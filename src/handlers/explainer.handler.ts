import { explainerFlex, topicMenuFlex } from "../../flex-messages";
import { EXPLAINERS, getExplainer } from "../content/explainers";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// topic.show?t=<id>: one explainer, with its source line and follow-ups.
export function showTopic(ctx: BotContext): void {
  const id = ctx.params.get("t") ?? "";
  const e = getExplainer(id as Parameters<typeof getExplainer>[0]);
  ctx.reply(e ? explainerFlex(e) : topicMenuFlex([...EXPLAINERS]));
}

export const explainerModule: BotModule = {
  name: "explainers",
  actions: {
    "topic.show": showTopic,
    "topic.menu": (ctx) => ctx.reply(topicMenuFlex([...EXPLAINERS])),
  },
};
