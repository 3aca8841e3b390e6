import assert from "node:assert/strict";
import { test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { explainerFlex, topicMenuFlex } from "../../../flex-messages";
import { EXPLAINERS } from "../../../src/content/explainers";
import { explainerModule, showTopic } from "../../../src/handlers/explainer.handler";
import type { BotContext } from "../../../src/webhook/bot-context";

// Protects the shared explainer cards (built once per process, for memory under
// load): each reply is exactly what explainerFlex builds, and a card cannot be
// changed by one reply for the next.
function replyTo(params: Record<string, string>, action = showTopic): messagingApi.Message[] {
  const sent: messagingApi.Message[] = [];
  const ctx = { params: new Map(Object.entries(params)), reply: (...m: messagingApi.Message[]) => sent.push(...m) };
  action(ctx as unknown as BotContext);
  return sent;
}

test("every topic replies with its explainer card, the same one each time", () => {
  for (const e of EXPLAINERS) {
    const [first] = replyTo({ t: e.id });
    const [second] = replyTo({ t: e.id });
    assert.deepEqual(first, explainerFlex(e));
    assert.equal(second, first, "built once, then shared");
  }
});

test("a shared card is frozen all the way down", () => {
  const [card] = replyTo({ t: EXPLAINERS[0]!.id }) as messagingApi.FlexMessage[];
  assert.ok(Object.isFrozen(card) && Object.isFrozen(card!.contents));
  assert.throws(() => {
    (card!.quickReply!.items as unknown[]).push({});
  }, TypeError);
});

test("an unknown topic and topic.menu reply with the topic menu", () => {
  assert.deepEqual(replyTo({ t: "no-such-topic" }), [topicMenuFlex([...EXPLAINERS])]);
  assert.deepEqual(replyTo({}, explainerModule.actions!["topic.menu"]!), [topicMenuFlex([...EXPLAINERS])]);
});
