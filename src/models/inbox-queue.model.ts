import { Schema, model, type InferSchemaType } from "mongoose";
import { groupWriterOf } from "../util/group-write";

// The open part of the inbox: one small row per stored event that is not yet
// finished, keyed by its webhookEventId (the inbox row has the same _id). The
// worker looks for work here, so finding the next event of a chat reads only the
// backlog, never the whole history of finished events. (On FerretDB, which scans
// for every query not by _id, this keeps the worker's reads proportional to the
// backlog, not the history; on MongoDB it is a small hot index.) Written before
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
inboxQueueSchema.index({ chatKey: 1, timestamp: 1 });
inboxQueueSchema.index({ receivedAt: 1 });

export type InboxQueueFields = InferSchemaType<typeof inboxQueueSchema>;
export const InboxQueue = model("InboxQueue", inboxQueueSchema);
/** Writes by _id from the workers, sent together (util/group-write.ts). */
export const inboxQueueWrites = groupWriterOf(InboxQueue);
