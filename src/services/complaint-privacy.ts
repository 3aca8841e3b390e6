import { registerDeletionHook, type DeletionSubject } from "./privacy.service";
import { eraseReporterLinks } from "./complaint.service";

// The complaint part of "ลบข้อมูลของฉัน": the member's link to their complaints
// (blind index and sealed LINE id) is removed, and the cases stay. A complaint
// about an official is evidence of possible wrongdoing, so it is kept for the
// officers, and the deletion reply says so.
export const COMPLAINT_DELETION_NOTE =
  "เรื่องร้องเรียนที่ท่านแจ้งไว้ไม่ถูกลบ เพราะเป็นหลักฐานการตรวจสอบเจ้าหน้าที่รัฐ แต่ตัดการเชื่อมโยงกับบัญชี LINE ของท่านแล้ว " +
  "จึงจะไม่ได้รับแจ้งความคืบหน้าทาง LINE อีก (ยังติดตามด้วยรหัสติดตามเรื่องได้ค่ะ)";

export async function deleteComplaintLinks(subject: DeletionSubject): Promise<string | void> {
  const unlinked = await eraseReporterLinks(subject.sealer, subject.lineUserId, subject.at);
  return unlinked > 0 ? COMPLAINT_DELETION_NOTE : undefined;
}

registerDeletionHook(deleteComplaintLinks, "complaints");
