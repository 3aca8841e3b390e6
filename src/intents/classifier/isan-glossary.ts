// Isan (north-eastern Thai) words → their central Thai words, from general knowledge of the
// dialect (the issue names เฮ็ด, บ่, สิ, แม่น, อีหยัง, จั่งใด๋), not from the corpus. A message
// keeps its own words and also gets the central word's feature, so an Isan question shares
// features with the same question in central Thai. Keys are words as Intl.Segmenter splits them.
const GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  บ่: ["ไม่"], สิ: ["จะ"], เฮ็ด: ["ทำ"], แม่น: ["ใช่"], หยัง: ["อะไร"], อีหยัง: ["อะไร"], จั่งใด๋: ["ยังไง"],
  จังใด๋: ["ยังไง"], จั่งได๋: ["ยังไง"], ใด๋: ["ไหน"], ได๋: ["ไหน"], ไส: ["ที่ไหน"], ไผ: ["ใคร"], มื้อ: ["วัน"],
  มื้อใด๋: ["วันไหน"], ข่อย: ["ฉัน"], เฮา: ["เรา"], เจ้า: ["คุณ"], เพิ่น: ["เขา"], เว้า: ["พูด"], ฮู้: ["รู้"],
  ฮับ: ["รับ"], ฮ้อง: ["ร้อง"], ฮ้องเรียน: ["ร้องเรียน"], ฮ่วม: ["ร่วม"], ย้าน: ["กลัว"], คัก: ["ดี"], หลาย: ["มาก"],
  จัก: ["กี่"], แหน่: ["หน่อย"], แน: ["บ้าง"], นำ: ["ด้วย"], เบิ่ง: ["ดู"], ส่ำใด๋: ["เท่าไหร่"], ซำใด๋: ["เท่าไหร่"],
  ปานใด๋: ["แค่ไหน"], กะ: ["ก็"], โตนี้: ["อันนี้"], อีหลี: ["จริง"], บักหล่า: ["เด็ก"], ผญบ: ["ผู้ใหญ่บ้าน"],
  เซา: ["หยุด"], ซอก: ["หา"], ถืกต้อง: ["ถูกต้อง"], ถืก: ["ถูก"],
};

export const ISAN_GLOSSARY: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(GLOSSARY));
