import type { messagingApi } from "@line/bot-sdk";
import { MAX_QUICK_REPLY_ITEMS, postbackData, quickReplies, truncateText, type QuickReplyItem } from "./components.flex";
import { MAX_TEXT_LENGTH } from "../src/line/limits";

// The questions of the complaint flow, as plain text messages with quick replies.
// Besides postback and message chips, a step may offer LINE's camera, camera-roll,
// location and date-picker actions, which are allowed only in quick replies (the
// location action is quick-reply-only; labels ≤ 20: line.md §2.5 "Quick reply").
export type ComplaintQuickItem =
  | QuickReplyItem
  | { kind: "camera"; label: string }
  | { kind: "cameraRoll"; label: string }
  | { kind: "location"; label: string }
  | { kind: "date"; label: string; data: string; initial: string; min: string; max: string };

const LABEL = 20;

function toItem(item: ComplaintQuickItem): messagingApi.QuickReplyItem {
  if (!("kind" in item)) return quickReplies([item]).items![0]!;
  const label = truncateText(item.label, LABEL);
  if (item.kind === "date") {
    const action: messagingApi.DatetimePickerAction = { type: "datetimepicker", label, data: item.data, mode: "date", initial: item.initial, min: item.min, max: item.max };
    return { type: "action", action };
  }
  return { type: "action", action: { type: item.kind, label } as messagingApi.Action };
}

export function complaintQuickReply(items: readonly ComplaintQuickItem[]): messagingApi.QuickReply {
  return { items: items.slice(0, MAX_QUICK_REPLY_ITEMS).map(toItem) };
}

/** A polite text (≤ 5000) with the step's chips. */
export function complaintPrompt(text: string, items: readonly ComplaintQuickItem[] = []): messagingApi.TextMessage {
  const m: messagingApi.TextMessage = { type: "text", text: truncateText(text, MAX_TEXT_LENGTH) };
  if (items.length > 0) m.quickReply = complaintQuickReply(items);
  return m;
}

export const DONE_WORD = "เสร็จ";
export const SKIP_WORD = "ข้าม";
export const UNSURE_WORD = "ไม่แน่ใจ";
export const UNKNOWN_WORD = "ไม่ทราบ";
export const NEXT_WORD = "ถัดไป";
export const RESUME_WORD = "ทำรายการต่อ";
const CANCEL_CHIP: QuickReplyItem = { label: "ยกเลิก", text: "ยกเลิก" };

export function whatPrompt(editing: boolean): messagingApi.TextMessage {
  const lead = editing ? "พิมพ์เล่าเหตุการณ์ใหม่ได้เลยค่ะ (ข้อความเดิมถูกล้างแล้ว)" : "เล่าเหตุการณ์ที่พบได้เลยค่ะ";
  return complaintPrompt(
    `${lead}\nเกิดอะไรขึ้น ใครทำอะไร มีเงินหรือสิ่งของเท่าไร มีใครเห็นเหตุการณ์บ้าง\n` +
      `พิมพ์ได้หลายข้อความ รวมไม่เกิน 5,000 ตัวอักษร เล่าครบแล้วแตะ "${DONE_WORD}" ค่ะ`,
    [CANCEL_CHIP],
  );
}

export function whatProgress(chars: number, max: number): messagingApi.TextMessage {
  return complaintPrompt(`รับข้อความแล้วค่ะ (${chars.toLocaleString("en-US")}/${max.toLocaleString("en-US")} ตัวอักษร) เล่าต่อได้เลย หรือแตะ "${DONE_WORD}" เมื่อครบแล้วค่ะ`, [
    { label: DONE_WORD, text: DONE_WORD },
    CANCEL_CHIP,
  ]);
}

export function whoPrompt(): messagingApi.TextMessage {
  return complaintPrompt(
    "ผู้ที่เกี่ยวข้องคือใคร ตำแหน่งอะไร สังกัดหน่วยงานไหนคะ (เช่น \"เจ้าหน้าที่การเงิน อบต.บ้านเป็ด\")\n" +
      "ข้อมูลนี้ช่วยให้ส่งเรื่องถึงผู้ที่ตรวจสอบได้ถูกต้อง และไม่ส่งกลับไปที่หน่วยงานของผู้ถูกร้องเองค่ะ ถ้าไม่ทราบ แตะ \"ข้าม\" ได้",
    [{ label: SKIP_WORD, text: SKIP_WORD }, CANCEL_CHIP],
  );
}

export interface WherePromptInput {
  /** "หมู่ 5 ต.บ้านเป็ด อ.เมืองขอนแก่น" when the member registered a village. */
  myVillage?: string;
  /** A location was shared but its district is not known yet. */
  afterLocation?: boolean;
}

