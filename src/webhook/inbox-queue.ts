import { InboxEvent, type InboxEventDoc } from "../models/inbox-event.model";
import { InboxQueue, inboxQueueWrites } from "../models/inbox-queue.model";

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

/** The unfinished events of each chat in LINE's timestamp order. */
async function readPointers(chatKeys: string[]): Promise<Map<string, Pointer[]>> {
  const rows = await InboxQueue.find({ chatKey: { $in: chatKeys } }, { chatKey: 1, receivedAt: 1 }).sort({ timestamp: 1, receivedAt: 1, _id: 1 }).lean();
  const byChat = new Map<string, Pointer[]>();
  for (const r of rows) {
    const list = byChat.get(r.chatKey);
    const p = { _id: r._id, receivedAt: r.receivedAt };
    if (list) list.push(p);
    else byChat.set(r.chatKey, [p]);
  }
  return byChat;
}

export type PointerReader = (chatKey: string) => Promise<Pointer[]>;

/**
 * A chat's unfinished events, for many drains at once: chats asking while a read is running are
 * read together by the next one ({chatKey: {$in}}), which starts after they asked,
 * so each sees every pointer stored before it asked, as its own read would. On
 * MongoDB that is one index lookup for many chats; on the test server, which
 * scans for any filter but _id, one scan instead of one per chat.
 */
export function createPointerReader(): PointerReader {
  let waiting = new Map<string, { resolve: (p: Pointer[]) => void; reject: (e: unknown) => void }[]>();
  let running = false;
  const loop = async (): Promise<void> => {
    while (waiting.size > 0) {
      const batch = waiting;
      waiting = new Map();
      try {
        const found = await readPointers([...batch.keys()]);
        for (const [chatKey, list] of batch) for (const w of list) w.resolve([...(found.get(chatKey) ?? [])]);
      } catch (err) {
        for (const list of batch.values()) for (const w of list) w.reject(err);
      }
    }
    running = false;
  };
  return (chatKey) =>
    new Promise<Pointer[]>((resolve, reject) => {
      const list = waiting.get(chatKey);
      if (list) list.push({ resolve, reject });
      else waiting.set(chatKey, [{ resolve, reject }]);
      if (!running) {
        running = true;
        setImmediate(() => void loop()); // chats asking in the same turn share the first read too
      }
    });
}

/**
 * The open inbox row a pointer leads to; "wait" while the row is still being
 * stored; undefined (and the pointer dropped) when the row is finished, as after
 * a redelivery of a done event, or never came.
 */
export async function openRowOf(ptr: Pointer, now: Date): Promise<InboxEventDoc | "wait" | undefined> {
  const row = await InboxEvent.findById(ptr._id).lean<InboxEventDoc>();
  if (row && OPEN_STATES.includes(row.state)) return row;
  if (!row && now.getTime() - ptr.receivedAt.getTime() < ORPHAN_POINTER_MS) return "wait";
  await inboxQueueWrites.delete(ptr._id);
  return undefined;
}
