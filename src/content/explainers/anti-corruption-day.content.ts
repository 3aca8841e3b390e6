import type { Explainer } from "./explainer.types";
import { KHON_KAEN_2564_SOURCE, PLEDGE_ACTION } from "./explainer-actions";

// Facts: shared/reference/thai.md §5 [V]: UNCAC adopted 31 Oct 2003 by UN GA
// resolution 58/4, which named 9 December; opened for signature at Mérida 9–11 Dec 2003.
// Khon Kaen 2564 activities: the seed article. 26 districts: thai.md §1 [V].
export const antiCorruptionDayExplainer: Explainer = {
  id: "anti-corruption-day",
  title: "วันต่อต้านคอร์รัปชันสากล",
  shortTitle: "วันต่อต้านคอร์รัปชัน",
  summary: "9 ธันวาคม ของทุกปี ที่มาและกิจกรรมในขอนแก่น",
  sections: [
    {
      heading: "ที่มา",
      body:
        "สมัชชาใหญ่แห่งสหประชาชาติรับรองอนุสัญญาสหประชาชาติว่าด้วยการต่อต้านการทุจริต (UNCAC) " +
        "เมื่อ 31 ต.ค. 2546 ตามข้อมติที่ 58/4 และกำหนดให้วันที่ 9 ธันวาคม เป็นวันต่อต้านคอร์รัปชันสากล " +
        "ตรงกับวันที่เริ่มเปิดให้ลงนามอนุสัญญาที่เมืองเมรีดา ประเทศเม็กซิโก",
    },
    {
      heading: "ในประเทศไทย",
      body: "ทุกจังหวัดจัดกิจกรรมวันต่อต้านคอร์รัปชันสากล (ประเทศไทย) โดยมี ป.ป.ช. เป็นแกนนำ",
    },
    {
      heading: "ขอนแก่น ปี 2564",
      body:
        "• จัดกิจกรรมสัปดาห์วันต่อต้านคอร์รัปชันสากล ระหว่าง 1–9 ธ.ค. 2564\n" +
        "• ให้ทุกอำเภอทั้ง 26 อำเภอ จัดประชุมประกาศเจตนารมณ์ร่วมกับภาคประชาชนและภาคเอกชน\n" +
        "• ขอความร่วมมือกำนัน ผู้ใหญ่บ้าน จัดกิจกรรมประกาศเจตนารมณ์ในวันประชุมหมู่บ้าน\n" +
        "• ขับเคลื่อนภายใต้นโยบาย \"No Gift policy ไม่รับ-ไม่ให้\"",
    },
  ],
  sources: [
    { label: "ข้อมติสมัชชาใหญ่แห่งสหประชาชาติ ที่ 58/4", detail: "31 ต.ค. 2546 (ค.ศ. 2003)" },
    KHON_KAEN_2564_SOURCE,
  ],
  lastReviewed: "2026-11-26",
  followUps: ["pledge", "no-gift", "ita"],
  actions: [PLEDGE_ACTION],
};
