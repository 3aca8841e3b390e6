import { createHash } from "node:crypto";
import { InboxEvent } from "../models/inbox-event.model";
import type { Sealer } from "../security/sealer";
import { sealPayload } from "./inbox-payload";

// Stores signed webhook events before the 200 (ARCHITECTURE.md). A duplicate
// webhookEventId (a redelivery, or LINE's occasional double send) is skipped by
// the unique index.
export interface StoredBatch {
  chatKeys: string[];
  inserted: number;
  duplicates: number;
  ignored: number;
}

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

export function chatKeyOf(event: Record<string, unknown>): string | undefined {
  const src = event.source as Record<string, unknown> | undefined;
  if (!src || typeof src !== "object") return undefined;
  const id = (v: unknown) => (isLineId(v) ? v : undefined);
  if (src.type === "group" && id(src.groupId)) return `group:${src.groupId}`;
  if (src.type === "room" && id(src.roomId)) return `room:${src.roomId}`;
  if (id(src.userId)) return `user:${src.userId}`;
  return undefined;
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

export async function storeEvents(events: unknown[], receivedAt: Date, sealer: Sealer): Promise<StoredBatch> {
  const docs: Record<string, unknown>[] = [];
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
    const chatKey = chatKeyOf(ev) ?? `event:${id}`;
    const ts = typeof ev.timestamp === "number" && Number.isFinite(ev.timestamp) ? ev.timestamp : receivedAt.getTime();
    const dc = ev.deliveryContext as { isRedelivery?: unknown } | undefined;
    docs.push({
      webhookEventId: id,
      chatKey,
      type,
      mode: ev.mode === "standby" ? "standby" : "active",
      timestamp: ts,
      receivedAt,
      isRedelivery: dc?.isRedelivery === true,
      payload: sealPayload(raw, sealer),
      state: "pending",
      nextAttemptAt: receivedAt,
    });
  }
  let duplicates = 0;
  if (docs.length > 0) {
    try {
      await InboxEvent.insertMany(docs, { ordered: false });
    } catch (err) {
      duplicates = onlyDuplicates(err, docs.length);
    }
  }
  return {
    chatKeys: [...new Set(docs.map((d) => d.chatKey as string))],
    inserted: docs.length - duplicates,
    duplicates,
    ignored,
  };
}

/**
 * How many documents were already stored, when every failure of the unordered
 * insert is a duplicate key; otherwise rethrows. A bulk error with no write errors
 * (the connection dropped mid-insert) says nothing was known to be stored, so it
 * must not count as "all duplicates": that would answer 200 for a lost event.
 */
function onlyDuplicates(err: unknown, attempted: number): number {
  const e = err as { writeErrors?: { code?: number; err?: { code?: number } }[]; insertedCount?: unknown };
  const writeErrors = e.writeErrors;
  if (!writeErrors || writeErrors.length === 0 || writeErrors.some((w) => (w.code ?? w.err?.code) !== 11000)) throw err;
  if (typeof e.insertedCount === "number" && e.insertedCount + writeErrors.length !== attempted) throw err;
  return writeErrors.length;
}
