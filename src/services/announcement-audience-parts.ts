import { listDistricts, listTambons } from "../content/areas/areas";
import { chunk } from "../line/limits";

// An audience read in parts, so that the first multicast goes out while the rest is
// still being read. Each part is a few tambons (a range of the members index
// {followed, village.tambonCode, village.villageNo}), and the parts are disjoint, so no
// one is read twice: districts become their tambons, a village inside a chosen tambon
// is dropped, the other chosen villages make one part, and a province-wide audience
// ends with everyone whose village is in no tambon of the province (or unset).
// Measured (bench announcement, 200,000 recipients in two districts, a fresh test
// server, three or four runs each): as one query, the server read everything before
// its first batch: 310-481 ms to the first multicast, 0.78-0.85 of LINE's bound; in
// parts of 4 tambons, 256-299 ms; with a first part of one tambon, 150-179 ms and
// 0.84-0.89.
export const TAMBONS_PER_PART = 4;

export interface AudienceArea {
  province: boolean;
  districts: string[];
  tambons: string[];
  /** "<tambonCode>-<villageNo>" */
  villages: string[];
}

const tambonCodes = (district: string) => listTambons(district).map((t) => t.code);

/** The area clauses of the parts, in reading order; each is ANDed with the audience's other conditions. */
export function areaParts(a: AudienceArea, perPart = TAMBONS_PER_PART): Record<string, unknown>[] {
  const tambons = a.province ? listDistricts().flatMap((d) => d.tambons.map((t) => t.code)) : [...new Set([...a.districts.flatMap(tambonCodes), ...a.tambons])].sort();
  // The first part is one tambon, so that the first multicast waits for little.
  const groups = tambons.length === 0 ? [] : [tambons.slice(0, 1), ...chunk(tambons.slice(1), perPart)];
  const parts: Record<string, unknown>[] = groups.map((some) => ({ "village.tambonCode": some.length === 1 ? some[0] : { $in: some } }));
  if (a.province) {
    parts.push({ "village.tambonCode": { $nin: tambons } });
    return parts;
  }
  const chosen = new Set(tambons);
  const villages = a.villages
    .map((v) => v.split("-"))
    .filter(([tambonCode]) => !chosen.has(tambonCode!))
    .map(([tambonCode, no]) => ({ "village.tambonCode": tambonCode, "village.villageNo": Number(no) }));
  if (villages.length === 1) parts.push(villages[0]!);
  else if (villages.length > 1) parts.push({ $or: villages });
  return parts;
}
