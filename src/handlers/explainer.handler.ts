import type { messagingApi } from "@line/bot-sdk";
import { explainerFlex, topicMenuFlex } from "../../flex-messages";
import { EXPLAINERS, getExplainer, type Explainer } from "../content/explainers";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// Explainers are fixed content, so each card is built once per process and shared
// (frozen: a reply is only serialized, never changed). Building one segments every
// line into Thai words (Intl.Segmenter) for the word joiners: it was a sixth of all
// the bytes the bot allocated per answered question under ingest load.
const cards = new Map<string, messagingApi.FlexMessage>();
let menu: messagingApi.FlexMessage | undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function explainerCard(e: Explainer): messagingApi.FlexMessage {
  let card = cards.get(e.id);
  if (!card) cards.set(e.id, (card = deepFreeze(explainerFlex(e))));
  return card;
}

function topicMenuCard(): messagingApi.FlexMessage {
  menu ??= deepFreeze(topicMenuFlex([...EXPLAINERS]));
  return menu;
}

// topic.show?t=<id>: one explainer, with its source line and follow-ups.
export function showTopic(ctx: BotContext): void {
  const id = ctx.params.get("t") ?? "";
  const e = getExplainer(id as Parameters<typeof getExplainer>[0]);
  ctx.reply(e ? explainerCard(e) : topicMenuCard());
}

export const explainerModule: BotModule = {
  name: "explainers",
  actions: {
    "topic.show": showTopic,
    "topic.menu": (ctx) => ctx.reply(topicMenuCard()),
  },
};
