import type { Explainer } from "./explainer.types";
import { CABINET_8_DEC_2563_SOURCE, KHON_KAEN_2564_SOURCE, PLEDGE_ACTION } from "./explainer-actions";

// The pledge is the Khon Kaen campaign's "ไม่รับ ไม่ให้" (seed article); headmen lead
// it at village meetings (same article). One pledge per person per campaign year
// is the bot's own rule (ARCHITECTURE.md, Pledge model).
export const pledgeExplainer: Explainer = {
  id: "pledge",
  title: "ประกาศเจตนารมณ์ ไม่รับ ไม่ให้",
  shortTitle: "อ่านเรื่องการประกาศ",
  summary: "ร่วมให้คำมั่นว่าจะไม่รับ และไม่ให้สินบน",
  sections: [
    {
      heading: "คืออะไร",
      body:
        "การประกาศเจตนารมณ์ คือการให้คำมั่นต่อตนเองและชุมชนว่าจะ \"ไม่รับ ไม่ให้\" " +
        "เงิน ของขวัญ หรือประโยชน์ใด ๆ เพื่อแลกกับการทำหน้าที่หรือบริการของรัฐ",
    },
    {
      heading: "ร่วมประกาศได้ง่าย ๆ",
      body:
        "1. กดปุ่ม \"ประกาศเจตนารมณ์\" ด้านล่าง\n" +
        "2. ระบุหมู่บ้านของท่าน\n" +
        "3. อ่านคำประกาศ แล้วกดยืนยัน\n" +
        "ประกาศได้คนละ 1 ครั้งต่อปีค่ะ",
    },
    {
      heading: "ในหมู่บ้าน",
      body:
        "จังหวัดขอนแก่นขอความร่วมมือกำนัน ผู้ใหญ่บ้าน นำประกาศเจตนารมณ์ในวันประชุมหมู่บ้าน " +
        "ท่านร่วมประกาศพร้อมกันในที่ประชุม หรือประกาศผ่านบอทนี้ก็ได้",
    },
  ],
  sources: [KHON_KAEN_2564_SOURCE, CABINET_8_DEC_2563_SOURCE],
  lastReviewed: "2026-11-26",
  followUps: ["no-gift", "anti-corruption-day", "privacy"],
  actions: [PLEDGE_ACTION],
};
