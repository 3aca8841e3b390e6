import type { Sealer } from "../security/sealer";
import { registerDeletionHook, type DeletionSubject } from "./privacy.service";
import { eraseReporterLinks } from "./complaint.service";

// The complaint part of "ลบข้อมูลของฉัน": the member's link to their complaints
// (blind index and sealed LINE id) is removed, the cases stay. A complaint about
// an official is evidence of possible wrongdoing, so it is kept for the officers,
// and the reporter is told so in the deletion reply.
//
// The blind index needs the sealer (DATA_ENCRYPTION_KEY), which DeletionSubject
// does not carry yet. Until it does (`subject.sealer`), the complaint handlers bind
// the runtime's sealer here on every complaint event; a deletion with no sealer
// bound fails loudly rather than silently keeping the link.
let boundSealer: Sealer | undefined;

export function bindComplaintSealer(sealer: Sealer): void {
  boundSealer = sealer;
}

export const COMPLAINT_DELETION_NOTE =
  "เรื่องร้องเรียนที่ท่านแจ้งไว้ไม่ถูกลบ เพราะเป็นหลักฐานการตรวจสอบเจ้าหน้าที่รัฐ แต่ตัดการเชื่อมโยงกับบัญชี LINE ของท่านแล้ว " +
  "จึงจะไม่ได้รับแจ้งความคืบหน้าทาง LINE อีก (ติดตามด้วยรหัสติดตามเรื่องได้ค่ะ)";

export async function deleteComplaintLinks(subject: DeletionSubject): Promise<string | void> {
  const sealer = (subject as DeletionSubject & { sealer?: Sealer }).sealer ?? boundSealer;
  if (!sealer) throw new Error("complaint deletion hook: no sealer bound (pass subject.sealer)");
  const unlinked = await eraseReporterLinks(sealer, subject.lineUserId, subject.at);
  return unlinked > 0 ? COMPLAINT_DELETION_NOTE : undefined;
}

registerDeletionHook(deleteComplaintLinks, "complaints");
