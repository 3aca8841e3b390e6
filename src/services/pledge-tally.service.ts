import type { mongo } from "mongoose";
import { listDistricts } from "../content/areas/areas";
import { Pledge } from "../models/pledge.model";
import {
  PledgeCounter,
  districtCounterId,
  districtKey,
  tambonKey,
  villageKey,
  yearCounterId,
} from "../models/pledge-counter.model";
import { isDuplicateKeyError } from "../errors";

// The running counts behind progress and rankings (pledge-counter.model.ts). Every
// change of an active pledge moves them: +1 when a pledge is stored or renewed, -1
// on withdrawal. Without transactions a crash between the pledge write and the count
// leaves a count one off; rebuildPledgeTallies() recomputes them with $match/$group.
// Every change is one atomic $inc per document (no read-modify-write anywhere).
export interface PledgeArea {
  districtCode: string;
  tambonCode: string;
  villageNo: number;
}

export interface YearTally {
  /** Highest pledge number issued so far (withdrawn and anonymised pledges keep theirs). */
  seq: number;
  /** Active LINE pledges. */
  total: number;
  /** Active LINE pledges by DOPA district code. */
  districts: Record<string, number>;
}

export interface DistrictTally {
  /** By DOPA tambon code. */
  tambons: Record<string, number>;
  /** By "<tambonCode>_<villageNo>". */
  villages: Record<string, number>;
}

/** An upsert of a missing document can race with another upsert; the loser retries once. */
async function upsertRetrying<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return op();
  }
}

/**
 * The next pledge number of the year: one atomic $inc of the year's seq, so numbers
 * are unique across requests and replicas. The number is read from the document as
 * it was just before this $inc (the embedded test server re-reads for "after", so
 * two concurrent callers could see the same value there). A number is lost (a gap)
 * only if the pledge it was taken for is never stored: a crash in between, or two
 * requests for one member racing past the chat lease (the loser's number).
 */
export async function takePledgeNumber(campaignYear: number): Promise<number> {
  const before = await upsertRetrying(() =>
    PledgeCounter.findOneAndUpdate({ _id: yearCounterId(campaignYear) }, { $inc: { seq: 1 }, $setOnInsert: { campaignYear } }, { upsert: true, new: false, projection: { seq: 1 } }).lean(),
  );
  return (before?.seq ?? 0) + 1;
}

/**
 * Moves the counts of one pledge: +1 when it is stored or renewed, -1 when withdrawn.
 * Returns the district's count as this update left it (the certificate shows it):
 * the count before it, plus this change.
 */
export async function adjustPledgeTallies(campaignYear: number, area: PledgeArea, delta: 1 | -1): Promise<number> {
  const district = districtKey(area.districtCode);
  const [year] = await Promise.all([
    upsertRetrying(() =>
      PledgeCounter.findOneAndUpdate(
        { _id: yearCounterId(campaignYear) },
        { $inc: { total: delta, [`districts.${district}`]: delta }, $setOnInsert: { campaignYear } },
        { upsert: true, new: false, projection: { [`districts.${district}`]: 1 } },
      ).lean(),
    ),
    upsertRetrying(() =>
      PledgeCounter.updateOne(
        { _id: districtCounterId(campaignYear, area.districtCode) },
        { $inc: { [`tambons.${tambonKey(area.tambonCode)}`]: delta, [`villages.${villageKey(area.tambonCode, area.villageNo)}`]: delta }, $setOnInsert: { campaignYear, districtCode: area.districtCode } },
        { upsert: true },
      ),
    ),
  ]);
  return (unprefixed(year?.districts)[area.districtCode] ?? 0) + delta;
}

/** Plain record from a stored map, without the key's letter prefix. */
function unprefixed(map: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  const entries = map instanceof Map ? [...map.entries()] : Object.entries((map ?? {}) as Record<string, number>);
  for (const [k, v] of entries) if (typeof v === "number") out[k.slice(1)] = v;
  return out;
}

export async function readYearTally(campaignYear: number): Promise<YearTally> {
  const doc = await PledgeCounter.findById(yearCounterId(campaignYear)).lean();
  return { seq: doc?.seq ?? 0, total: doc?.total ?? 0, districts: unprefixed(doc?.districts) };
}

export async function readDistrictTally(campaignYear: number, districtCode: string): Promise<DistrictTally> {
  const doc = await PledgeCounter.findById(districtCounterId(campaignYear, districtCode)).lean();
  return { tambons: unprefixed(doc?.tambons), villages: unprefixed(doc?.villages) };
}

export interface VillagePledgeCount extends PledgeArea {
  count: number;
}

/** Exact active pledge counts per village, grouped by the database. Reads the whole year. */
export async function aggregatePledgeCounts(campaignYear: number): Promise<VillagePledgeCount[]> {
  const rows = await Pledge.aggregate<{ _id: { d: string; t: string; v: number }; n: number }>([
    { $match: { campaignYear, status: "active" } },
    { $group: { _id: { d: "$districtCode", t: "$tambonCode", v: "$villageNo" }, n: { $sum: 1 } } },
  ]);
  return rows.map((r) => ({ districtCode: r._id.d, tambonCode: r._id.t, villageNo: r._id.v, count: r.n }));
}

/**
 * Recomputes every count of a campaign year from the pledges (the numbers issued are
 * kept). For operators after a crash; run it when no pledges are coming in, since
 * pledges made during the rebuild can be counted twice or not at all.
 */
export async function rebuildPledgeTallies(campaignYear: number, at: Date): Promise<YearTally> {
  const rows = await aggregatePledgeCounts(campaignYear);
  const districts: Record<string, number> = {};
  const perDistrict = new Map<string, { tambons: Record<string, number>; villages: Record<string, number> }>();
  for (const d of listDistricts()) perDistrict.set(d.code, { tambons: {}, villages: {} });
  let total = 0;
  for (const r of rows) {
    total += r.count;
    const dk = districtKey(r.districtCode);
    districts[dk] = (districts[dk] ?? 0) + r.count;
    const d = perDistrict.get(r.districtCode) ?? { tambons: {}, villages: {} };
    const tk = tambonKey(r.tambonCode);
    d.tambons[tk] = (d.tambons[tk] ?? 0) + r.count;
    d.villages[villageKey(r.tambonCode, r.villageNo)] = r.count;
    perDistrict.set(r.districtCode, d);
  }
  // One bulk write, raw (the maps are stored as the plain objects mongoose would store).
  const counters = PledgeCounter.collection as unknown as mongo.Collection<{ _id: string }>;
  await counters.bulkWrite([
    { updateOne: { filter: { _id: yearCounterId(campaignYear) }, update: { $set: { total, districts, rebuiltAt: at }, $setOnInsert: { campaignYear, seq: 0 } }, upsert: true } },
    ...[...perDistrict].map(([code, d]) => ({
      updateOne: {
        filter: { _id: districtCounterId(campaignYear, code) },
        update: { $set: { tambons: d.tambons, villages: d.villages, rebuiltAt: at }, $setOnInsert: { campaignYear, districtCode: code } },
        upsert: true,
      },
    })),
  ]);
  return readYearTally(campaignYear);
}
