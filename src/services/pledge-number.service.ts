import mongoose from "mongoose";
import { isDuplicateKeyError } from "../errors";
import { PledgeNumber, pledgeNumberId, pledgeNumberWrites } from "../models/pledge-number.model";
import { newDocument } from "../util/group-write";
import { readYearTally } from "./pledge-tally.service";

// Dense, unique pledge numbers without transactions. A number is taken by inserting
// a PledgeNumber "<year>:<n>" that names the pledge's _id; the unique _id gives a
// number to one pledge, the unique pledgeId gives a pledge one number. Both hold under
// concurrency on MongoDB and FerretDB alike, across requests and replicas.
//
// The number is claimed before the pledge is inserted, under the pledge's own id:
// a racing duplicate (double tap, second device) finds the same claim and so the same
// number, and a retry after a crash finds it again. Candidates come from this
// process's pool, so parallel pledges try 1, 2, 3 … rather than all the same next
// number; a candidate not needed after all goes back to the pool and is handed out
// next. So no number is skipped, except the pool's returned candidates when the
// process stops, or a claim whose pledge is never stored (the insert failed on every
// retry); the same member's next pledge that year reuses that claim.
const MAX_ATTEMPTS = 200;

interface Pool {
  high: number;
  returned: number[];
  /** The year's issued seq must be read before the next candidate: a cold pool, or a number found taken by another process. */
  stale: boolean;
  /** That read, shared by every claim waiting for it. */
  reading?: Promise<void>;
}
const pools = new Map<string, Pool>();

/** One pool per database and year: tests and benchmarks reuse a process with fresh databases. */
function poolFor(campaignYear: number): Pool {
  const key = `${mongoose.connection.name}:${campaignYear}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = { high: 0, returned: [], stale: true }));
  return pool;
}

/**
 * While this process alone issues numbers, its pool knows the next one, so the
 * year's counter is read only when the pool is cold or another process took a
 * candidate (one read, shared by the claims waiting for it).
 */
function catchUp(pool: Pool, campaignYear: number): Promise<void> | undefined {
  if (pool.stale) {
    pool.stale = false;
    pool.reading = readYearTally(campaignYear)
      .then((t) => void (pool.high = Math.max(pool.high, t.seq)))
      .catch((err: unknown) => {
        pool.stale = true;
        throw err;
      })
      .finally(() => (pool.reading = undefined));
  }
  return pool.reading;
}

/** The smallest returned candidate first (it may still be free), else the next above everything seen. */
function candidate(pool: Pool): number {
  if (pool.returned.length > 0) {
    pool.returned.sort((a, b) => a - b);
    return pool.returned.shift()!;
  }
  pool.high += 1;
  return pool.high;
}

/** The number held by this pledge id, claiming the lowest free one if it holds none. */
export async function claimPledgeNumber(campaignYear: number, pledgeId: string): Promise<number> {
  const pool = poolFor(campaignYear);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    await catchUp(pool, campaignYear);
    const n = candidate(pool);
    try {
      await pledgeNumberWrites.insert(await newDocument(PledgeNumber, { _id: pledgeNumberId(campaignYear, n), campaignYear, number: n, pledgeId }));
      return n;
    } catch (err) {
      if (!isDuplicateKeyError(err)) {
        pool.returned.push(n);
        throw err;
      }
    }
    // E11000 on the _id (n is taken) or on pledgeId (this pledge holds a number already).
    const holder = await PledgeNumber.findById(pledgeNumberId(campaignYear, n)).lean();
    if (holder && holder.pledgeId !== pledgeId) {
      pool.stale = true;
      continue;
    }
    const mine = holder ?? (await PledgeNumber.findOne({ pledgeId }).lean());
    if (!mine || mine.number !== n) pool.returned.push(n);
    if (mine) return mine.number;
  }
  throw new Error(`no pledge number for ${pledgeId} after ${MAX_ATTEMPTS} attempts`);
}
