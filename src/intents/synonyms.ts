// The words residents use, grouped into concepts. Each list mixes central Thai, Isan
// (บ่ = ไม่, หยัง = อะไร, เฮ็ด = ทำ, มื้อใด๋ = วันไหน, สิ = จะ, ข่อย = ฉัน, ไส = ที่ไหน,
// จัก = กี่, แหน่ = หน่อย, ฮ้อง = ร้อง), the misspellings seen in chats (คอรัปชั่น, ปปช,
// เจตนารมย์) and English keywords. Strings are compared after normalizeThai with spaces and
// punctuation removed (so "ป.ป.ช." = "ปปช"); Thai strings under 4 characters must stand on word
// boundaries, Latin ones on Latin word edges. A RegExp runs on that compact text.
// Since issue 19 these concepts are features of the classifier (classifier/features.ts) and
// drive the old rule matcher kept for comparison. A miss in the eval is fixed with labelled
// messages and `npm run train:intents`, not by adding the missed words here (and a change
// here changes the features: retrain).

export type Term = string | RegExp;

export const CONCEPTS = {
  // ---- Subjects ------------------------------------------------------------------------
  noGift: ["ไม่รับไม่ให้", "ไม่ให้ไม่รับ", "บ่รับบ่ให้", "งดให้งดรับ", "งดรับงดให้", "no gift", "nogift policy", "โนกิฟ", "โนกิ๊ฟ", "โนกิฟท์", "ไม่รับของขวัญ", "บ่รับของขวัญ"],
  gift: ["ของขวัญ", "ของขวัน", "ของกำนัล", "กระเช้า", "ของฝาก", "ของไปฝาก", "ให้ของ", "รับของ", "เอาของ", "สินน้ำใจ", "ซองขาว", "gift", "present"],
  policy: ["นโยบาย", "policy"],
  amount: ["3000", "สามพัน", "กี่บาท", "จักบาท", "มูลค่า", "ราคา", "เกิน", "limit", "baht"],
  legal: ["กฎหมาย", "กฏหมาย", "ผิดไหม", "ผิดมั้ย", "ผิดบ่", "ผิดหรือไม่", "มีความผิด", "โทษ", "ติดคุก", "จำคุก", "รายงาน", "law", "illegal", "legal"],
  allowed: ["ได้ไหม", "ได้มั้ย", "ได้บ่", "ได้หรือไม่", "ได้เท่าไหร่", "ได้เท่าไร", "ได้แค่ไหน", "ได้ไม่เกิน", "ได้บ่เกิน", "allowed"],
  law128: ["มาตรา128", "ม128", "section 128"],
  obligation: ["ต้อง", "จำเป็น", "ควร", "must", "have to", "need to"],
  official: ["เจ้าหน้าที่", "จนท", "ข้าราชการ", "ราชการ", "ตำรวจ", "ครู", "นายก", "อบต", "อบจ", "เทศบาล", "ผู้ใหญ่บ้าน", "กำนัน", "ปลัด", "นายอำเภอ", "อำเภอ", "เจ้าพนักงาน", "officer", "official"],
  corruption: [
    "คอร์รัปชัน", "คอร์รัปชั่น", "คอรัปชัน", "คอรัปชั่น", "คอรัปชั้น", "คอร์รับชั่น", "คอรับชั่น", "corruption", "corrupt",
    "ทุจริต", "โกง", "ฉ้อโกง", "ฉ้อราษฎร์", "ยักยอก", "เบียดบัง", "ใช้ส่วนตัว", "ผลประโยชน์ทับซ้อน", "ทับซ้อน", "ฮั้ว", "เงินทอน", "กินงบ", "fraud",
  ],
  bribe: [
    "สินบน", "ใต้โต๊ะ", "น้ำร้อนน้ำชา", "หัวคิว", "ส่วย", "เรียกเงิน", "เรียกรับ", "ค่าเซ็น", "เงินพิเศษ", "ค่าดำเนินการพิเศษ", "bribe", "bribery", "kickback",
  ],
  report: ["ร้องเรียน", "ล้องเรียน", "ฮ้องเรียน", "ร้องทุกข์", "แจ้งเบาะแส", "เบาะแส", "ฟ้อง", "แฉ", "report", "complain", "complaint"],
  /** แจ้ง alone is also แจ้งเกิด/แจ้งย้าย at the district office: it means "report" only next to wrongdoing. */
  notify: ["แจ้ง", "บอก", "tell"],
  ita: ["ita", "itas", "ไอทีเอ", "iit", "eit", "oit", "ประเมินคุณธรรม", "ความโปร่งใส", "โปร่งใส", "integrity", "transparency"],
  /** The whole day's name, so "คอร์รัปชัน" inside it does not also count as a corruption question. */
  acd: [
    /(วัน|มื้อ)(ที่)?(ต่อ)?ต้าน(การ)?(คอ(ร์)?รั[ปบ]ชั่?น|ทุจริต|โกง)(สากล)?/,
    "ต่อต้านคอร์รัปชันสากล", "9ธันวา", "9ธค", "9 december", "9 dec", "anti corruption day", "anticorruption day",
  ],
  pledge: [
    "ประกาศเจตนารมณ์", "เจตนารมณ์", "เจตนารมย์", "เจตนารมน์", "เจตนาลมณ์", "ปฏิญาณ", "ปฏิญญา", "ปฎิญาณ", "ให้คำมั่น", "คำมั่น",
    "ร่วมประกาศ", "pledge", "pledged", "pledges",
  ],
  /** ประกาศผลสอบ, ลงชื่อเข้าใช้…: these mean the pledge only next to ไม่รับไม่ให้ or a count. */
  announce: ["ประกาศ", "ลงชื่อ", "ลงนาม", "sign"],
  meeting: ["ประชุม", "ประชาคม", "meeting", "meetings"],
  privacy: [
    "ข้อมูลส่วนตัว", "ข้อมูลส่วนบุคคล", "ความเป็นส่วนตัว", "เก็บข้อมูล", "เก็บเบอร์", "ข้อมูลของฉัน", "ข้อมูลของเรา", "ข้อมูลเรา",
    "ข้อมูลข่อย", "ข้อมูลผม", "privacy", "pdpa", "personal data",
  ],
  data: ["ข้อมูล", "ประวัติ", "บัญชี", "data", "account"],
  anonymity: ["ไม่ระบุตัวตน", "ไม่ระบุชื่อ", "ปิดชื่อ", "เปิดเผยตัวตน", "ว่าเป็นเรา", "ว่าเป็นข่อย", "ใครเห็น", "ปลอดภัย", "anonymous"],
  greeting: ["สวัสดี", "หวัดดี", "ดีจ้า", "ดีจ้ะ", "สบายดีบ่", "สบายดีไหม", /^ดี(ค่ะ|คะ|ครับ|คับ)$/, "hello", "hi", "hey", "sawasdee"],
  menu: ["เมนู", "menu", "help", "ช่วยเหลือ", "วิธีใช้"],
  capability: ["ทำอะไรได้บ้าง", "ช่วยอะไรได้บ้าง", "เฮ็ดหยังได้แหน่", "ใช้งานยังไง", "ใช้งานอย่างไร", "ใช้ยังไง"],

  // ---- What the person wants to do or know ----------------------------------------------
  whatIs: [
    "คืออะไร", "คือหยัง", "คืออีหยัง", "แม่นหยัง", "แม่นอีหยัง", "หมายถึง", "หมายความว่า", "แปลว่า", "ย่อมาจาก", "อะไรคือ", "ถือว่า",
    "นับเป็น", "ตัวอย่าง", "แบบไหนบ้าง", "มีอะไรบ้าง", "อะไร", "หยัง", "คือ", "ทำอะไร", "เฮ็ดหยัง", "what is", "what's", "meaning",
  ],
  how: ["ยังไง", "ยังงัย", "อย่างไร", "อย่างไง", "ทำไง", "จั่งใด๋", "จังใด๋", "จั่งได๋", "จังได๋", "แนวใด๋", "วิธี", "ขั้นตอน", "how"],
  where: ["ที่ไหน", "ทางไหน", "ไหนบ้าง", "อยู่ไหน", "ที่ใด", "อยู่ไส", "ไส", "where"],
  when: ["เมื่อไหร่", "เมื่อไร", "เมื่อใด", "วันไหน", "วันใด", "มื้อใด๋", "มื้อได๋", "มื้อไหน", "กี่โมง", "จักโมง", "ตอนไหน", "ครั้งหน้า", "ครั้งต่อไป", "คราวหน้า", "when", "next"],
  who: ["ใคร", "who"],
  benefit: ["ได้อะไร", "ประโยชน์", "ได้หยัง"],
  count: ["กี่คน", "จักคน", "กี่ราย", "จำนวน", "ยอด", "สถิติ", "เท่าไหร่แล้ว", "เท่าไรแล้ว", "stats", "statistics", "how many"],
  /** อยาก/ขอ as "I want to…", but not อยากรู้/ขอทราบ, which ask a question. */
  want: [/อยาก(?!รู้|ทราบ)/, /ขอ(?!ทราบ|บคุณ|บใจ|นแก่น)/, "ต้องการ", "สิ", "จะ", "ร่วม", "want", "would like", "take", "join"],
  phone: ["เบอร์", "เบอ", "โทร", "call", "phone", "number"],
  hotline: ["สายด่วน", "hotline", "1205", "1206", "1567"],
  agency: ["ปปช", "ปปท", "ศูนย์ดำรงธรรม", "ดำรงธรรม", "สตง", "nacc", "pacc"],
  channel: ["ช่องทาง", "channel"],
  falseReport: ["เท็จ", "ใส่ร้าย", "กลั่นแกล้ง", "false report"],
  complaintContents: ["ต้องใช้อะไร", "ต้องมีอะไร", "ใช้อะไรบ้าง", "หลักฐาน", "เอกสารอะไร"],
  track: ["ติดตาม", "สถานะ", "ถึงไหน", "ถึงไส", "คืบหน้า", "เช็ค", "เช็ก", "track", "status", "progress", "check"],
  /** A complaint that already exists: "ที่แจ้งไป…", "ตามเรื่อง", "ผลการร้องเรียน". */
  pastReport: [
    "ที่แจ้งไป", "ที่แจ้งไว้", "แจ้งไว้", "แจ้งไปแล้ว", "ที่ร้องเรียนไป", "ที่ร้องเรียน", "ร้องเรียนไว้", "ตามเรื่อง", "ผลการร้องเรียน",
    "ผลร้องเรียน", "ได้เรื่องยัง", "my complaint",
  ],
  caseWord: ["เรื่อง", "case"],
  remind: ["เตือน", "แจ้งเตือน", "remind", "reminder", "notify", "notification", "subscribe", "สมัครรับ", "บอกก่อน", "บอกแหน่", "บอกด้วย"],
  /** ลบ, and "เอา…ออก" (the span is only เอา, so it does not swallow what sits between). */
  delete: ["ลบ", /เอา(?=.{1,15}ออก)/, "delete", "remove", "erase"],
  withdrawConsent: ["ถอนความยินยอม", "ยกเลิกความยินยอม", "ไม่ยินยอม", "ยกเลิกการเก็บ", "ไม่อยากให้เก็บ", "withdraw consent"],
} satisfies Record<string, readonly Term[]>;

