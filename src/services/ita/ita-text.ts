import { HOTLINES } from "../complaint-labels";
import { PROVINCE_LEVEL_TERMS } from "../complaint-routing";
import { THAI_MONTHS_SHORT } from "../../util/thai-date";
import type { PackStatusGroup } from "./ita-pack.service";

// The fixed Thai text of the ITA pack: how residents file a complaint, and the labels
// of its tables. Shared by the printable page and the workbook so both say the same.
export const PACK_GROUP_LABELS: Record<PackStatusGroup, string> = {
  received: "รับเรื่อง",
  in_progress: "อยู่ระหว่างดำเนินการ",
  referred: "ส่งต่อหน่วยงานอื่น",
  resolved: "ดำเนินการแล้วเสร็จ",
  dismissed: "ไม่รับพิจารณา/ยุติ",
};

export const FILING_CHANNELS: readonly string[] = [
  "บัญชีทางการ LINE \"สุจริต\" ของจังหวัดขอนแก่น: พิมพ์ \"แจ้งเรื่อง\" หรือกดเมนู แจ้งเรื่องร้องเรียน ได้ตลอด 24 ชั่วโมง",
  `สายด่วน ${HOTLINES.map((h) => `${h.name} ${h.number}`).join(" · ")}`,
];

export const FILING_STEPS: readonly string[] = [
  "เลือกประเภทเรื่อง เล่าสิ่งที่เกิดขึ้น ระบุสถานที่และเวลา แนบรูปหลักฐานได้ไม่เกิน 5 รูป",
  "เลือกได้ว่าจะเปิดเผยชื่อหรือไม่ หากไม่เปิดเผย เจ้าหน้าที่จะไม่เห็นตัวตนของผู้แจ้ง",
  "ยืนยันแล้วได้รับรหัสติดตามเรื่อง และได้รับแจ้งทาง LINE ทุกครั้งที่สถานะเปลี่ยน",
];

export const ROUTING_RULE = `เรื่องจะส่งถึงเจ้าหน้าที่ของอำเภอที่เกิดเหตุ เว้นแต่เรื่องที่กล่าวถึง${PROVINCE_LEVEL_TERMS.slice(0, 3).join(" ")} หรือไม่ระบุอำเภอ จะส่งถึงจังหวัดโดยตรง เพื่อไม่ให้เรื่องไปถึงหน่วยงานของผู้ถูกกล่าวหา`;

/** "2570-01" → "ม.ค. 2570". */
export function monthLabel(monthKey: string): string {
  const [y, m] = monthKey.split("-");
  return `${THAI_MONTHS_SHORT[Number(m) - 1] ?? m} ${y}`;
}

export const QUARTER_LABELS = ["ไตรมาส 1 (ต.ค.–ธ.ค.)", "ไตรมาส 2 (ม.ค.–มี.ค.)", "ไตรมาส 3 (เม.ย.–มิ.ย.)", "ไตรมาส 4 (ก.ค.–ก.ย.)"] as const;
