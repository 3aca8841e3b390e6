import { Types } from "mongoose";
import { NotFoundError, ValidationError } from "../errors";
import type { LineClient } from "../line/line-client";
import { AuditLog } from "../models/audit-log.model";
import { MeetingReport } from "../models/meeting-report.model";
import { evidenceBucket, storeImage, type EvidenceDownload } from "./evidence.service";

// Photos of a village meeting (issue 23 item 1): the evidence of the no-gift
// culture-building activities in the ITA pack. Checked and stripped of metadata like
// complaint evidence (evidence.service storeImage), kept in their own GridFS bucket
// (the evidence purge of unattached files must not touch them), and named by the
// report, never by the headman who sent them.
export const MEETING_PHOTO_BUCKET = "meetingPhotos";
export const MAX_REPORT_PHOTOS = 5;

export type AddPhotoResult = { status: "added" | "duplicate" | "full"; count: number };

/**
 * Adds one photo (a LINE image message) to a report, at most MAX_REPORT_PHOTOS.
 * Idempotent by message id: a redelivered event adds nothing. Throws EvidenceError
 * (a ValidationError with a Thai message) for gone, oversized or non-image content.
 */
export async function addReportPhoto(line: Pick<LineClient, "getContent">, reportId: string, messageId: string, now: Date): Promise<AddPhotoResult> {
  if (!Types.ObjectId.isValid(reportId)) throw new ValidationError("bad report id", "ไม่พบรายงานการประชุมนี้ค่ะ");
  const _id = new Types.ObjectId(reportId);
  const current = await MeetingReport.findById(_id, { photos: 1 }).lean();
  if (!current) throw new ValidationError("report not found", "ไม่พบรายงานการประชุมนี้ค่ะ");
  const photos = current.photos ?? [];
  if (photos.some((p) => p.messageId === messageId)) return { status: "duplicate", count: photos.length };
  if (photos.length >= MAX_REPORT_PHOTOS) return { status: "full", count: photos.length };

  const stored = await storeImage(line, MEETING_PHOTO_BUCKET, messageId, { reportId }, { receivedAt: now });
  // One atomic update: never a sixth photo, never the same message twice.
  const updated = await MeetingReport.findOneAndUpdate(
    { _id, "photos.messageId": { $ne: messageId }, [`photos.${MAX_REPORT_PHOTOS - 1}`]: { $exists: false } },
    { $push: { photos: { fileId: new Types.ObjectId(stored.fileId), contentType: stored.contentType, size: stored.size, sha256: stored.sha256, messageId } } },
    { new: true, projection: { photos: 1 } },
  ).lean();
  if (updated) return { status: "added", count: updated.photos.length };
  const again = await MeetingReport.findById(_id, { photos: 1 }).lean();
  const kept = again?.photos ?? [];
  if (kept.some((p) => String(p.fileId) === stored.fileId)) return { status: "duplicate", count: kept.length };
  await evidenceBucket(MEETING_PHOTO_BUCKET).delete(new Types.ObjectId(stored.fileId)).catch(() => undefined);
  return { status: "full", count: kept.length };
}

export interface PhotoViewer {
  /** Officer id, for the audit log. */
  id: string;
  districts: readonly string[] | "all";
}

/** A meeting photo for an officer of the report's district (admins: all); audited "meeting.photo_viewed". Not found otherwise. */
export async function openMeetingPhoto(viewer: PhotoViewer, fileId: string, now: Date): Promise<EvidenceDownload> {
  if (typeof fileId !== "string" || !/^[0-9a-f]{24}$/i.test(fileId)) throw new NotFoundError("meeting photo not found");
  const oid = new Types.ObjectId(fileId);
  const report = await MeetingReport.findOne({ "photos.fileId": oid }, { districtCode: 1, photos: 1 }).lean();
  const photo = report?.photos.find((p) => String(p.fileId) === fileId);
  if (!report || !photo || (viewer.districts !== "all" && !viewer.districts.includes(report.districtCode))) throw new NotFoundError("meeting photo not found");
  await AuditLog.create({ at: now, actor: { kind: "officer", id: viewer.id }, action: "meeting.photo_viewed", detail: { fileId, reportId: String(report._id), districtCode: report.districtCode } });
  return { contentType: photo.contentType, size: photo.size, stream: evidenceBucket(MEETING_PHOTO_BUCKET).openDownloadStream(oid) };
}
