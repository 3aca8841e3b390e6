import { randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { getDistrict, getTambon } from "../content/areas/areas";
import { NotFoundError, ValidationError, isDuplicateKeyError } from "../errors";
import { Member } from "../models/member.model";
import { Pledge, type PledgeStatus } from "../models/pledge.model";
import { BUDDHIST_ERA_OFFSET, monthKeyBE, zonedDateTimeToUtc, zonedParts } from "../util/thai-date";
import { MAX_VILLAGE_NUMBER } from "../util/thai-text";
import { adjustPledgeTallies, issuePledgeNumber, type PledgeArea } from "./pledge-tally.service";

export type { PledgeArea } from "./pledge-tally.service";

// Pledges "ไม่รับ ไม่ให้": once per person per campaign year, numbered densely.
//
// Numbering without transactions (FerretDB has none): the pledge is inserted first, so
// a duplicate (double tap, redelivery, second device) fails on the _id before any
// number is taken. Only the request that inserted it (claimedBy) then takes the next
// number from the year counter and sets it. A number is therefore only consumed by a
// stored pledge; the one gap left is a process crash between those two single-document
// writes, after which the retried request takes the following number.
export interface PledgeView {
  id: string;
  campaignYear: number;
  /** Null only while the inserting request is still numbering it (milliseconds). */
  number: number | null;
  area: PledgeArea;
  status: PledgeStatus;
  pledgedAt: Date;
  withdrawnAt?: Date;
}

export interface CreatePledgeInput {
  memberId: Types.ObjectId | string;
  campaignYear: number;
  area: PledgeArea;
  at: Date;
  /** Idempotency key of the request, e.g. the webhook event id. */
  requestId: string;
  timeZone: string;
}

export type CreatePledgeOutcome = "created" | "existing" | "renewed";

/** A claim older than this is taken over by the next request (its owner died). */
const CLAIM_STALE_MS = 30_000;
const NUMBER_WAIT_MS = 3_000;

/**
 * The campaign year of an instant: the Thai fiscal year, named by the BE year in which
 * it ends (shared/reference/thai.md §7). startMonth 10 (October) is the government's
 * fiscal year; 1 makes it the calendar year.
 */
export function campaignYearOf(at: Date, startMonth: number, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  const be = p.year + BUDDHIST_ERA_OFFSET;
  return startMonth > 1 && p.month >= startMonth ? be + 1 : be;
}

/** First and last instant (exclusive) of a campaign year, at local midnight in timeZone. */
export function campaignYearRange(campaignYear: number, startMonth: number, timeZone: string): { start: Date; end: Date } {
  const endYearCe = campaignYear - BUDDHIST_ERA_OFFSET;
  const startYearCe = startMonth > 1 ? endYearCe - 1 : endYearCe;
  const at = (year: number) => zonedDateTimeToUtc({ year, month: startMonth, day: 1, hour: 0, minute: 0 }, timeZone);
  return { start: at(startYearCe), end: at(startYearCe + 1) };
}

export function pledgeIdFor(memberId: Types.ObjectId | string, campaignYear: number): string {
  return `${campaignYear}:m:${String(memberId)}`;
}

/** Checks that the tambon is in the district and the village number is plausible. */
export function validatePledgeArea(area: PledgeArea): PledgeArea {
  const district = getDistrict(area.districtCode);
  const tambon = getTambon(area.tambonCode);
  if (!district || !tambon || tambon.districtCode !== district.code) {
    throw new ValidationError(`unknown area ${area.districtCode}/${area.tambonCode}`, "ไม่พบตำบลนี้ในอำเภอที่เลือกค่ะ กรุณาเลือกใหม่อีกครั้ง");
  }
  if (!Number.isInteger(area.villageNo) || area.villageNo < 1 || area.villageNo > MAX_VILLAGE_NUMBER) {
    throw new ValidationError(`bad village number ${area.villageNo}`, `กรุณาระบุหมู่ที่เป็นตัวเลข 1–${MAX_VILLAGE_NUMBER} ค่ะ`);
  }
  return { districtCode: district.code, tambonCode: tambon.code, villageNo: area.villageNo };
}

type StoredPledge = {
  _id: string;
  campaignYear: number;
  number?: number | null;
  districtCode: string;
  tambonCode: string;
  villageNo: number;
  status: PledgeStatus;
  pledgedAt?: Date | null;
  withdrawnAt?: Date | null;
  claimedBy?: string | null;
  claimedAt?: Date | null;
};

function toView(doc: StoredPledge): PledgeView {
  return {
    id: doc._id,
    campaignYear: doc.campaignYear,
    number: doc.number ?? null,
    area: { districtCode: doc.districtCode, tambonCode: doc.tambonCode, villageNo: doc.villageNo },
    status: doc.status,
    pledgedAt: doc.pledgedAt ?? new Date(0),
    ...(doc.withdrawnAt ? { withdrawnAt: doc.withdrawnAt } : {}),
  };
}

async function load(id: string): Promise<StoredPledge | null> {
  return (await Pledge.findById(id).lean()) as StoredPledge | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Makes sure the pledge has its number: assigns it when this request owns the claim, else waits for the owner. */
async function ensureNumbered(doc: StoredPledge, requestId: string, at: Date): Promise<StoredPledge> {
  let current = doc;
  const deadline = Date.now() + NUMBER_WAIT_MS;
  while (current.number == null) {
    const claimAge = at.getTime() - (current.claimedAt?.getTime() ?? 0);
    if (current.claimedBy !== requestId && claimAge > CLAIM_STALE_MS) {
      // The owner died before numbering: take the claim over, atomically.
      await Pledge.updateOne(
        { _id: current._id, number: { $exists: false }, claimedBy: current.claimedBy },
        { $set: { claimedBy: requestId, claimedAt: at } },
      );
      current = (await load(current._id))!;
      continue;
    }
    if (current.claimedBy === requestId) {
      const area = { districtCode: current.districtCode, tambonCode: current.tambonCode, villageNo: current.villageNo };
      const number = await issuePledgeNumber(current.campaignYear, area);
      await Pledge.updateOne({ _id: current._id, number: { $exists: false }, claimedBy: requestId }, { $set: { number } });
      return (await load(current._id))!;
    }
    if (Date.now() > deadline) throw new Error(`pledge ${current._id} is still being numbered by another request`);
    await sleep(25);
    current = (await load(current._id))!;
  }
  return current;
}

/** The member's pledge of that campaign year (active or withdrawn), or null. */
export async function findPledge(memberId: Types.ObjectId | string, campaignYear: number, at: Date = new Date()): Promise<PledgeView | null> {
  const doc = await load(pledgeIdFor(memberId, campaignYear));
  // A reader never owns a claim; it may only finish the numbering of a dead owner.
  return doc ? toView(await ensureNumbered(doc, `read:${randomBytes(6).toString("hex")}`, at)) : null;
}

/**
 * Records a pledge, idempotently: a second call for the same member and year returns
 * the existing pledge ("existing"), or brings a withdrawn one back with the new area
 * and its old number ("renewed").
 */
export async function createPledge(input: CreatePledgeInput): Promise<{ pledge: PledgeView; outcome: CreatePledgeOutcome }> {
  const area = validatePledgeArea(input.area);
  const id = pledgeIdFor(input.memberId, input.campaignYear);
  const monthKey = monthKeyBE(input.at, input.timeZone);
  let outcome: CreatePledgeOutcome = "created";
  try {
    await Pledge.create({
      _id: id,
      campaignYear: input.campaignYear,
      memberId: input.memberId,
      ...area,
      status: "active",
      pledgedAt: input.at,
      monthKey,
      claimedBy: input.requestId,
      claimedAt: input.at,
      anonToken: randomBytes(12).toString("base64url"),
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    outcome = "existing";
  }
  let doc = await ensureNumbered((await load(id))!, input.requestId, input.at);
  if (outcome === "existing" && doc.status === "withdrawn") {
    const renewed = await Pledge.updateOne(
      { _id: id, status: "withdrawn" },
      { $set: { status: "active", ...area, pledgedAt: input.at, monthKey }, $unset: { withdrawnAt: 1 } },
    );
    if (renewed.modifiedCount === 1) {
      await adjustPledgeTallies(input.campaignYear, area, 1);
      outcome = "renewed";
    }
    doc = (await load(id))!;
  }
  return { pledge: toView(doc), outcome };
}

/** Withdraws the member's active pledge of that year. A second call returns the withdrawn pledge unchanged. */
export async function withdrawPledge(memberId: Types.ObjectId | string, campaignYear: number, at: Date): Promise<{ pledge: PledgeView; changed: boolean }> {
  const id = pledgeIdFor(memberId, campaignYear);
  const doc = (await Pledge.findOneAndUpdate(
    { _id: id, status: "active" },
    { $set: { status: "withdrawn", withdrawnAt: at } },
    { new: true, lean: true },
  )) as StoredPledge | null;
  if (!doc) {
    const existing = await load(id);
    if (!existing) throw new NotFoundError(`no pledge ${id}`, "ท่านยังไม่ได้ประกาศเจตนารมณ์ในปีงบประมาณนี้ค่ะ");
    return { pledge: toView(existing), changed: false };
  }
  if (doc.number != null) {
    await adjustPledgeTallies(campaignYear, { districtCode: doc.districtCode, tambonCode: doc.tambonCode, villageNo: doc.villageNo }, -1);
  }
  return { pledge: toView(doc), changed: true };
}

/** Saves the village on the member, so the next pledge skips the questions. */
export async function rememberMemberVillage(memberId: Types.ObjectId | string, area: PledgeArea): Promise<void> {
  await Member.updateOne({ _id: memberId }, { $set: { village: validatePledgeArea(area) } });
}

/**
 * "ลบข้อมูลของฉัน": re-keys each of the member's pledges to an anonymous id and drops the
 * member, the number and the exact time, keeping area, year, status and month, which is
 * what the counts need. Safe to repeat after a crash (the anonymous id is fixed in advance).
 */
export async function anonymizeMemberPledges(memberId: Types.ObjectId | string, at: Date): Promise<number> {
  const docs = await Pledge.find({ memberId }).lean();
  for (const doc of docs) {
    const anonId = `${doc.campaignYear}:x:${doc.anonToken ?? randomBytes(12).toString("base64url")}`;
    await Pledge.updateOne(
      { _id: anonId },
      {
        $setOnInsert: {
          campaignYear: doc.campaignYear,
          districtCode: doc.districtCode,
          tambonCode: doc.tambonCode,
          villageNo: doc.villageNo,
          status: doc.status,
          source: doc.source,
          monthKey: doc.monthKey,
          anonymizedAt: at,
        },
      },
      { upsert: true },
    );
    await Pledge.deleteOne({ _id: doc._id });
  }
  return docs.length;
}
