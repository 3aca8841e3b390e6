// A small English (and romanised Thai) → Thai glossary, written from general knowledge of
// the bot's topics, not from the corpus. The classifier learns mostly from Thai messages; an
// English word also gets the feature of its Thai word, so "how do I report bribery" shares
// features with "แจ้งสินบนยังไง". Keys are lower-case words; values are Thai words as
// Intl.Segmenter splits them.
const GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  // question words
  what: ["อะไร"], whats: ["อะไร"], how: ["ยังไง"], when: ["เมื่อไหร่"], where: ["ที่ไหน"], who: ["ใคร"], why: ["ทำไม"],
  which: ["ไหน"], can: ["ได้"], may: ["ได้"], allowed: ["ได้"], ok: ["ได้"], much: ["เท่าไหร่"], many: ["กี่"],
  mean: ["หมายถึง"], meaning: ["หมายถึง"], means: ["หมายถึง"], explain: ["อธิบาย"], is: ["คือ"],
  // people and places
  official: ["เจ้าหน้าที่"], officials: ["เจ้าหน้าที่"], officer: ["เจ้าหน้าที่"], officers: ["เจ้าหน้าที่"], staff: ["เจ้าหน้าที่"],
  police: ["ตำรวจ"], teacher: ["ครู"], teachers: ["ครู"], nurse: ["พยาบาล"], doctor: ["หมอ"], headman: ["ผู้ใหญ่บ้าน"],
  village: ["หมู่บ้าน"], villages: ["หมู่บ้าน"], district: ["อำเภอ"], province: ["จังหวัด"], subdistrict: ["ตำบล"],
  government: ["ราชการ"], mayor: ["นายก"], office: ["สำนักงาน"], agency: ["หน่วยงาน"], agencies: ["หน่วยงาน"],
  // gifts and money
  gift: ["ของขวัญ"], gifts: ["ของขวัญ"], present: ["ของขวัญ"], presents: ["ของขวัญ"], basket: ["กระเช้า"], baskets: ["กระเช้า"],
  give: ["ให้"], giving: ["ให้"], accept: ["รับ"], accepting: ["รับ"], receive: ["รับ"], take: ["รับ"], money: ["เงิน"], cash: ["เงิน"],
  baht: ["บาท"], value: ["มูลค่า"], worth: ["มูลค่า"], limit: ["เกิน"], over: ["เกิน"], law: ["กฎหมาย"], legal: ["กฎหมาย"],
  illegal: ["ผิด", "กฎหมาย"], penalty: ["โทษ"], punishment: ["โทษ"], jail: ["ติดคุก"], relative: ["ญาติ"], relatives: ["ญาติ"],
  policy: ["นโยบาย"], campaign: ["นโยบาย"], rule: ["กฎ"], rules: ["กฎ"],
  // wrongdoing
  corruption: ["ทุจริต"], corrupt: ["ทุจริต"], fraud: ["โกง"], cheat: ["โกง"], cheating: ["โกง"], cheated: ["โกง"], scam: ["โกง"],
  bribe: ["สินบน"], bribes: ["สินบน"], bribery: ["สินบน"], kickback: ["เงินทอน"], kickbacks: ["เงินทอน"], embezzle: ["ยักยอก"],
  embezzled: ["ยักยอก"], stole: ["ขโมย"], stolen: ["ขโมย"], steal: ["ขโมย"], rigged: ["ฮั้ว"], rigging: ["ฮั้ว"], bid: ["ประมูล"],
  bidding: ["ประมูล"], tender: ["ประมูล"], procurement: ["จัดซื้อจัดจ้าง"], contract: ["สัญญา"], contractor: ["ผู้รับเหมา"],
  budget: ["งบประมาณ"], fund: ["กองทุน"], funds: ["กองทุน"], road: ["ถนน"], project: ["โครงการ"], fake: ["ปลอม"], ghost: ["ผี"],
  demanded: ["เรียก", "เงิน"], demand: ["เรียก", "เงิน"], asked: ["เรียก"], pay: ["จ่าย"], paid: ["จ่าย"], tea: ["น้ำชา"],
  conflict: ["ทับซ้อน"], interest: ["ผลประโยชน์"], abuse: ["อำนาจ"], power: ["อำนาจ"],
  // reporting and tracking
  report: ["ร้องเรียน"], reports: ["ร้องเรียน"], reporting: ["ร้องเรียน"], complain: ["ร้องเรียน"], complaint: ["ร้องเรียน"],
  complaints: ["ร้องเรียน"], file: ["แจ้ง"], tip: ["เบาะแส"], hotline: ["สายด่วน"], phone: ["เบอร์"], number: ["เบอร์"], call: ["โทร"],
  evidence: ["หลักฐาน"], proof: ["หลักฐาน"], photo: ["รูป"], photos: ["รูป"], safe: ["ปลอดภัย"], channel: ["ช่องทาง"], channels: ["ช่องทาง"],
  status: ["สถานะ"], track: ["ติดตาม"], tracking: ["ติดตาม"], progress: ["ความคืบหน้า"], update: ["ความคืบหน้า"], case: ["เรื่อง"],
  code: ["รหัส"], reply: ["ตอบ"], already: ["แล้ว"], filed: ["แจ้ง", "แล้ว"], submitted: ["แจ้ง", "แล้ว"], want: ["อยาก"], need: ["อยาก"],
  // pledge, meetings, counts
  pledge: ["ประกาศเจตนารมณ์"], pledges: ["ประกาศเจตนารมณ์"], pledged: ["ประกาศเจตนารมณ์"], promise: ["คำมั่น"], oath: ["ปฏิญาณ"],
  sign: ["ลงชื่อ"], signup: ["ลงชื่อ"], register: ["ลงชื่อ"], subscribe: ["เตือน"], anticorruption: ["ต้าน", "ทุจริต"], join: ["ร่วม"], count: ["นับ"], total: ["ทั้งหมด"], people: ["คน"], percent: ["เปอร์เซ็นต์"], ranking: ["อันดับ"],
  rank: ["อันดับ"], stats: ["สถิติ"], statistics: ["สถิติ"], so: [], far: [],
  meeting: ["ประชุม"], meetings: ["ประชุม"], next: ["ครั้งหน้า"], remind: ["เตือน"], reminder: ["เตือน"], reminders: ["เตือน"],
  notify: ["แจ้งเตือน"], notification: ["แจ้งเตือน"], notifications: ["แจ้งเตือน"], alert: ["แจ้งเตือน"],
  // data and privacy
  data: ["ข้อมูล"], info: ["ข้อมูล"], information: ["ข้อมูล"], personal: ["ส่วนตัว"], privacy: ["ความเป็นส่วนตัว"],
  anonymous: ["ไม่ระบุตัวตน"], anonymously: ["ไม่ระบุตัวตน"], name: ["ชื่อ"], hidden: ["ปิด", "ชื่อ"], secret: ["ความลับ"],
  delete: ["ลบ"], remove: ["ลบ"], erase: ["ลบ"], forget: ["ลบ"], unsubscribe: ["ยกเลิก"], stop: ["หยุด"], keep: ["เก็บ"], store: ["เก็บ"],
  // the bot, greetings
  menu: ["เมนู"], help: ["ช่วย"], use: ["ใช้"], bot: ["บอท"], features: ["เมนู"], options: ["เมนู"],
  hello: ["สวัสดี"], hi: ["สวัสดี"], hey: ["สวัสดี"], morning: ["สวัสดี"], thanks: ["ขอบคุณ"], thank: ["ขอบคุณ"],
  // campaign names
  ita: ["ita"], day: ["วัน"], international: ["สากล"], december: ["ธันวาคม"], dec: ["ธันวาคม"],
  // common romanised Thai
  mai: ["ไม่"], rub: ["รับ"], hai: ["ให้"], arai: ["อะไร"], yangngai: ["ยังไง"], sawasdee: ["สวัสดี"], sawatdee: ["สวัสดี"],
  sawadee: ["สวัสดี"], sabaidee: ["สบายดี"], khop: ["ขอบ"], khun: ["คุณ"], pai: ["ไป"], tham: ["ทำ"], dai: ["ได้"],
  tessaban: ["เทศบาล"], amphoe: ["อำเภอ"], tambon: ["ตำบล"], moo: ["หมู่"], phuyaiban: ["ผู้ใหญ่บ้าน"], kamnan: ["กำนัน"],
};

export const ENGLISH_GLOSSARY: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(GLOSSARY));
