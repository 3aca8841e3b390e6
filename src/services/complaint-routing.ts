import { getDistrict } from "../content/areas/areas";
import type { RoutingLevel } from "../models/complaint.model";
import { normalizeThai } from "../util/thai-text";

// Where a case goes. By default, to the officers of the district where it
// happened. A complaint that names the district office, or an official who would
// normally handle complaints at the district, is flagged for the province
// instead, so it is never routed to the accused's own office (civic.md §8.3,
// GlobaLeaks trigger_receiver; Damrongdham centres sit in every district office
// and at the provincial hall: thai.md §3). Without a district, it also goes to
// the province, which can assign it.
//
// Terms are compared without spaces, so "นาย อำเภอ" matches too. The list is
// deliberately specific: "ปลัด" alone would also hit ปลัด อบต., a local official
// the district is right to handle.
export const PROVINCE_LEVEL_TERMS: readonly string[] = [
  "นายอำเภอ",
  "ปลัดอำเภอ",
  "ที่ว่าการอำเภอ",
  "สำนักงานอำเภอ",
  "เจ้าหน้าที่อำเภอ",
  "ข้าราชการอำเภอ",
  "ศูนย์ดำรงธรรมอำเภอ",
  // Supervise local government and village funds at the district; that they would
  // take such complaints is our reading, not a checked rule [U].
  "ท้องถิ่นอำเภอ",
  "พัฒนาการอำเภอ",
  "อำเภอเรียก",
  "district office",
  "district chief",
];

export interface RoutingInput {
  districtCode?: string | null;
  who?: string | null;
  what: string;
}

export interface Routing {
  level: RoutingLevel;
  districtCode?: string;
  reason?: string;
}

function squash(s: string): string {
  return normalizeThai(s).replace(/\s+/g, "").toLowerCase();
}

/** The first province-level term named in the complaint, if any. */
export function findProvinceLevelTerm(text: string): string | undefined {
  const t = squash(text);
  return PROVINCE_LEVEL_TERMS.find((term) => t.includes(squash(term)));
}

export function routeComplaint(input: RoutingInput): Routing {
  const district = input.districtCode ? getDistrict(input.districtCode) : undefined;
  const term = findProvinceLevelTerm(`${input.who ?? ""}\n${input.what}`);
  if (term) return { level: "province", districtCode: district?.code, reason: `names_district_office:${term}` };
  if (!district) return { level: "province", reason: "no_district" };
  return { level: "district", districtCode: district.code };
}
