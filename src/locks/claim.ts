import { isDuplicateKeyError } from "../errors";
import { Claim } from "../models/claim.model";

// Why claims are inserts: FerretDB 1.24 applies a conditional update as
// read-then-write, so two concurrent findOneAndUpdate calls can both "win" and
// $inc can lose increments (measured here: 30 concurrent claims gave up to 14
// winners; 50 concurrent $inc gave 1). An insert against a unique _id, and a
// delete by _id, are atomic in FerretDB and in MongoDB alike, so every
// exclusive step in Sujarit is an insert here.

/** True if this call took the claim; false if someone else holds it. Re-entrant for the same owner. */
export async function tryClaim(key: string, owner: string, expiresAt: Date): Promise<boolean> {
  if (await claimOnce(key, owner, expiresAt)) return true;
  const existing = await Claim.findById(key).lean();
  return existing?.owner === owner;
}

/** True only for the first caller ever (until the claim expires and is swept). */
export async function claimOnce(key: string, owner: string, expiresAt: Date): Promise<boolean> {
  try {
    await Claim.create({ _id: key, owner, expiresAt });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/**
 * Deletes the owner's claims among `keys`. One key at a time by _id, the only
 * filter FerretDB answers without scanning. Safe: a claim held by this owner can
 * only be removed by this owner or by the sweep after it expired.
 */
export async function releaseClaims(keys: string[], owner: string): Promise<void> {
  await Promise.all(
    keys.map(async (key) => {
      const held = await Claim.findById(key, { owner: 1 }).lean();
      if (held?.owner === owner) await Claim.deleteOne({ _id: key });
    }),
  );
}

/** Garbage-collects expired claims; correctness never depends on it. */
export async function sweepClaims(now: Date): Promise<number> {
  const r = await Claim.deleteMany({ expiresAt: { $lt: now } });
  return r.deletedCount ?? 0;
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

export async function acquireLease(name: string, owner: string, now: Date, slotMs: number): Promise<boolean> {
  const keys = slotKeys(name, now.getTime(), slotMs);
  const expiresAt = new Date((Math.floor(now.getTime() / slotMs) + 3) * slotMs);
  for (const key of keys) {
    if (!(await tryClaim(key, owner, expiresAt))) {
      await releaseClaims(keys, owner);
      return false;
    }
  }
  return true;
}

export async function releaseLease(name: string, owner: string, now: Date, slotMs: number): Promise<void> {
  const k = Math.floor(now.getTime() / slotMs);
  await releaseClaims([k - 1, k, k + 1, k + 2].map((s) => `${name}@${s}`), owner);
}