export type ConceptId = keyof typeof CONCEPTS;

/**
 * Words a flow step owns (answers to "ยืนยัน?", "ข้าม", a number). When a step passes one of
 * these on, the intent module must not turn it into a topic: it stays unknown.
 */
export const FLOW_WORDS: readonly string[] = [
  "เสร็จ", "เสร็จแล้ว", "ข้าม", "ยืนยัน", "ตกลง", "ใช่", "ไม่ใช่", "ไม่", "บ่", "แก้ไข", "ถัดไป", "ต่อไป", "ย้อนกลับ", "ส่ง",
  "ok", "okay", "โอเค", "yes", "no", "done", "skip", "next",
];

/** Isan and domain words ICU splits badly; kept whole by segmentThai (≥ 5 chars only matter). */
export const INTENT_PROTECTED_TERMS: readonly string[] = [
  "ฮ้องเรียน", "ล้องเรียน", "จั่งใด๋", "จังใด๋", "มื้อใด๋", "ประกาศเจตนารมณ์", "เจตนารมณ์", "เจตนารมย์", "ไอทีเอ", "สายด่วน",
  "คอร์รัปชัน", "คอร์รัปชั่น", "คอรัปชัน", "คอรัปชั่น", "ศูนย์ดำรงธรรม", "ผลประโยชน์ทับซ้อน",
];