export function wherePrompt(input: WherePromptInput): messagingApi.TextMessage {
  const text = input.afterLocation
    ? "ได้รับตำแหน่งแล้วค่ะ ช่วยพิมพ์ชื่ออำเภอด้วยนะคะ เพื่อส่งเรื่องถึงเจ้าหน้าที่ที่ถูกต้อง ถ้าไม่ทราบ แตะ \"ไม่ทราบ\" ได้ค่ะ"
    : "เหตุการณ์เกิดขึ้นที่ไหนคะ พิมพ์ชื่ออำเภอ (เช่น \"ชุมแพ\") แตะ \"ส่งตำแหน่ง\" หรือเลือกจากรายชื่ออำเภอได้ค่ะ";
  const items: ComplaintQuickItem[] = [];
  if (!input.afterLocation) items.push({ kind: "location", label: "ส่งตำแหน่ง" });
  if (input.myVillage) items.push({ label: "หมู่บ้านของฉัน", postback: postbackData("complaint.myVillage"), displayText: input.myVillage });
  items.push({ label: "รายชื่ออำเภอ", postback: postbackData("complaint.districts"), displayText: "ขอดูรายชื่ออำเภอ" });
  items.push({ label: UNKNOWN_WORD, text: UNKNOWN_WORD }, CANCEL_CHIP);
  return complaintPrompt(text, items);
}

export interface PlaceChoice {
  code: string;
  nameTh: string;
}

/** "Did you mean …?" for a fuzzy or ambiguous district name. */
export function districtChoicePrompt(choices: readonly PlaceChoice[]): messagingApi.TextMessage {
  const items: ComplaintQuickItem[] = choices.slice(0, 11).map((d) => ({
    label: `อ.${d.nameTh}`,
    postback: postbackData("complaint.district", { d: d.code }),
    displayText: `อำเภอ${d.nameTh}`,
  }));
  const text = choices.length === 1 ? `หมายถึงอำเภอ${choices[0]!.nameTh} ใช่ไหมคะ แตะเพื่อยืนยัน หรือพิมพ์ชื่ออำเภออีกครั้งค่ะ` : "หมายถึงอำเภอไหนคะ แตะเลือกได้เลยค่ะ";
  return complaintPrompt(text, [...items, CANCEL_CHIP]);
}

export function districtNotFoundPrompt(): messagingApi.TextMessage {
  return complaintPrompt("ไม่พบชื่ออำเภอนี้ในจังหวัดขอนแก่นค่ะ ลองพิมพ์อีกครั้ง เลือกจากรายชื่ออำเภอ หรือแตะ \"ไม่ทราบ\" ได้ค่ะ", [
    { label: "รายชื่ออำเภอ", postback: postbackData("complaint.districts"), displayText: "ขอดูรายชื่ออำเภอ" },
    { label: UNKNOWN_WORD, text: UNKNOWN_WORD },
    CANCEL_CHIP,
  ]);
}

/** Tambons as chips when they fit (≤ 11), else typed; "ข้าม" always. */
export function tambonPrompt(districtName: string, tambons: readonly PlaceChoice[], retry = false): messagingApi.TextMessage {
  const chips: ComplaintQuickItem[] =
    tambons.length <= 11
      ? tambons.map((t) => ({ label: `ต.${t.nameTh}`, postback: postbackData("complaint.tambon", { t: t.code }), displayText: `ตำบล${t.nameTh}` }))
      : [];
  const lead = retry ? `ไม่พบตำบลนี้ในอำเภอ${districtName}ค่ะ` : `อำเภอ${districtName} ตำบลอะไรคะ`;
  const how = chips.length > 0 ? "แตะเลือก หรือพิมพ์ชื่อตำบล" : "พิมพ์ชื่อตำบล";
  return complaintPrompt(`${lead} ${how} ถ้าไม่ทราบ แตะ "ข้าม" ได้ค่ะ`, [...chips, { label: SKIP_WORD, text: SKIP_WORD }]);
}

export function villagePrompt(retry = false): messagingApi.TextMessage {
  const lead = retry ? "ขออภัยค่ะ ไม่เข้าใจเลขหมู่ที่ " : "";
  return complaintPrompt(`${lead}หมู่ที่เท่าไรคะ พิมพ์ตัวเลข เช่น 5 ถ้าไม่ทราบ แตะ "ข้าม" ได้ค่ะ`, [{ label: SKIP_WORD, text: SKIP_WORD }, CANCEL_CHIP]);
}

export interface WhenPromptInput {
  /** Bangkok dates "YYYY-MM-DD" for the picker. */
  today: string;
  earliest: string;
  retry?: boolean;
}

