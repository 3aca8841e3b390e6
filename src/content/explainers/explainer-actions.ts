import type { ExplainerAction } from "./explainer.types";

// Buttons shared by several explainers. The postback strings are the router's
// `domain.verb` actions (URLSearchParams form, "a=" first).

export const PLEDGE_ACTION: ExplainerAction = { label: "ประกาศเจตนารมณ์", postback: "a=pledge.start" };
export const COMPLAINT_ACTION: ExplainerAction = { label: "แจ้งเรื่องร้องเรียน", postback: "a=complaint.start" };
export const TRACK_COMPLAINT_ACTION: ExplainerAction = { label: "ติดตามเรื่องร้องเรียน", postback: "a=complaint.track" };
export const MUTE_ANNOUNCEMENTS_ACTION: ExplainerAction = { label: "ปิดการแจ้งข่าว", postback: "a=announce.mute" };
export const UNMUTE_ANNOUNCEMENTS_ACTION: ExplainerAction = { label: "เปิดการแจ้งข่าว", postback: "a=announce.unmute" };
export const DELETE_MY_DATA_ACTION: ExplainerAction = { label: "ลบข้อมูลของฉัน", postback: "a=privacy.delete" };

/** Khon Kaen's 2021 Anti-Corruption Day news item, the seed article of this project. */
export const KHON_KAEN_2564_SOURCE = {
  label: "ข่าวจังหวัดขอนแก่น \"ขอนแก่นพร้อมใจ ประกาศเจตนารมณ์ ไม่รับ ไม่ให้\"",
  detail: "วันต่อต้านคอร์รัปชันสากล 9 ธ.ค. 2564",
} as const;

/** Cabinet resolution approving the revised national anti-corruption reform plan (No Gift Policy). */
export const CABINET_8_DEC_2563_SOURCE = {
  label: "มติคณะรัฐมนตรี 8 ธ.ค. 2563",
  detail: "แผนการปฏิรูปประเทศด้านการป้องกันและปราบปรามการทุจริตและประพฤติมิชอบ (ฉบับปรับปรุง)",
} as const;
