import { InboxEvent, type InboxEventDoc } from "../models/inbox-event.model";
import { InboxQueue } from "../models/inbox-queue.model";

// Reading the inbox queue (models/inbox-queue.model.ts): a chat's unfinished
// events, and clearing pointers that lead nowhere.
const OPEN_STATES = ["pending", "processing", "committed"];
// A queue pointer whose inbox row has not arrived: the row's insert is still on
// its way, or it failed and the webhook answered 503 (LINE sends the event again,
// which reuses the pointer). After this long, the pointer is dropped.
export const ORPHAN_POINTER_MS = 120_000;

export interface Pointer {
  _id: string;
  receivedAt: Date;
}

/** The chat's unfinished events in LINE's timestamp order: one read of the queue for many events. */
export async function openPointers(chatKey: string): Promise<Pointer[]> {
  return InboxQueue.find({ chatKey }, { receivedAt: 1 }).sort({ timestamp: 1, receivedAt: 1, _id: 1 }).lean<Pointer[]>();
}

/**
 * The open inbox row a pointer leads to; "wait" while the row is still being
 * stored; undefined (and the pointer dropped) when the row is finished, as after
 * a redelivery of a done event, or never came.
 */
export async function openRowOf(ptr: Pointer, now: Date): Promise<InboxEventDoc | "wait" | undefined> {
  const row = await InboxEvent.findById(ptr._id);
  if (row && OPEN_STATES.includes(row.state)) return row;
  if (!row && now.getTime() - ptr.receivedAt.getTime() < ORPHAN_POINTER_MS) return "wait";
  await InboxQueue.deleteOne({ _id: ptr._id });
  return undefined;
}
