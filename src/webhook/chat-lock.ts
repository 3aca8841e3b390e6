import { acquireLease, type Lease } from "../locks/claim";

// A lease per chat, so that one chat's events are handled in order by one worker,
// even with several replicas. Built on insert-only claims (see locks/claim.ts):
// renew it when its slot turns, release it when the drain ends.
export type ChatLock = Lease;

export async function acquireChatLock(chatKey: string, owner: string, now: Date, leaseMs: number): Promise<ChatLock | null> {
  return acquireLease(`chat:${chatKey}`, owner, now, leaseMs);
}
