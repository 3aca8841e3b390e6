import assert from "node:assert/strict";
import type { messagingApi } from "@line/bot-sdk";
import { checkMessageLimits } from "../../src/dev/line-emulator/message-limits";
import { loadLineSchemas, validateLineRequest } from "../../src/dev/line-emulator/openapi-validator";
import type { ImageEventOptions, LocationInput } from "../../src/dev/line-emulator";
import { InboxEvent } from "../../src/models/inbox-event.model";
import type { Harness } from "../helpers/harness";

// Drives the complaint flow through signed webhooks, one event at a time, and
// reads what the LINE emulator delivered. Shared by test/integration/complaint*.test.ts.
const schemas = loadLineSchemas();

export type Msg = messagingApi.Message & { altText?: string; text?: string; quickReply?: messagingApi.QuickReply };

export function messagesTo(h: Harness, user: string): Msg[] {
  return h.line.messagesTo(user) as Msg[];
}

type Events = Parameters<Harness["line"]["sendWebhook"]>[0];

/**
 * Posts events as LINE does with redelivery on: a non-2xx answer (the bot says 503
 * when the database cannot store a burst in time) is sent again, marked isRedelivery.
 */
export async function deliverLikeLine(h: Harness, events: Events, attempts = 20): Promise<void> {
  let batch = events;
  for (let i = 0; i < attempts; i++) {
    const res = await h.line.sendWebhook(batch);
    if (res.status >= 200 && res.status < 300) return;
    assert.equal(res.status, 503, "only 'try again later' is acceptable");
    batch = events.map((e) => ({ ...e, deliveryContext: { isRedelivery: true } }));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`webhook not accepted after ${attempts} attempts`);
}

/**
 * Waits until these events are processed and answered. Unlike h.settle(), which
 * waits for the whole bot to go idle, this lets many users talk at once. It only
 * reads: the webhook route kicks the inbox worker, and the runtime's poller picks
 * up retries (polling from every waiting user would itself load the database).
 */
export async function untilDone(h: Harness, events: Events, timeoutMs = 120_000): Promise<void> {
  const ids = events.map((e) => e.webhookEventId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await InboxEvent.find({ webhookEventId: { $in: ids } }, { state: 1, attempts: 1, error: 1, nextAttemptAt: 1, chatKey: 1 }).lean();
    if (rows.length === ids.length && rows.every((r) => ["done", "failed", "skipped"].includes(r.state))) return;
    if (Date.now() > deadline) {
      const open = await InboxEvent.find({ state: { $nin: ["done", "failed", "skipped"] } }, { state: 1, attempts: 1, error: 1, nextAttemptAt: 1, chatKey: 1, timestamp: 1, type: 1 }).lean();
      throw new Error(`events not done within ${timeoutMs} ms: ${JSON.stringify({ rows, open, now: h.bot.deps.now() })}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends events and returns the messages they produced for the user (checked against LINE's schema and limits). */
export async function exchange(h: Harness, user: string, ...events: Events): Promise<Msg[]> {
  const before = messagesTo(h, user).length;
  await deliverLikeLine(h, events);
  await untilDone(h, events);
  const out = messagesTo(h, user).slice(before);
  assertValidForLine(out);
  return out;
}

export const say = (h: Harness, user: string, text: string) => exchange(h, user, h.line.events.text(user, text));
export const tap = (h: Harness, user: string, data: string, params?: Record<string, string>) => exchange(h, user, h.line.events.postback(user, data, params));
export const sendImage = (h: Harness, user: string, opts: ImageEventOptions) => exchange(h, user, h.line.events.image(user, opts));
export const sendLocation = (h: Harness, user: string, loc: LocationInput) => exchange(h, user, h.line.events.location(user, loc));

export function gist(m: Msg): string {
  return m.altText ?? m.text ?? m.type;
}

export function gists(ms: readonly Msg[]): string {
  return ms.map(gist).join(" | ");
}

export function assertValidForLine(messages: readonly Msg[]): void {
  if (messages.length === 0) return;
  assert.deepEqual(checkMessageLimits(messages as messagingApi.Message[]), []);
  if (schemas) assert.deepEqual(validateLineRequest(schemas, "PushMessageRequest", { to: `U${"0".repeat(32)}`, messages }), []);
}

/** The quick-reply actions of the last message (what the user can tap next). */
export function chips(ms: readonly Msg[]): messagingApi.Action[] {
  const last = ms[ms.length - 1];
  return (last?.quickReply?.items ?? []).flatMap((i) => (i.action ? [i.action] : []));
}

export function codeIn(ms: readonly Msg[]): string {
  const m = /KK-[2-9A-HJ-KM-NP-Z]{3}-[2-9A-HJ-KM-NP-Z]{3}-[2-9A-HJ-KM-NP-Z]{3}/.exec(ms.map((x) => JSON.stringify(x)).join(" "));
  assert.ok(m, `no tracking code in: ${gists(ms)}`);
  return m[0];
}

/** Postback data of a Flex button whose label matches. */
export function buttonData(m: Msg, label: RegExp): string {
  const found = JSON.stringify(m).match(new RegExp(`"label":"(${label.source})","data":"([^"]+)"`));
  assert.ok(found, `no button ${label} in ${gist(m)}`);
  return found[2]!;
}

/** A fake JPEG of n bytes (the magic bytes are what the bot checks). */
/** A real 8×8 JPEG (evidence is decoded and re-encoded), padded after its end marker to n bytes. */
const TINY_JPEG = Buffer.from(
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOACqH/9k=",
  "base64",
);
export function jpeg(n = 2048, fill = 7): Buffer {
  return Buffer.concat([TINY_JPEG, Buffer.alloc(Math.max(0, n - TINY_JPEG.length), fill)]);
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface QuickComplaint {
  category?: string;
  what?: string;
  who?: string | null;
  district?: string;
  anonymous?: boolean;
  name?: string;
  phone?: string;
}

/** Files a complaint with typed answers only; returns the receipt messages. */
export async function fileComplaint(h: Harness, user: string, o: QuickComplaint = {}): Promise<Msg[]> {
  await tap(h, user, "a=complaint.start");
  await tap(h, user, `a=complaint.category&c=${o.category ?? "bribe"}`);
  await say(h, user, o.what ?? "เจ้าหน้าที่เรียกเงิน 500 บาทเพื่อออกเอกสารให้เร็วขึ้น");
  await say(h, user, "เสร็จ");
  await say(h, user, o.who === null ? "ข้าม" : o.who ?? "เจ้าหน้าที่การเงิน อบต.");
  await say(h, user, o.district ?? "ชุมแพ");
  await say(h, user, "ข้าม");
  await say(h, user, "ไม่แน่ใจ");
  await say(h, user, "ถัดไป");
  if (o.anonymous === false) {
    await tap(h, user, "a=complaint.identity&v=named");
    await say(h, user, o.name ?? "สมหญิง ใจกล้า");
    await say(h, user, o.phone ?? "081-234-5678");
  } else {
    await tap(h, user, "a=complaint.identity&v=anonymous");
  }
  const review = messagesTo(h, user).at(-1)!;
  return tap(h, user, buttonData(review, /ยืนยันส่งเรื่อง/));
}
