import type { Explainer } from "./explainer.types";
import { KHON_KAEN_2564_SOURCE } from "./explainer-actions";

// Facts: shared/reference/thai.md §4 [V]: NACC runs ITA yearly for ~8,300 agencies,
// IIT/EIT/OIT, pass mark 85, "a health check, not a measure of corruption".
// Khon Kaen's target is quoted in the article's own words ("ไม่น้อยกว่าร้อยละ 80"):
// whether it means a score or an agency pass rate is not settled [U], so we do not say.
export const itaExplainer: Explainer = {
  id: "ita",
  title: "ITA คืออะไร",
  summary: "การประเมินคุณธรรมและความโปร่งใสของหน่วยงานรัฐ ทุกปี",
  sections: [
    {
      body:
        "ITA คือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ " +
        "สำนักงาน ป.ป.ช. ประเมินทุกปี กับหน่วยงานของรัฐราว 8,300 แห่ง รวมถึง อบต. และเทศบาล",
    },
    {
      heading: "ประเมินจาก 3 ส่วน",
      body:
        "• IIT: ความเห็นของบุคลากรในหน่วยงาน\n" +
        "• EIT: ความเห็นของประชาชนและผู้มาติดต่อ\n" +
        "• OIT: ข้อมูลที่หน่วยงานเปิดเผยบนเว็บไซต์",
    },
    {
      heading: "เกณฑ์ผ่าน",
      body:
        "หน่วยงานที่ได้ 85 คะแนนขึ้นไปถือว่าผ่าน\n" +
        "ITA เป็นการตรวจสุขภาพของหน่วยงาน ไม่ได้วัดว่ามีการทุจริตเกิดขึ้นจริงหรือไม่",
    },
    {
      heading: "เป้าหมายของขอนแก่น",
      body:
        "เมื่อ 9 ธ.ค. 2564 ผู้ว่าราชการจังหวัดขอนแก่นกล่าวว่า การประเมิน ITA " +
        "\"จะต้องผ่านค่าเป้าหมายตัวชี้วัดไม่น้อยกว่าร้อยละ 80\" " +
        "และให้มีคณะทำงานสนับสนุน ITA ของ อปท. ทั้ง 26 อำเภอ",
    },
    {
      heading: "ท่านช่วยได้",
      body: "หากได้รับการติดต่อให้ตอบแบบสำรวจ EIT ของหน่วยงานที่ท่านเคยไปติดต่อ โปรดตอบตามความจริงค่ะ",
    },
  ],
  sources: [
    { label: "สำนักงาน ป.ป.ช.", detail: "ระบบ ITAS (itas.nacc.go.th)" },
    { label: "สำนักงานส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม (สสว.)", detail: "รายงานประจำปี 2565 หัวข้อ ITA" },
    KHON_KAEN_2564_SOURCE,
  ],
  lastReviewed: "2026-11-26",
  followUps: ["no-gift", "anti-corruption-day", "how-to-report"],
};
