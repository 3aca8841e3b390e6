import mongoose from "mongoose";
import { isDuplicateKeyError } from "../errors";
import { Pledge } from "../models/pledge.model";
import { PledgeNumber, pledgeNumberId } from "../models/pledge-number.model";
import { adjustPledgeTallies, raiseIssuedNumber, readYearTally, type PledgeArea } from "./pledge-tally.service";

// Dense, unique pledge numbers without transactions. A number belongs to a pledge
// once a PledgeNumber document "<year>:<n>" with its pledgeId is inserted; the unique
// _id and the unique pledgeId settle every race, across requests and replicas.
//
// Candidates come from this process's allocator, so parallel pledges try 1, 2, 3 …
// instead of all trying the same next number. A candidate that turns out not to be
// needed (another request numbered the same pledge first) goes back to the pool and
// is the next one handed out, so no number is skipped. A number is only consumed by
// an insert that names its pledge. The one way to leave a gap: the process stops
// while holding such a returned candidate, which needs two requests numbering the
// same pledge at once (the per-chat lease prevents that) and then a crash.
const MAX_ATTEMPTS = 200;

interface Pool {
  high: number;
  returned: number[];
}
const pools = new Map<string, Pool>();

/** One pool per database and year: tests and benchmarks reuse the process with fresh databases. */
function poolFor(campaignYear: number): Pool {
  const key = `${mongoose.connection.name}:${campaignYear}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = { high: 0, returned: [] }));
  return pool;
}

/** The smallest returned candidate first (it may still be free), else the next above everything seen. */
function candidate(pool: Pool, issuedSoFar: number): number {
  if (pool.returned.length > 0) {
    pool.returned.sort((a, b) => a - b);
    return pool.returned.shift()!;
  }
  pool.high = Math.max(pool.high, issuedSoFar) + 1;
  return pool.high;
}

export interface NumberedPledge {
  _id: string;
  campaignYear: number;
  districtCode: string;
  tambonCode: string;
  villageNo: number;
  status: "active" | "withdrawn";
}

/**
 * Gives the pledge its number, or returns the one it already has. `issued` is true
 * only for the request that issued it, which is also the one that counts the pledge
 * (when it is active).
 */
export async function numberPledge(pledge: NumberedPledge): Promise<{ number: number; issued: boolean }> {
  const year = pledge.campaignYear;
  const pool = poolFor(year);
  const issuedSoFar = (await readYearTally(year)).seq;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const n = candidate(pool, attempt === 0 ? issuedSoFar : 0);
    try {
      await PledgeNumber.create({ _id: pledgeNumberId(year, n), campaignYear: year, number: n, pledgeId: pledge._id });
    } catch (err) {
      if (!isDuplicateKeyError(err)) {
        pool.returned.push(n);
        throw err;
      }
      const holder = await PledgeNumber.findById(pledgeNumberId(year, n)).lean();
      if (holder && holder.pledgeId !== pledge._id) continue; // taken by another pledge: try the next
      const mine = holder ?? (await PledgeNumber.findOne({ pledgeId: pledge._id }).lean());
      if (!mine) {
        pool.returned.push(n); // the holder vanished between the insert and the read: try again
        continue;
      }
      if (mine.number !== n) pool.returned.push(n);
      await Pledge.updateOne({ _id: pledge._id, number: { $exists: false } }, { $set: { number: mine.number } });
      return { number: mine.number, issued: false };
    }
    const area: PledgeArea = { districtCode: pledge.districtCode, tambonCode: pledge.tambonCode, villageNo: pledge.villageNo };
    if (pledge.status === "active") await adjustPledgeTallies(year, area, 1, n);
    else await raiseIssuedNumber(year, n);
    await Pledge.updateOne({ _id: pledge._id }, { $set: { number: n } });
    return { number: n, issued: true };
  }
  throw new Error(`no pledge number found for ${pledge._id} after ${MAX_ATTEMPTS} attempts`);
}
