import { getDistrict, getTambon } from "../content/areas/areas";
import type { ComplaintCategory, ComplaintStatus, ReferralTarget } from "../models/complaint.model";

// Thai words for the complaint domain, shared by the chat, the Flex builders and
// the officer export, so a status reads the same everywhere.

/** Categories asked first (issue 5; NACC's list of common allegations, thai.md §3). */
export const CATEGORY_LABELS: Readonly<Record<ComplaintCategory, string>> = {
  bribe: "เรียกรับเงิน สินบน หรือของขวัญ",
  procurement: "จัดซื้อจัดจ้าง หรือก่อสร้างไม่โปร่งใส",
  public_funds: "ใช้เงินหรือทรัพย์สินของรัฐ/หมู่บ้านโดยมิชอบ",
  abuse_of_power: "ใช้อำนาจหน้าที่โดยมิชอบ",
  conflict_of_interest: "ผลประโยชน์ทับซ้อน",
  other: "เรื่องอื่น ๆ",
};

export const STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  received: "ได้รับเรื่องแล้ว",
  under_review: "กำลังตรวจสอบ",
  referred: "ส่งต่อหน่วยงานที่รับผิดชอบ",
  resolved: "ดำเนินการเสร็จสิ้น",
  dismissed: "ยุติเรื่อง",
};

/** Hotlines are [V] in thai.md §3. */
export const REFERRAL_LABELS: Readonly<Record<ReferralTarget, string>> = {
  nacc: "สำนักงาน ป.ป.ช. (สายด่วน 1205)",
  pacc: "สำนักงาน ป.ป.ท. (สายด่วน 1206)",
  damrongdham: "ศูนย์ดำรงธรรม (สายด่วน 1567)",
  agency: "หน่วยงานที่เกี่ยวข้อง",
};

/** The hotlines a reporter can call at any time (thai.md §3, all [V]). */
export const HOTLINES: readonly { name: string; number: string }[] = [
  { name: "ป.ป.ช.", number: "1205" },
  { name: "ป.ป.ท.", number: "1206" },
  { name: "ศูนย์ดำรงธรรม", number: "1567" },
];

export function hotlineText(): string {
  return HOTLINES.map((h) => `${h.name} ${h.number}`).join("\n");
}

export interface AreaParts {
  districtCode?: string | null;
  tambonCode?: string | null;
  villageNo?: number | null;
}

/** "หมู่ 5 ต.บ้านเป็ด อ.เมืองขอนแก่น", or "" when nothing is known. */
export function describeArea(a: AreaParts): string {
  const parts: string[] = [];
  if (a.villageNo) parts.push(`หมู่ ${a.villageNo}`);
  const tambon = a.tambonCode ? getTambon(a.tambonCode) : undefined;
  if (tambon) parts.push(`ต.${tambon.nameTh}`);
  const district = a.districtCode ? getDistrict(a.districtCode) : undefined;
  if (district) parts.push(`อ.${district.nameTh}`);
  return parts.join(" ");
}

export function referralText(to: ReferralTarget | null | undefined, agency?: string | null): string {
  if (!to) return "";
  return to === "agency" && agency ? agency : REFERRAL_LABELS[to];
}
