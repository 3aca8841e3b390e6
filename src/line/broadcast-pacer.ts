import { claimOnce } from "../locks/claim";

// LINE allows 60 broadcast (and narrowcast) requests an hour per channel, across every
// replica (line.md §3 "Rate limits"), and each retry counts. So a broadcast attempt
// first takes a time slot of 62 s in the database (an insert against a unique key,
// locks/claim.ts): one request per slot, whichever replica sends it. Any rolling hour
// overlaps at most ceil(3600 / 62) + 1 = 60 slots, so at most 60 requests.
export const BROADCAST_SLOT_MS = 62_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface BroadcastPacer {
  /** Waits for a free slot (real time) and takes it; the caller then sends one request. */
  acquire(owner: string, signal?: AbortSignal): Promise<void>;
}

export function createBroadcastPacer(slotMs = BROADCAST_SLOT_MS): BroadcastPacer {
  return {
    async acquire(owner, signal) {
      for (;;) {
        if (signal?.aborted) throw new Error("broadcast pacing aborted");
        const t = Date.now();
        const slot = Math.floor(t / slotMs);
        // Kept a little over an hour: the sweep may remove it after that.
        if (await claimOnce(`line-broadcast:${slot}`, owner, new Date((slot + 60) * slotMs))) return;
        await sleep(Math.min((slot + 1) * slotMs - t + 1, 1000));
      }
    },
  };
}
