import { NotFoundError, RateLimitError } from "../errors";
import { AuditLog } from "../models/audit-log.model";
import { Complaint, type ComplaintDoc } from "../models/complaint.model";
import type { Sealer } from "../security/sealer";
import type { ComplaintDeps } from "./complaint.service";
import { countTrackingMiss, trackingPaused } from "./complaint-track-limit";

// The reporter finding their cases: by tracking code, by draft, and "my reports".
// Each is one query on a declared index (complaint.model.ts; test/unit/models/query-shapes.test.ts).
const MISS_LIMIT_TEXT = "ขออภัยค่ะ มีการลองรหัสติดตามที่ไม่ถูกต้องหลายครั้งเกินไป เพื่อความปลอดภัยของผู้แจ้ง กรุณารอ 1–2 ชั่วโมงแล้วลองใหม่นะคะ";
export const NOT_FOUND_TEXT = "ไม่พบเรื่องที่ใช้รหัสนี้ค่ะ กรุณาตรวจสอบรหัสติดตามอีกครั้ง (เช่น KK-7F3-Q9M-2XA) หรือพิมพ์ \"ติดตามเรื่อง\" เพื่อดูรายการเรื่องของท่านค่ะ";

/** The case with this canonical code (unique index on trackingCode). */
function findByCode(code: string): Promise<ComplaintDoc | null> {
  return Complaint.findOne({ trackingCode: code });
}

/** The reporter's own complaint for a draft id (a late second tap on "confirm"). */
export async function findOwnComplaintByDraft(sealer: Sealer, lineUserId: string, draftId: string): Promise<ComplaintDoc | null> {
  return Complaint.findOne({ draftId: String(draftId), reporterIndex: sealer.blindIndex(lineUserId) });
}

/** The reporter's own complaint by its tracking code (for replies). */
export async function findOwnComplaintByCode(deps: Pick<ComplaintDeps, "sealer">, lineUserId: string, code: string): Promise<ComplaintDoc | null> {
  const c = await findByCode(String(code));
  return c && c.reporterIndex === deps.sealer.blindIndex(lineUserId) ? c : null;
}

/** "ติดตามเรื่อง" without a code: the reporter's latest complaints, newest first. */
export async function listOwnComplaints(deps: Pick<ComplaintDeps, "sealer">, lineUserId: string, limit = 10): Promise<ComplaintDoc[]> {
  return Complaint.find({ reporterIndex: deps.sealer.blindIndex(lineUserId) }).sort({ submittedAt: -1 }).limit(limit);
}

export interface TrackedComplaint {
  complaint: ComplaintDoc;
  /** The asker filed it: they see the thread and may reply. Others with the code see the status only. */
  isOwner: boolean;
}

/**
 * A complaint by its tracking code (already canonical: parseTrackingCode). Misses
 * are written to the audit log and counted per reporter, so guessing pauses after
 * MAX_TRACKING_MISSES_PER_HOUR wrong codes.
 */
export async function trackComplaint(deps: ComplaintDeps, lineUserId: string, code: string): Promise<TrackedComplaint> {
  const idx = deps.sealer.blindIndex(lineUserId);
  const now = deps.now();
  if (await trackingPaused(idx, now)) throw new RateLimitError("too many wrong tracking codes", MISS_LIMIT_TEXT);
  const complaint = await findByCode(String(code));
  if (!complaint) {
    await Promise.all([countTrackingMiss(idx, now), AuditLog.create({ at: now, actor: { kind: "reporter", id: idx }, action: "complaint.track_miss" })]);
    throw new NotFoundError("no complaint with this code", NOT_FOUND_TEXT);
  }
  return { complaint, isOwner: complaint.reporterIndex === idx };
}
