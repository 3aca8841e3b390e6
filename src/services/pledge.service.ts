import { randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { getDistrict, getTambon } from "../content/areas/areas";
import { NotFoundError, ValidationError, isDuplicateKeyError } from "../errors";
import { Member } from "../models/member.model";
import { Pledge, type PledgeStatus } from "../models/pledge.model";
import { BUDDHIST_ERA_OFFSET, monthKeyBE, zonedDateTimeToUtc, zonedParts } from "../util/thai-date";
import { MAX_VILLAGE_NUMBER } from "../util/thai-text";
import { adjustPledgeTallies, takePledgeNumber, type PledgeArea } from "./pledge-tally.service";

export type { PledgeArea } from "./pledge-tally.service";

// Pledges "ไม่รับ ไม่ให้": once per person per campaign year, numbered densely.
// The pledge's _id is "<year>:m:<memberId>", so a double tap, a redelivery or a
// second device collides on it. Its number is the year's seq after an atomic $inc
// (pledge-tally.service.ts); one chat's events run one at a time (the chat lease),
// so a person's duplicates do not race for numbers. The request whose insert
// succeeds is the one that counts the pledge.
export interface PledgeView {
  id: string;
  campaignYear: number;
  number: number;
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
  timeZone: string;
}

export type CreatePledgeOutcome = "created" | "existing" | "renewed";

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
    throw new ValidationError(`unknown area ${area.districtCode}/${area.tambonCode}`, "ไม่พบตำบลนี้ในอำเภอที่เลือก กรุณาเลือกใหม่อีกครั้งค่ะ");
  }
  if (!Number.isInteger(area.villageNo) || area.villageNo < 1 || area.villageNo > MAX_VILLAGE_NUMBER) {
    throw new ValidationError(`bad village number ${area.villageNo}`, `กรุณาระบุหมู่ที่เป็นตัวเลข 1–${MAX_VILLAGE_NUMBER} ค่ะ`);
  }
  return { districtCode: district.code, tambonCode: tambon.code, villageNo: area.villageNo };
}

type StoredPledge = {
  _id: string;
  campaignYear: number;
  number: number;
  districtCode: string;
  tambonCode: string;
  villageNo: number;
  status: PledgeStatus;
  pledgedAt?: Date | null;
  withdrawnAt?: Date | null;
};

function toView(doc: StoredPledge): PledgeView {
  return {
    id: doc._id,
    campaignYear: doc.campaignYear,
    number: doc.number,
    area: { districtCode: doc.districtCode, tambonCode: doc.tambonCode, villageNo: doc.villageNo },
    status: doc.status,
    pledgedAt: doc.pledgedAt ?? new Date(0),
    ...(doc.withdrawnAt ? { withdrawnAt: doc.withdrawnAt } : {}),
  };
}

async function load(id: string): Promise<StoredPledge | null> {
  return (await Pledge.findById(id).lean()) as StoredPledge | null;
}

/** The member's pledge of that campaign year (active or withdrawn), or null. */
export async function findPledge(memberId: Types.ObjectId | string, campaignYear: number): Promise<PledgeView | null> {
  const doc = await load(pledgeIdFor(memberId, campaignYear));
  return doc ? toView(doc) : null;
}

/**
 * Records a pledge, idempotently: a second call for the same member and year returns
 * the existing pledge ("existing"), or brings a withdrawn one back with the new area
 * and its old number ("renewed"). `districtCount`: the district's pledges right after
 * this one was counted (absent for "existing").
 */
export async function createPledge(input: CreatePledgeInput): Promise<{ pledge: PledgeView; outcome: CreatePledgeOutcome; districtCount?: number }> {
  const area = validatePledgeArea(input.area);
  const id = pledgeIdFor(input.memberId, input.campaignYear);
  const monthKey = monthKeyBE(input.at, input.timeZone);
  let existing = await load(id);
  if (!existing) {
    const number = await takePledgeNumber(input.campaignYear);
    try {
      const fields = { _id: id, campaignYear: input.campaignYear, memberId: input.memberId, number, ...area, status: "active", pledgedAt: input.at, monthKey };
      await Pledge.create({ ...fields, anonToken: randomBytes(12).toString("base64url") });
      const districtCount = await adjustPledgeTallies(input.campaignYear, area, 1);
      return { pledge: toView(fields as StoredPledge), outcome: "created", districtCount };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      existing = (await load(id))!; // a racing duplicate stored it first (its number is the one shown)
    }
  }
  if (existing.status === "withdrawn") {
    const renewed = await Pledge.updateOne(
      { _id: id, status: "withdrawn" },
      { $set: { status: "active", ...area, pledgedAt: input.at, monthKey }, $unset: { withdrawnAt: 1 } },
    );
    if (renewed.modifiedCount === 1) {
      const districtCount = await adjustPledgeTallies(input.campaignYear, area, 1);
      return { pledge: toView((await load(id))!), outcome: "renewed", districtCount };
    }
  }
  return { pledge: toView(existing), outcome: "existing" };
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
  await adjustPledgeTallies(campaignYear, { districtCode: doc.districtCode, tambonCode: doc.tambonCode, villageNo: doc.villageNo }, -1);
  return { pledge: toView(doc), changed: true };
}

/** Saves the village on the member (when it changed), so the next pledge skips the questions. */
export async function rememberMemberVillage(memberId: Types.ObjectId | string, area: PledgeArea, known?: Partial<PledgeArea> | null): Promise<void> {
  const village = validatePledgeArea(area);
  if (known && known.districtCode === village.districtCode && known.tambonCode === village.tambonCode && known.villageNo === village.villageNo) return;
  await Member.updateOne({ _id: memberId }, { $set: { village } });
}

/**
 * "ลบข้อมูลของฉัน": re-keys each of the member's pledges to an anonymous id and drops the
 * member, the number (never issued again: the year's seq only grows) and the exact time, keeping area, year, status and month, which is
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
