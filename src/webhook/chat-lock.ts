import { isDuplicateKeyError } from "../errors";
import { ChatLock } from "../models/chat-lock.model";

// A lease per chat, so that one chat's events are handled in order by one worker,
// even with several replicas. Taken with one atomic upsert: if another owner holds
// a live lease, the upsert collides on _id and we back off.
export async function acquireChatLock(chatKey: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  try {
    await ChatLock.findOneAndUpdate(
      { _id: chatKey, $or: [{ leaseUntil: { $lt: now } }, { owner }] },
      { $set: { owner, leaseUntil: new Date(now.getTime() + leaseMs) } },
      { upsert: true },
    );
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

export async function renewChatLock(chatKey: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const r = await ChatLock.updateOne({ _id: chatKey, owner }, { $set: { leaseUntil: new Date(now.getTime() + leaseMs) } });
  return r.matchedCount === 1;
}

export async function releaseChatLock(chatKey: string, owner: string): Promise<void> {
  await ChatLock.deleteOne({ _id: chatKey, owner });
}
