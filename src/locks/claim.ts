import { isDuplicateKeyError } from "../errors";
import type { mongo } from "mongoose";
import { Claim } from "../models/claim.model";

// Claims are inserts against a unique _id: one winner, whoever asks, and a key
// can name a thing that has no document of its own (a chat, a time slot, an
// outbox attempt). Conditional updates (findOneAndUpdate) serve where a document
// exists already: status changes, pledge withdrawals, reminder leases.
const claims = () => Claim.collection as unknown as mongo.Collection<{ _id: string; owner: string; expiresAt: Date }>;

/** True if this call took the claim; false if someone else holds it. Re-entrant for the same owner. */
export async function tryClaim(key: string, owner: string, expiresAt: Date): Promise<boolean> {
  if (await claimOnce(key, owner, expiresAt)) return true;
  const existing = await Claim.findById(key).lean();
  return existing?.owner === owner;
}

/** True only for the first caller ever (until the claim expires and is swept). */
export async function claimOnce(key: string, owner: string, expiresAt: Date): Promise<boolean> {
  try {
    await claims().insertOne({ _id: key, owner, expiresAt });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/**
 * Deletes the owner's claims among `keys`. Safe: a claim held by this owner can
 * only be removed by this owner or by the sweep after it expired.
 */
export async function releaseClaims(keys: string[], owner: string): Promise<void> {
  if (keys.length > 0) await Claim.deleteMany({ _id: { $in: keys }, owner });
}

/** Garbage-collects expired claims; correctness never depends on it. */
export async function sweepClaims(now: Date): Promise<number> {
  return (await Claim.deleteMany({ expiresAt: { $lt: now } })).deletedCount ?? 0;
}

/**
 * A lease in time slots: the holder owns the current and the next slot, and
 * renews by claiming the slot after. A crashed holder's lease lapses within two
 * slots, without any conditional update.
 */
export function slotKeys(name: string, nowMs: number, slotMs: number): string[] {
  const k = Math.floor(nowMs / slotMs);
  return [`${name}@${k}`, `${name}@${k + 1}`];
}

/** A held lease. It knows its own slots, so releasing it is one delete by _id per slot. */
export interface Lease {
  /** Claims the slots from `now` on; false means another owner took the lease over. */
  renew(now: Date): Promise<boolean>;
  release(): Promise<void>;
}

// Both slots in one ordered insert, the current slot first: a racer that loses the
// current slot stops there and never takes the next one. (Two parallel inserts let
// one racer win the current slot and another the next, so both gave up and nobody
// held the chat.) Only when a slot exists already (this owner's own, or another's)
// does it go slot by slot.
async function claimSlots(keys: string[], owner: string, expiresAt: Date): Promise<boolean> {
  try {
    await claims().insertMany(keys.map((_id) => ({ _id, owner, expiresAt })), { ordered: true });
    return true;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  for (const key of keys) if (!(await tryClaim(key, owner, expiresAt))) return false;
  return true;
}

export async function acquireLease(name: string, owner: string, now: Date, slotMs: number): Promise<Lease | null> {
  const held = new Set<string>();
  const claim = async (at: Date): Promise<boolean> => {
    const keys = slotKeys(name, at.getTime(), slotMs);
    const expiresAt = new Date((Math.floor(at.getTime() / slotMs) + 3) * slotMs);
    if (await claimSlots(keys, owner, expiresAt)) {
      keys.forEach((k) => held.add(k));
      return true;
    }
    await releaseClaims(keys, owner); // what this call may have taken, checked by owner
    return false;
  };
  // A held slot expires two slots after it ends, and by then nobody claims it
  // again (claims are for the current and next slot only): so deleting the
  // slots this lease took, by _id, can never remove another owner's claim.
  const release = async (): Promise<void> => {
    const keys = [...held];
    held.clear();
    if (keys.length > 0) await claims().deleteMany({ _id: { $in: keys } });
  };
  if (!(await claim(now))) return null;
  return { renew: claim, release };
}
