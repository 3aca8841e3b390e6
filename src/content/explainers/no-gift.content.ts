import type { Explainer } from "./explainer.types";
import { CABINET_8_DEC_2563_SOURCE, COMPLAINT_ACTION, KHON_KAEN_2564_SOURCE, PLEDGE_ACTION } from "./explainer-actions";

// Facts: shared/reference/thai.md §2 (cabinet resolution 8 Dec 2020, Big Rock 4,
// target 1.1 [V]; "ไม่รับ-ไม่ให้" extension by agencies [V-2nd]) and the Khon Kaen article.
export const noGiftExplainer: Explainer = {
  id: "no-gift",
  title: "นโยบายไม่รับ ไม่ให้ (No Gift Policy)",
  shortTitle: "นโยบายไม่รับ ไม่ให้",
  summary: "เจ้าหน้าที่รัฐไม่รับของขวัญจากการทำหน้าที่ ประชาชนไม่ต้องให้",
  sections: [
    {
      heading: "คืออะไร",
      body:
        "No Gift Policy คือนโยบายที่เจ้าหน้าที่ของรัฐทุกคนไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่\n" +
        "หลายหน่วยงานประกาศเป็น \"ไม่รับ ไม่ให้\" คือทั้งไม่รับและไม่ให้ของขวัญค่ะ",
    },
    {
      heading: "ใครต้องปฏิบัติ",
      body:
        "• เจ้าหน้าที่ของรัฐทุกคน\n" +
        "• หน่วยงานของรัฐประกาศเจตนารมณ์ให้ทุกคนในหน่วยงานไม่รับของขวัญจากการปฏิบัติหน้าที่",
    },
    {
      heading: "สำหรับชาวบ้าน",
      body:
        "• ติดต่อราชการ ไม่ต้องให้เงิน ของขวัญ หรือสิ่งตอบแทนใด ๆ เพื่อให้ได้รับบริการ\n" +
        "• เจ้าหน้าที่ที่เรียกรับเงินหรือสิ่งของ ถือว่าทำผิด\n" +
        "• ท่านแจ้งเรื่องร้องเรียนได้ ผ่านบอทนี้ หรือสายด่วน ป.ป.ช. 1205",
    },
    {
      heading: "ขอนแก่นร่วมขับเคลื่อน",
      body:
        "ในวันต่อต้านคอร์รัปชันสากล 9 ธ.ค. 2564 จังหวัดขอนแก่นขับเคลื่อนงานภายใต้นโยบาย \"No Gift policy ไม่รับ-ไม่ให้\" " +
        "และขอความร่วมมือกำนัน ผู้ใหญ่บ้าน จัดกิจกรรมประกาศเจตนารมณ์ในวันประชุมหมู่บ้าน",
    },
  ],
  sources: [CABINET_8_DEC_2563_SOURCE, KHON_KAEN_2564_SOURCE],
  lastReviewed: "2026-11-26",
  followUps: ["gift-law", "how-to-report", "pledge"],
  actions: [PLEDGE_ACTION, COMPLAINT_ACTION],
};
