import type { Explainer } from "./explainer.types";
import { DELETE_MY_DATA_ACTION, MUTE_ANNOUNCEMENTS_ACTION, UNMUTE_ANNOUNCEMENTS_ACTION } from "./explainer-actions";

// What Sujarit stores and why (ARCHITECTURE.md data model: Member, Pledge, Complaint
// with reporter identity encrypted by DATA_ENCRYPTION_KEY, AuditLog of identity views).
// The deletion keyword "ลบข้อมูลของฉัน" and postback a=privacy.delete are the router's.
export const privacyExplainer: Explainer = {
  id: "privacy",
  title: "ข้อมูลของท่านในสุจริต",
  shortTitle: "ข้อมูลส่วนบุคคล",
  summary: "เราเก็บข้อมูลอะไร เพื่ออะไร และขอลบได้อย่างไร",
  sections: [
    {
      heading: "ข้อมูลที่เก็บ",
      body:
        "• รหัสผู้ใช้ LINE\n" +
        "• ชื่อที่แสดงใน LINE (หากท่านอนุญาต)\n" +
        "• หมู่บ้านของท่าน\n" +
        "• การประกาศเจตนารมณ์\n" +
        "• เรื่องร้องเรียนที่ท่านแจ้ง",
    },
    {
      heading: "เก็บไว้เพื่อ",
      body:
        "• บันทึกการประกาศเจตนารมณ์ของท่าน\n" +
        "• ส่งเรื่องร้องเรียนให้เจ้าหน้าที่ และแจ้งความคืบหน้าให้ท่าน\n" +
        "• แจ้งเตือนการประชุมหมู่บ้าน และประกาศจากอำเภอหรือจังหวัด",
    },
    {
      heading: "การคุ้มครองผู้ร้องเรียน",
      body:
        "• ข้อมูลตัวตนของผู้ร้องเรียนถูกเข้ารหัสก่อนจัดเก็บ\n" +
        "• หากเลือกไม่ระบุชื่อ เจ้าหน้าที่จะไม่เห็นตัวตนของท่าน\n" +
        "• ทุกครั้งที่เจ้าหน้าที่เปิดดูตัวตนผู้ร้องเรียน ระบบจะบันทึกไว้",
    },
    {
      heading: "ประกาศจากอำเภอและจังหวัด",
      body: "พิมพ์ \"ปิดการแจ้งข่าว\" เพื่องดรับประกาศ หรือ \"เปิดการแจ้งข่าว\" เพื่อรับอีกครั้ง การแจ้งเตือนการประชุมหมู่บ้านไม่เปลี่ยนค่ะ",
    },
    {
      heading: "ขอลบข้อมูล",
      body: "พิมพ์ \"ลบข้อมูลของฉัน\" หรือกดปุ่มด้านล่างได้ทุกเมื่อค่ะ",
    },
  ],
  sources: [
    { label: "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562" },
    { label: "การออกแบบระบบสุจริต", detail: "ข้อมูลที่จัดเก็บ การเข้ารหัส และบันทึกการเข้าถึง" },
  ],
  lastReviewed: "2026-11-26",
  followUps: ["how-to-report", "pledge", "no-gift"],
  actions: [DELETE_MY_DATA_ACTION, MUTE_ANNOUNCEMENTS_ACTION, UNMUTE_ANNOUNCEMENTS_ACTION],
};
