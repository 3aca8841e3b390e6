import { claimOnce } from "../locks/claim";
import { Claim } from "../models/claim.model";

// Anti-guessing for tracking codes (issue 5): after MAX_TRACKING_MISSES_PER_HOUR
// wrong codes in one clock hour, a reporter's lookups pause until the next hour
// has passed. Misses are insert-only claims keyed by the reporter's blind index,
// the hour and a slot number, so the check is two reads by _id and needs no index
// on the audit log. Each miss is still audited.
export const MAX_TRACKING_MISSES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

const slotKey = (reporterIndex: string, hour: number, n: number) => `track-miss:${reporterIndex}:${hour}:${n}`;

/** True after a full hour of misses, in this clock hour or the one before. */
export async function trackingPaused(reporterIndex: string, now: Date): Promise<boolean> {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const full = await Promise.all([hour, hour - 1].map((h) => Claim.findById(slotKey(reporterIndex, h, MAX_TRACKING_MISSES_PER_HOUR), { _id: 1 }).lean()));
  return full.some(Boolean);
}

/** Counts one wrong code in the current hour (the first free slot). */
export async function countTrackingMiss(reporterIndex: string, now: Date): Promise<void> {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const expiresAt = new Date((hour + 2) * HOUR_MS);
  for (let n = 1; n <= MAX_TRACKING_MISSES_PER_HOUR; n++) if (await claimOnce(slotKey(reporterIndex, hour, n), "miss", expiresAt)) return;
}
