import { acquireLease, releaseLease } from "../locks/claim";

// A lease per chat, so that one chat's events are handled in order by one worker,
// even with several replicas. Built on insert-only claims (see locks/claim.ts).
export async function acquireChatLock(chatKey: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  return acquireLease(`chat:${chatKey}`, owner, now, leaseMs);
}

/** Extends the lease into the next slot; false means another worker took it over. */
export async function renewChatLock(chatKey: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  return acquireLease(`chat:${chatKey}`, owner, now, leaseMs);
}

export async function releaseChatLock(chatKey: string, owner: string, now: Date, leaseMs: number): Promise<void> {
  await releaseLease(`chat:${chatKey}`, owner, now, leaseMs);
}
