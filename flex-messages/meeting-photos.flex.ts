import type { messagingApi } from "@line/bot-sdk";
import { complaintPrompt, type ComplaintQuickItem } from "./complaint-prompts.flex";

// After a headman reports a meeting's numbers: photos of the activity, taken with the
// camera or picked from the camera roll (quick replies, as in the complaint flow).
export const PHOTOS_DONE_WORD = "เสร็จสิ้น";
export const NO_PHOTOS_WORD = "ไม่มีรูป";

/** A polite text with the photo chips: camera and album while fewer than `max`, then done. */
export function meetingPhotosPrompt(text: string, count: number, max: number): messagingApi.TextMessage {
  const items: ComplaintQuickItem[] = [];
  if (count < max) items.push({ kind: "camera", label: "ถ่ายรูป" }, { kind: "cameraRoll", label: "เลือกจากอัลบั้ม" });
  items.push({ label: PHOTOS_DONE_WORD, text: PHOTOS_DONE_WORD });
  if (count === 0) items.push({ label: NO_PHOTOS_WORD, text: NO_PHOTOS_WORD });
  return complaintPrompt(text, items);
}

/** The question after the counts are saved. */
export function askMeetingPhotosText(count: number, max: number): string {
  const has = count > 0 ? `รายงานนี้มีรูปแล้ว ${count}/${max} รูป ` : "";
  return (
    `${has}ท่านส่งรูปกิจกรรมการประชุมได้สูงสุด ${max} รูป เพื่อใช้เป็นหลักฐานกิจกรรม "ไม่รับ ไม่ให้" ` +
    `ถ่ายใหม่หรือเลือกจากอัลบั้มได้เลยค่ะ ส่งครบแล้วแตะ "${PHOTOS_DONE_WORD}" ถ้าไม่มีรูป แตะ "${NO_PHOTOS_WORD}" ค่ะ`
  );
}
