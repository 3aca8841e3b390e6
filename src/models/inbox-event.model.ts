import { Schema, model, type InferSchemaType } from "mongoose";
import { rawWritesOf } from "../util/raw-writes";

// Every signed webhook event is stored here before the 200 goes back to LINE, so a
// crash after the 200 loses nothing (ARCHITECTURE.md, "The inbox makes the 200 safe").
// The payload is kept as the JSON text LINE sent: literal, and safe from keys that
// MongoDB would refuse ($-prefixed or dotted).
// The rows are also the worker's queue: the open ones (OPEN_INBOX_STATES) carry a
// chat key, a finished row carries none, so a chat's backlog is an index range that
// never holds finished history, and one insert per webhook group stores an event.
// (Until 2026-12 a separate pointer collection, `inboxqueues`, held the backlog; one
// insert instead of two raised peak intake by about a quarter. An old deployment's
// leftover `inboxqueues` collection is unused and can be dropped.)
export const INBOX_STATES = ["pending", "processing", "committed", "done", "failed", "skipped"] as const;
/** A row in these states is the worker's to finish. */
export const OPEN_INBOX_STATES = ["pending", "processing", "committed"] as const;

const inboxEventSchema = new Schema(
  {
    _id: { type: String, required: true }, // the webhookEventId: found by _id, deduplicated by _id
    webhookEventId: { type: String, required: true }, // the same as _id (no second unique index to keep)
    /** Unset when the row is finished: a done row names no chat (docs/security.md). */
    chatKey: { type: String, required: true },
    type: { type: String, required: true },
    mode: { type: String, required: true },
    timestamp: { type: Number, required: true },
    receivedAt: { type: Date, required: true },
    isRedelivery: { type: Boolean, default: false },
    payload: { type: String, required: true },
    state: { type: String, enum: INBOX_STATES, required: true, default: "pending" },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    // The effect of processing, saved before it is applied so that a restart
    // re-applies it instead of running the handler twice.
    outMessages: { type: String },
    flowUpdate: { type: String },
    deliveredVia: { type: String },
    error: { type: String },
    /** Its handler never finished within MAX_HANDLER_ATTEMPTS (webhook/process-event.ts): answered once with an apology. */
    deadLetter: { type: Boolean },
    doneAt: { type: Date },
  },
  { versionKey: false },
);
// A chat's open events in LINE's order (finished rows have no chat key, so are not in range).
inboxEventSchema.index({ chatKey: 1, timestamp: 1, receivedAt: 1, _id: 1 });
// The poller: the oldest open events of every chat; also the backlog gauges, and the
// retention sweep of finished rows by event time (housekeeping.service.ts). Until
// 2026-12 the sweep had an index {state, receivedAt} of its own; an old deployment's
// copy is unused and can be dropped (docs/scale-out.md).
inboxEventSchema.index({ state: 1, timestamp: 1, receivedAt: 1, _id: 1 });
inboxEventSchema.index({ deadLetter: 1 }, { sparse: true });

export type InboxEventFields = InferSchemaType<typeof inboxEventSchema>;
/** A row as the worker reads it: a plain object (lean), not a mongoose document. */
export type InboxEventDoc = InboxEventFields & { _id: string };
export const InboxEvent = model("InboxEvent", inboxEventSchema);
/** Writes by _id from the workers (util/raw-writes.ts): no casting. */
export const inboxEventWrites = rawWritesOf(InboxEvent);
