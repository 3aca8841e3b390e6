import { tryClaim } from "../locks/claim";
import { Claim } from "../models/claim.model";

// Issue 5: at most 5 complaints per reporter per calendar day (in the app's zone).
// Each complaint takes one of the day's five slots, an insert-only claim keyed by
// the reporter's blind index, the day and the slot number. So the check is a few
// reads and one insert by _id, and two confirmations at once cannot both take the
// fifth slot, even without the chat lease that normally keeps them apart.
export const MAX_COMPLAINTS_PER_DAY = 5;
/** Slots outlive their day by a day, whatever the zone, then the claim sweep removes them. */
const SLOT_TTL_MS = 2 * 86_400_000;

const slotKey = (reporterIndex: string, dayKey: string, n: number) => `complaint-day:${reporterIndex}:${dayKey}:${n}`;
const slotNumbers = Array.from({ length: MAX_COMPLAINTS_PER_DAY }, (_, i) => i + 1);

/** How many of the day's slots the reporter has used. */
export async function complaintSlotsUsed(reporterIndex: string, dayKey: string): Promise<number> {
  const held = await Promise.all(slotNumbers.map((n) => Claim.findById(slotKey(reporterIndex, dayKey, n), { _id: 1 }).lean()));
  return held.filter(Boolean).length;
}

/** Takes a free slot for this draft; the same draft gets its own slot back. False when all five are taken. */
export async function takeComplaintSlot(reporterIndex: string, dayKey: string, draftId: string, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + SLOT_TTL_MS);
  for (const n of slotNumbers) if (await tryClaim(slotKey(reporterIndex, dayKey, n), `draft:${draftId}`, expiresAt)) return true;
  return false;
}

/** Frees the day's slots (data deletion: the blind index is not kept). */
export async function releaseComplaintSlots(reporterIndex: string, dayKeys: readonly string[]): Promise<void> {
  await Promise.all(dayKeys.flatMap((d) => slotNumbers.map((n) => Claim.deleteOne({ _id: slotKey(reporterIndex, d, n) }))));
}
