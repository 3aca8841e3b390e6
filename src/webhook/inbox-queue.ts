import { InboxEvent, OPEN_INBOX_STATES, type InboxEventDoc } from "../models/inbox-event.model";

// Reading the inbox as the worker's queue (models/inbox-event.model.ts): a chat's
// open events in LINE's order, and the poller's oldest open events of any chat.
// Both read only ids through an index; the row itself is read again just before
// it is handled, since another replica may have finished it meanwhile.
const OPEN = [...OPEN_INBOX_STATES];
const ORDER = { timestamp: 1, receivedAt: 1, _id: 1 } as const;

export interface Pointer {
  _id: string;
}

/** The open events of each chat in LINE's timestamp order. */
async function readPointers(chatKeys: string[]): Promise<Map<string, Pointer[]>> {
  const rows = await InboxEvent.find({ chatKey: { $in: chatKeys }, state: { $in: OPEN } }, { chatKey: 1 }).sort(ORDER).lean();
  return groupByChat(rows);
}

function groupByChat(rows: { _id: string; chatKey?: string | null }[]): Map<string, Pointer[]> {
  const byChat = new Map<string, Pointer[]>();
  for (const r of rows) {
    if (!r.chatKey) continue;
    const list = byChat.get(r.chatKey);
    if (list) list.push({ _id: r._id });
    else byChat.set(r.chatKey, [{ _id: r._id }]);
  }
  return byChat;
}

/** The oldest open events of any chat (up to `limit`), grouped by chat, each chat's in order. */
export async function readOldestOpen(limit: number): Promise<Map<string, Pointer[]>> {
  const rows = await InboxEvent.find({ state: { $in: OPEN } }, { chatKey: 1 }).sort(ORDER).limit(limit).lean();
  return groupByChat(rows);
}

export type PointerReader = (chatKey: string) => Promise<Pointer[]>;

/**
 * A chat's open events, for many drains at once: chats asking while a read is running are
 * read together by the next one ({chatKey: {$in}}), which starts after they asked,
 * so each sees every event stored before it asked, as its own read would. On
 * MongoDB that is one index lookup for many chats instead of one per chat.
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

/** The row behind a pointer while it is still open; undefined once it is finished (by another replica, or a redelivery of a done event). */
export async function openRowOf(ptr: Pointer): Promise<InboxEventDoc | undefined> {
  const row = await InboxEvent.findById(ptr._id).lean<InboxEventDoc>();
  return row && (OPEN as string[]).includes(row.state) ? row : undefined;
}
