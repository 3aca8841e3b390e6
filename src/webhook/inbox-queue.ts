import { InboxEvent, type InboxEventDoc } from "../models/inbox-event.model";
import { InboxQueue } from "../models/inbox-queue.model";

// Reading the inbox queue (models/inbox-queue.model.ts): the next unfinished
// event of a chat, and clearing pointers that lead nowhere.
const OPEN_STATES = ["pending", "processing", "committed"];
// A queue pointer whose inbox row has not arrived: the row's insert is still on
// its way, or it failed and the webhook answered 503 (LINE sends the event again,
// which reuses the pointer). After this long, the pointer is dropped.
export const ORPHAN_POINTER_MS = 120_000;

/** The chat's next open inbox row, in LINE's timestamp order; "wait" while its row is still being stored. */
export async function nextOpenRow(chatKey: string, now: () => Date): Promise<InboxEventDoc | "wait" | undefined> {
  for (;;) {
    const ptr = await InboxQueue.findOne({ chatKey }).sort({ timestamp: 1, receivedAt: 1, _id: 1 }).lean();
    if (!ptr) return undefined;
    const row = await InboxEvent.findById(ptr._id);
    if (row && OPEN_STATES.includes(row.state)) return row;
    if (!row && now().getTime() - ptr.receivedAt.getTime() < ORPHAN_POINTER_MS) return "wait";
    await InboxQueue.deleteOne({ _id: ptr._id }); // finished (a redelivery of a done event), or never stored
  }
}

