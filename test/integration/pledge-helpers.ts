import { withoutJoiners } from "../../flex-messages/components.flex";
import assert from "node:assert/strict";
import type { messagingApi } from "@line/bot-sdk";
import { checkMessageLimits } from "../../src/dev/line-emulator/message-limits";
import { loadLineSchemas, validateLineRequest } from "../../src/dev/line-emulator/openapi-validator";
import type { Harness } from "../helpers/harness";

// Shared steps of the pledge integration tests: send a signed webhook, wait until the
// bot has answered, and read what the emulator recorded for that user.
const schemas = loadLineSchemas();

export type Msg = messagingApi.Message & { altText?: string; text?: string };

export function messagesTo(h: Harness, user: string): Msg[] {
  return h.line.messagesTo(user) as Msg[];
}

/** Sends events and returns only the messages they produced for the user. */
export async function exchange(h: Harness, user: string, ...events: Parameters<Harness["line"]["sendWebhook"]>[0]): Promise<Msg[]> {
  const before = messagesTo(h, user).length;
  const res = await h.line.sendWebhook(events);
  assert.equal(res.status, 200);
  await h.settle();
  return messagesTo(h, user).slice(before);
}

export const say = (h: Harness, user: string, text: string) => exchange(h, user, h.line.events.text(user, text));
export const tap = (h: Harness, user: string, data: string) => exchange(h, user, h.line.events.postback(user, data));

/** The alt text or text of a message: what a test reads to know which turn it is. */
export function gist(m: Msg): string {
  return m.altText ?? m.text ?? m.type;
}

/** Flex JSON as one string, as a person reads it, to look for a text anywhere in the card. */
export function flexText(m: Msg): string {
  return withoutJoiners(JSON.stringify(m));
}

export function certificateNumber(m: Msg): number {
  const match = /ลำดับที่ (\d+)/.exec(m.altText ?? "");
  assert.ok(match, `not a certificate: ${gist(m)}`);
  return Number(match[1]);
}

export const isCertificate = (m: Msg): boolean => (m.altText ?? "").includes("ใบประกาศเจตนารมณ์");

/** The schema and LINE's documented limits both accept the messages (skipped without the spec). */
export function assertValidForLine(messages: readonly Msg[]): void {
  assert.deepEqual(checkMessageLimits(messages as messagingApi.Message[]), []);
  if (schemas) assert.deepEqual(validateLineRequest(schemas, "PushMessageRequest", { to: `U${"0".repeat(32)}`, messages }), []);
}

type WebhookEvents = Parameters<Harness["line"]["sendWebhook"]>[0];

/**
 * Posts events the way LINE does with redelivery on: a non-2xx answer (the bot says
 * 503 when the database cannot store a burst within its deadline) is sent again, marked
 * isRedelivery, until it is accepted. Returns how many redeliveries were needed.
 */
export async function deliverLikeLine(h: Harness, events: WebhookEvents, attempts = 20): Promise<number> {
  let batch = events;
  for (let i = 0; i < attempts; i++) {
    const res = await h.line.sendWebhook(batch);
    if (res.status >= 200 && res.status < 300) return i;
    batch = events.map((e) => ({ ...e, deliveryContext: { isRedelivery: true } }));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`webhook not accepted after ${attempts} attempts`);
}
