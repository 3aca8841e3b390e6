import { createHash } from "node:crypto";
import type { Sealer } from "../security/sealer";
import { sealPayload } from "./inbox-payload";

// Prepares signed webhook events for the inbox (stored before the 200 by
// inbox-writer.ts, ARCHITECTURE.md). A duplicate
// webhookEventId (a redelivery, or LINE's occasional double send) is skipped by
// the unique _id.

// LINE ids are a letter and 32 hex digits (U…, C…, R…); anything else is kept out
// of chat keys, which become lease ids and push targets.
const LINE_ID = /^[A-Za-z0-9_-]{1,64}$/;
// LINE event types are single words ("message", "memberJoined"). An empty or odd
// type would fail the model's validation, and mongoose's unordered insert drops
// such a document silently: a lost event, reported as stored.
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function isLineId(v: unknown): v is string {
  return typeof v === "string" && LINE_ID.test(v);
}

/** Whose chat an event is: a group, a room, or a 1:1 chat with a user, with its LINE id. */
function chatSourceOf(event: unknown): { kind: "group" | "room" | "user"; id: string } | undefined {
  const src = (event as { source?: unknown } | null)?.source as Record<string, unknown> | undefined;
  if (!src || typeof src !== "object") return undefined;
  if (src.type === "group" && isLineId(src.groupId)) return { kind: "group", id: src.groupId };
  if (src.type === "room" && isLineId(src.roomId)) return { kind: "room", id: src.roomId };
  if (isLineId(src.userId)) return { kind: "user", id: src.userId };
  return undefined;
}

/**
 * The chat an event belongs to, as stored in the inbox, the queue, leases and flow
 * state: the kind and a keyed hash of the LINE id (sealer.blindIndex), never the
 * id itself. So these rows, kept for audit, cannot be tied to a person or to the
 * timing of a complaint without DATA_ENCRYPTION_KEY. The LINE id, when a push
 * needs it, comes from the sealed payload (pushTargetOf).
 */
export function chatKeyOf(event: Record<string, unknown>, sealer: Sealer): string | undefined {
  const chat = chatSourceOf(event);
  return chat && keyOf(chat.kind, chat.id, sealer);
}

/** The chat key of a 1:1 chat with this LINE user. */
export function userChatKey(userId: string, sealer: Sealer): string {
  return keyOf("user", userId, sealer);
}

function keyOf(kind: string, lineId: string, sealer: Sealer): string {
  return `${kind}:${sealer.blindIndex(`line:${lineId}`)}`;
}

/** Where a push goes for an event's chat: the LINE id behind its chat key. */
export function pushTargetOf(event: unknown): string | undefined {
  return chatSourceOf(event)?.id;
}

function eventIdOf(event: Record<string, unknown>, raw: string): string {
  if (typeof event.webhookEventId === "string" && event.webhookEventId.length > 0 && event.webhookEventId.length <= 100) {
    return event.webhookEventId;
  }
  // LINE always sends an id; anything else is keyed by its content so that a
  // repeat is still recognised.
  return "h:" + createHash("sha256").update(raw).digest("hex").slice(0, 32);
}

/** The event as JSON text; undefined when it cannot be written back (nesting deep enough to overflow the stack). */
function serialize(ev: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(ev);
  } catch {
    return undefined; // not a LINE event; answering 503 would make LINE resend it forever
  }
}

/** A stored event: its inbox row, which is also its place in the worker's queue. */
export interface PreparedEvent {
  row: Record<string, unknown> & { _id: string; chatKey: string };
}

/** Turns a webhook's events into inbox rows; what is not a LINE event object is counted and ignored. */
export function prepareEvents(events: unknown[], receivedAt: Date, sealer: Sealer): { prepared: PreparedEvent[]; ignored: number } {
  const prepared: PreparedEvent[] = [];
  let ignored = 0;
  for (const e of events) {
    const type = (e as { type?: unknown } | null)?.type;
    if (typeof e !== "object" || e === null || Array.isArray(e) || typeof type !== "string" || !EVENT_TYPE.test(type)) {
      ignored += 1;
      continue;
    }
    const ev = e as Record<string, unknown>;
    const raw = serialize(ev);
    if (raw === undefined) {
      ignored += 1;
      continue;
    }
    const id = eventIdOf(ev, raw);
    const chatKey = chatKeyOf(ev, sealer) ?? `event:${id}`;
    const timestamp = typeof ev.timestamp === "number" && Number.isFinite(ev.timestamp) ? ev.timestamp : receivedAt.getTime();
    const dc = ev.deliveryContext as { isRedelivery?: unknown } | undefined;
    const row = {
      _id: id,
      webhookEventId: id,
      chatKey,
      type,
      mode: ev.mode === "standby" ? "standby" : "active",
      timestamp,
      receivedAt,
      isRedelivery: dc?.isRedelivery === true,
      payload: sealPayload(raw, id, sealer),
      state: "pending",
      attempts: 0,
      nextAttemptAt: receivedAt,
    };
    prepared.push({ row });
  }
  return { prepared, ignored };
}
