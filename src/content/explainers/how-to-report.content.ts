import type { Explainer } from "./explainer.types";
import { COMPLAINT_ACTION, TRACK_COMPLAINT_ACTION } from "./explainer-actions";

// Facts: shared/reference/thai.md §3. Hotlines 1205/1206/1567 [V] (isranews list,
// NACC pages, Interior Ministry); Damrongdham centres at every provincial hall and
// district office [V]; complaint contents per NACC guidance [V]; anonymous letters
// may be set aside [V-2nd]; false complaints [V-2nd], hence "อาจมีความผิด".
export const howToReportExplainer: Explainer = {
  id: "how-to-report",
  title: "แจ้งเรื่องทุจริตได้ที่ไหน",
  shortTitle: "ช่องทางร้องเรียน",
  summary: "แจ้งผ่านบอทนี้ หรือสายด่วน 1205 · 1206 · 1567",
  sections: [
    {
      heading: "ช่องทางแจ้ง",
      body:
        "• บอทสุจริต: กดปุ่ม \"แจ้งเรื่องร้องเรียน\" ด้านล่าง\n" +
        "• ป.ป.ช. สายด่วน 1205\n" +
        "• ป.ป.ท. สายด่วน 1206\n" +
        "• ศูนย์ดำรงธรรม สายด่วน 1567 มีที่ศาลากลางจังหวัดและที่ว่าการอำเภอทุกแห่ง",
    },
    {
      heading: "เรื่องร้องเรียนควรมีอะไรบ้าง",
      body:
        "• ใคร: ชื่อ ตำแหน่ง หรือหน่วยงานของผู้ถูกร้อง\n" +
        "• ทำอะไร: เล่าเหตุการณ์โดยละเอียด\n" +
        "• เมื่อไร: วัน เดือน ปี ที่เกิดเหตุ\n" +
        "• ที่ไหน: สถานที่เกิดเหตุ\n" +
        "• หลักฐาน: เอกสาร ภาพถ่าย หรือพยานบุคคล\n" +
        "• ช่องทางติดต่อกลับ เพื่อให้เจ้าหน้าที่สอบถามเพิ่มเติมได้",
    },
    {
      heading: "ไม่ระบุชื่อได้ไหม",
      body:
        "ได้ค่ะ แต่เรื่องที่ไม่ระบุชื่ออาจไม่ได้รับการพิจารณา หากข้อเท็จจริงไม่ชัดเจนพอให้ตรวจสอบได้ " +
        "จึงควรให้รายละเอียดและหลักฐานให้มากที่สุด\n" +
        "หากเลือกไม่ระบุชื่อในบอทนี้ เจ้าหน้าที่จะไม่เห็นตัวตนของท่าน",
    },
    {
      heading: "โปรดแจ้งตามความจริง",
      body: "การร้องเรียนโดยรู้อยู่แล้วว่าเป็นเรื่องไม่จริง อาจมีความผิดตามกฎหมาย",
    },
  ],
  sources: [
    { label: "สำนักงาน ป.ป.ช.", detail: "คำแนะนำการทำหนังสือร้องเรียนต่อสำนักงาน ป.ป.ช." },
    { label: "สำนักข่าวอิศรา", detail: "รวมช่องทางร้องเรียนการทุจริต (isranews.org)" },
    { label: "กระทรวงมหาดไทย", detail: "ศูนย์ดำรงธรรม สายด่วน 1567" },
  ],
  lastReviewed: "2026-11-26",
  followUps: ["what-is-corruption", "privacy", "no-gift"],
  actions: [COMPLAINT_ACTION, TRACK_COMPLAINT_ACTION],
};
