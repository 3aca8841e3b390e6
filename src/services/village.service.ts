import { getTambon } from "../content/areas/areas";
import { ValidationError } from "../errors";
import { Village, villageKeyOf, type VillageDoc } from "../models/village.model";

// Villages: parsing the "<tambonCode>-<villageNo>" references the CLI, CSV and
// dashboard use, and the Village rows that hold names and usual meeting places.
export interface VillageRef {
  districtCode: string;
  tambonCode: string;
  villageNo: number;
}

/** The highest village number accepted (DOPA numbers villages 1…N within a tambon). */
export const MAX_VILLAGE_NO = 99;

/** "400101-5" → { districtCode "4001", tambonCode "400101", villageNo 5 }; throws ValidationError. */
export function parseVillageRef(ref: string): VillageRef {
  const m = /^(\d{6})-(\d{1,2})$/.exec(ref.trim());
  if (!m) throw new ValidationError(`village must look like 400101-5 (DOPA tambon code, dash, village number), got "${ref}"`);
  return villageRef(m[1]!, Number(m[2]));
}

/** Checks the tambon against the DOPA list and the number's range. */
export function villageRef(tambonCode: string, villageNo: number): VillageRef {
  const tambon = getTambon(tambonCode);
  if (!tambon) throw new ValidationError(`unknown tambon code ${tambonCode} (not a Khon Kaen DOPA tambon)`);
  if (!Number.isInteger(villageNo) || villageNo < 1 || villageNo > MAX_VILLAGE_NO) {
    throw new ValidationError(`village number must be 1–${MAX_VILLAGE_NO}, got ${villageNo}`);
  }
  return { districtCode: tambon.districtCode, tambonCode, villageNo };
}

/** "หมู่ 5 ต.ในเมือง" (with the village's name when known). */
export function villageLabel(ref: { tambonCode?: string | null; villageNo?: number | null }, nameTh?: string | null): string {
  const tambon = ref.tambonCode ? getTambon(ref.tambonCode) : undefined;
  const parts = [`หมู่ ${ref.villageNo ?? "?"}`];
  if (nameTh) parts.push(`บ้าน${nameTh.replace(/^บ้าน/, "")}`);
  if (tambon) parts.push(`ต.${tambon.nameTh}`);
  return parts.join(" ");
}

/** Creates the village row if missing; fills name/place only when given. */
export async function ensureVillage(ref: VillageRef, extra: { nameTh?: string; defaultPlace?: string; importBatchId?: string } = {}): Promise<VillageDoc> {
  const set: Record<string, unknown> = {};
  if (extra.nameTh) set.nameTh = extra.nameTh;
  if (extra.defaultPlace) set.defaultPlace = extra.defaultPlace;
  const insert: Record<string, unknown> = { ...ref, villageKey: villageKeyOf(ref.tambonCode, ref.villageNo) };
  if (extra.importBatchId) insert.importBatchId = extra.importBatchId;
  const doc = await Village.findOneAndUpdate(
    { villageKey: villageKeyOf(ref.tambonCode, ref.villageNo) },
    Object.keys(set).length > 0 ? { $set: set, $setOnInsert: insert } : { $setOnInsert: insert },
    { upsert: true, new: true },
  );
  return doc!;
}

export async function getVillage(ref: { tambonCode: string; villageNo: number }): Promise<VillageDoc | null> {
  return Village.findOne({ villageKey: villageKeyOf(ref.tambonCode, ref.villageNo) });
}

export async function listVillages(filter: { districtCode?: string; tambonCode?: string } = {}): Promise<VillageDoc[]> {
  const q: Record<string, string> = {};
  if (filter.districtCode) q.districtCode = String(filter.districtCode);
  if (filter.tambonCode) q.tambonCode = String(filter.tambonCode);
  return Village.find(q).sort({ tambonCode: 1, villageNo: 1 });
}
