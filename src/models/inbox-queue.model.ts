import { Schema, model, type InferSchemaType } from "mongoose";
import { rawWritesOf } from "../util/raw-writes";

// The open part of the inbox: one small row per stored event that is not yet
// finished, keyed by its webhookEventId (the inbox row has the same _id). The
// worker looks for work here, so finding the next event of a chat reads only the
// backlog, never the whole history of finished events (a small hot index on
// MongoDB, and a short scan on the test server, which uses no secondary index). Written before
// the inbox row, deleted after the row is finished: a pointer can be stale, never
// missing.
const inboxQueueSchema = new Schema(
  {
    _id: { type: String, required: true },
    chatKey: { type: String, required: true },
    timestamp: { type: Number, required: true },
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
inboxQueueSchema.index({ chatKey: 1, timestamp: 1, receivedAt: 1, _id: 1 });
inboxQueueSchema.index({ timestamp: 1, receivedAt: 1, _id: 1 });
inboxQueueSchema.index({ receivedAt: 1 });

export type InboxQueueFields = InferSchemaType<typeof inboxQueueSchema>;
export const InboxQueue = model("InboxQueue", inboxQueueSchema);
/** Writes by _id from the workers (util/raw-writes.ts). */
export const inboxQueueWrites = rawWritesOf(InboxQueue);
