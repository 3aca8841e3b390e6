import { getDistrict, getTambon, listDistricts } from "../content/areas/areas";
import { ForbiddenError, ValidationError } from "../errors";
import { Member } from "../models/member.model";
import { readAll } from "../models/read-all";
import { areaParts } from "./announcement-audience-parts";
import { parseVillageRef } from "./village.service";

// Who an announcement reaches. An area (the whole province, or any districts, tambons
// and villages together) and, optionally, groups within it (headmen and kamnan,
// residents who opted in to meeting reminders: either). Only members who follow the
// account and have not muted announcements ("ปิดการแจ้งข่าว") are ever counted or sent to.
export interface AudienceSpec {
  province: boolean;
  districts: string[];
  tambons: string[];
  villages: string[];
  leaders: boolean;
  remindersOptIn: boolean;
}

/** Who may address what: admins anything; officers their own districts only. */
export interface AudienceScope {
  all: boolean;
  districts: string[];
}

export const PROVINCE = "*";

/** Codes checked and de-duplicated; throws a ValidationError on an unknown area. */
export function normalizeAudience(a: AudienceSpec): AudienceSpec {
  const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].sort();
  const out: AudienceSpec = { province: a.province, districts: uniq(a.districts), tambons: uniq(a.tambons), villages: uniq(a.villages), leaders: a.leaders, remindersOptIn: a.remindersOptIn };
  for (const d of out.districts) if (!getDistrict(d)) throw new ValidationError(`unknown district ${d}`, `ไม่พบรหัสอำเภอ ${d} ค่ะ`);
  for (const t of out.tambons) if (!getTambon(t)) throw new ValidationError(`unknown tambon ${t}`, `ไม่พบรหัสตำบล ${t} ค่ะ`);
  out.villages = out.villages.map((v) => {
    try {
      const r = parseVillageRef(v);
      return `${r.tambonCode}-${r.villageNo}`;
    } catch {
      throw new ValidationError(`bad village ${v}`, `รหัสหมู่บ้าน "${v}" ไม่ถูกต้อง (ตัวอย่าง 400101-5) ค่ะ`);
    }
  });
  if (out.province) Object.assign(out, { districts: [], tambons: [], villages: [] });
  else if (out.districts.length + out.tambons.length + out.villages.length === 0) {
    throw new ValidationError("audience has no area", "กรุณาเลือกพื้นที่ผู้รับ: ทั้งจังหวัด อำเภอ ตำบล หรือหมู่บ้านค่ะ");
  }
  return out;
}

/** The districts an audience touches: ["*"] for the whole province. */
export function districtsOf(a: AudienceSpec): string[] {
  if (a.province) return [PROVINCE];
  const set = new Set(a.districts);
  for (const t of a.tambons) set.add(getTambon(t)!.districtCode);
  for (const v of a.villages) set.add(getTambon(v.split("-")[0]!)!.districtCode);
  return [...set].sort();
}

/** Throws ForbiddenError when the audience reaches outside the caller's districts. */
export function assertAudienceInScope(a: AudienceSpec, scope: AudienceScope): void {
  if (scope.all) return;
  if (a.province) throw new ForbiddenError("province-wide needs an admin", "การประกาศทั้งจังหวัดต้องให้ผู้ดูแลระบบเป็นผู้สร้างค่ะ");
  const outside = districtsOf(a).filter((d) => !scope.districts.includes(d));
  if (outside.length > 0) throw new ForbiddenError(`district out of scope: ${outside.join(",")}`, "ท่านประกาศได้เฉพาะอำเภอที่ท่านรับผิดชอบค่ะ");
}

/** The sending office named in the message. */
export function officeOf(a: AudienceSpec): string {
  const ds = districtsOf(a);
  if (ds.length === 1 && ds[0] !== PROVINCE) return `ที่ว่าการอำเภอ${getDistrict(ds[0]!)!.nameTh} จังหวัดขอนแก่น`;
  return "ศาลากลางจังหวัดขอนแก่น";
}

/** How many districts the audience touches (the province counts as all of them). */
export function districtCount(a: AudienceSpec): number {
  return a.province ? listDistricts().length : districtsOf(a).length;
}

/**
 * The MongoDB filter of the audience's members. Flat where it can be (one area clause,
 * one group): on the embedded test server a nested $and/$or costs about twice as much
 * per document (measured: 200,000 members read in 4.5 s against 2.4 s).
 */
export function audienceFilter(a: AudienceSpec, part?: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = { followed: true, announcementsMuted: { $ne: true } };
  const and: Record<string, unknown>[] = [];
  const add = (clauses: Record<string, unknown>[]) => {
    if (clauses.length === 1 && Object.keys(clauses[0]!).every((k) => !(k in filter))) Object.assign(filter, clauses[0]);
    else if (clauses.length > 0) and.push({ $or: clauses });
  };
  if (part) add([part]);
  else if (!a.province) {
    const area: Record<string, unknown>[] = [];
    if (a.districts.length > 0) area.push({ "village.districtCode": a.districts.length === 1 ? a.districts[0] : { $in: a.districts } });
    if (a.tambons.length > 0) area.push({ "village.tambonCode": a.tambons.length === 1 ? a.tambons[0] : { $in: a.tambons } });
    for (const v of a.villages) {
      const [tambonCode, no] = v.split("-");
      area.push({ "village.tambonCode": tambonCode, "village.villageNo": Number(no) });
    }
    add(area);
  }
  const groups: Record<string, unknown>[] = [];
  if (a.leaders) groups.push({ role: { $in: ["headman", "kamnan"] } });
  if (a.remindersOptIn) groups.push({ meetingReminders: true });
  add(groups);
  return and.length > 0 ? { ...filter, $and: and } : filter;
}

export async function countAudience(a: AudienceSpec): Promise<number> {
  return Member.countDocuments(audienceFilter(a));
}

/** Whole account, no group filter and nobody muted: LINE's broadcast can carry it. */
export async function canBroadcast(a: AudienceSpec): Promise<boolean> {
  if (!a.province || a.leaders || a.remindersOptIn) return false;
  return (await Member.exists({ announcementsMuted: true, followed: true })) === null;
}

/** Every LINE id one part of the audience names, read in batches of 5,000. */
async function readPart(filter: Record<string, unknown>): Promise<string[]> {
  const rows = await readAll<{ lineUserId: string }>(Member.collection, filter, { projection: { _id: 0, lineUserId: 1 }, batchSize: 5000 });
  return rows.map((r) => r.lineUserId);
}

/**
 * The recipients, a batch at a time, part after part (announcement-audience-parts.ts),
 * the next part read while this one is sent. No sort: a sort makes the server read
 * everything before the first batch, and a resumed send leaves out whoever earlier
 * chunks hold, whatever the order.
 */
export async function* streamAudience(a: AudienceSpec, batch = 500): AsyncGenerator<string[]> {
  const parts = areaParts(a).map((part) => audienceFilter(a, part));
  let next = parts.length > 0 ? readPart(parts[0]!) : undefined;
  for (let i = 0; next; i++) {
    const ids = await next;
    next = i + 1 < parts.length ? readPart(parts[i + 1]!) : undefined;
    next?.catch(() => undefined); // awaited next round; a failure then is thrown there
    for (let j = 0; j < ids.length; j += batch) yield ids.slice(j, j + batch);
  }
}