export function whenPrompt(input: WhenPromptInput): messagingApi.TextMessage {
  const lead = input.retry ? "วันที่นี้ยังไม่ได้เกิดขึ้นค่ะ " : "";
  return complaintPrompt(
    `${lead}เหตุการณ์เกิดขึ้นเมื่อไรคะ แตะ "เลือกวันที่" หรือพิมพ์ช่วงเวลาคร่าว ๆ (เช่น "ต้นเดือนที่แล้ว") ถ้าจำไม่ได้ แตะ "${UNSURE_WORD}" ค่ะ`,
    [
      { kind: "date", label: "เลือกวันที่", data: postbackData("complaint.when"), initial: input.today, min: input.earliest, max: input.today },
      { label: UNSURE_WORD, text: UNSURE_WORD },
      CANCEL_CHIP,
    ],
  );
}

export function evidencePrompt(count: number, max: number): messagingApi.TextMessage {
  const has = count > 0 ? `ตอนนี้มี ${count}/${max} รูป ` : "";
  const text =
    `${has}มีรูปถ่ายหลักฐานไหมคะ เช่น เอกสาร ใบเสร็จ หรือสถานที่ ส่งได้สูงสุด ${max} รูป ` +
    `ถ่ายใหม่หรือเลือกจากอัลบั้มได้เลย ส่งครบแล้วแตะ "${NEXT_WORD}" ถ้าไม่มี แตะ "${NEXT_WORD}" ได้เลยค่ะ\n` +
    "ถ้ามีวิดีโอ ไฟล์ หรือพยานบุคคล ให้เล่าไว้ในรายละเอียด เจ้าหน้าที่อาจติดต่อขอภายหลังค่ะ";
  const items: ComplaintQuickItem[] = [];
  if (count < max) items.push({ kind: "camera", label: "ถ่ายรูป" }, { kind: "cameraRoll", label: "เลือกจากอัลบั้ม" });
  items.push({ label: NEXT_WORD, text: NEXT_WORD });
  if (count > 0) items.push({ label: "ลบรูปทั้งหมด", postback: postbackData("complaint.clearPhotos"), displayText: "ลบรูปทั้งหมด" });
  items.push(CANCEL_CHIP);
  return complaintPrompt(text, items);
}

/** The short answer to a photo at the evidence step: "ได้รับรูปที่ 2/5 แล้วค่ะ", then more or next. */
export function photoReceivedPrompt(count: number, max: number, received = 1): messagingApi.TextMessage {
  const what = received > 1 ? `ได้รับ ${received} รูปแล้วค่ะ (มี ${count}/${max} รูป)` : `ได้รับรูปที่ ${count}/${max} แล้วค่ะ`;
  const items: ComplaintQuickItem[] = [];
  if (count < max) items.push({ kind: "cameraRoll", label: "ส่งรูปเพิ่ม" }, { kind: "camera", label: "ถ่ายรูป" });
  items.push({ label: NEXT_WORD, text: NEXT_WORD }, CANCEL_CHIP);
  return complaintPrompt(count < max ? what : `${what} ครบจำนวนแล้ว แตะ "${NEXT_WORD}" ได้เลยค่ะ`, items);
}

export function identityPrompt(): messagingApi.TextMessage {
  return complaintPrompt(
    "ต้องการเปิดเผยตัวตนไหมคะ\n" +
      "• ไม่เปิดเผยตัวตน: เจ้าหน้าที่จะไม่เห็นชื่อหรือบัญชี LINE ของท่าน แต่ท่านยังได้รับแจ้งความคืบหน้าทาง LINE นี้\n" +
      "• เปิดเผยชื่อ: เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาตเห็นชื่อและเบอร์โทร เพื่อโทรถามข้อมูลเพิ่ม ซึ่งช่วยให้ตรวจสอบได้เร็วขึ้น " +
      "เรื่องที่ไม่ระบุผู้แจ้งอาจตรวจสอบได้ยากขึ้นหากข้อมูลไม่พอค่ะ",
    [
      { label: "ไม่เปิดเผยตัวตน", postback: postbackData("complaint.identity", { v: "anonymous" }), displayText: "ไม่เปิดเผยตัวตน" },
      { label: "เปิดเผยชื่อ", postback: postbackData("complaint.identity", { v: "named" }), displayText: "เปิดเผยชื่อ" },
      CANCEL_CHIP,
    ],
  );
}

export function namePrompt(): messagingApi.TextMessage {
  return complaintPrompt("กรุณาพิมพ์ชื่อ-นามสกุลของท่านค่ะ (ข้อมูลนี้ถูกเข้ารหัสไว้)", [CANCEL_CHIP]);
}

export function phonePrompt(retry = false): messagingApi.TextMessage {
  const lead = retry ? "เบอร์โทรนี้ไม่ถูกต้องค่ะ " : "";
  return complaintPrompt(`${lead}กรุณาพิมพ์เบอร์โทรศัพท์ที่ติดต่อได้ค่ะ เช่น 0812345678 หรือ 043123456`, [CANCEL_CHIP]);
}
