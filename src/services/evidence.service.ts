import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import mongoose, { Types } from "mongoose";
import { ValidationError } from "../errors";
import { ContentTooLargeError, type LineClient } from "../line/line-client";
import { LineApiError } from "../line/line-errors";
import { stripImageMetadata, UndecodableImageError } from "../media/strip-metadata";

// Evidence photos: fetched from LINE's content API as soon as they arrive (LINE
// deletes content after an undisclosed time, and 404/410 once unsent: line.md §3
// "Get content"), checked, and kept in the GridFS bucket "evidence". A file is
// "unattached" (metadata.reporterIndex + draftId) until its complaint is
// submitted, then carries metadata.complaintId only. Photos are stored re-encoded,
// without EXIF (GPS, time, camera) or other metadata: an anonymous reporter's photo
// must not say where they stood (issue 18, item 6).
export const EVIDENCE_BUCKET = "evidence";
/** Issue 5: at most 10 MB per photo. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export type EvidenceFailure = "gone" | "too_large" | "bad_type";

const FAILURE_TEXT: Record<EvidenceFailure, string> = {
  gone: "รูปนี้ดาวน์โหลดไม่ได้แล้วค่ะ (อาจถูกยกเลิกการส่ง หรือหมดอายุ) กรุณาส่งรูปนี้ใหม่อีกครั้งนะคะ",
  too_large: "รูปนี้ใหญ่เกิน 10 MB ค่ะ กรุณาส่งรูปที่เล็กลง หรือถ่ายใหม่อีกครั้งนะคะ",
  bad_type: "รับเฉพาะไฟล์รูปภาพ JPEG, PNG หรือ WEBP ค่ะ กรุณาส่งเป็นรูปภาพนะคะ",
};

export class EvidenceError extends ValidationError {
  constructor(readonly reason: EvidenceFailure) {
    super(`evidence rejected: ${reason}`, FAILURE_TEXT[reason]);
  }
}

export interface StoredEvidence {
  fileId: string;
  contentType: EvidenceType;
  size: number;
  sha256: string;
}

export function evidenceBucket(bucketName: string = EVIDENCE_BUCKET): mongoose.mongo.GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error("evidence: the database is not connected");
  return new mongoose.mongo.GridFSBucket(db, { bucketName });
}

const files = (bucketName: string = EVIDENCE_BUCKET) => mongoose.connection.collection(`${bucketName}.files`);
/** The bucket's files collection has no model: its indexes are declared here and built at start-up (db.ts). */
export const EVIDENCE_FILE_INDEXES: readonly Record<string, 1 | -1>[] = [{ "metadata.draftId": 1, "metadata.messageId": 1 }, { "metadata.reporterIndex": 1 }];
export async function ensureEvidenceIndexes(): Promise<void> {
  for (const key of EVIDENCE_FILE_INDEXES) await files().createIndex(key);
}

/** The image type by its first bytes; the Content-Type header is not trusted. */
export function sniffImageType(b: Buffer): EvidenceType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  return null;
}

/**
 * Downloads one photo from LINE and checks it: at most 10 MB, and a JPEG, PNG or
 * WEBP by its bytes. Throws EvidenceError (a ValidationError with a Thai message)
 * for gone (404/410), oversized or non-image content; other LINE errors (5xx,
 * timeouts) are rethrown so the inbox retries the event.
 */
export async function fetchEvidence(line: Pick<LineClient, "getContent">, messageId: string): Promise<{ data: Buffer; contentType: EvidenceType }> {
  let data: Buffer;
  try {
    ({ data } = await line.getContent(messageId, MAX_EVIDENCE_BYTES));
  } catch (err) {
    if (err instanceof ContentTooLargeError) throw new EvidenceError("too_large");
    if (err instanceof LineApiError && (err.status === 404 || err.status === 410)) throw new EvidenceError("gone");
    throw err;
  }
  const contentType = sniffImageType(data);
  if (!contentType) throw new EvidenceError("bad_type");
  return { data, contentType };
}

export interface StoreEvidenceInput {
  messageId: string;
  reporterIndex: string;
  draftId: string;
  now: Date;
}

/** Fetches and stores one photo. Idempotent per (draft, message): a retried handler finds the stored file. */
export function storeEvidence(line: Pick<LineClient, "getContent">, input: StoreEvidenceInput): Promise<StoredEvidence> {
  return storeImage(line, EVIDENCE_BUCKET, input.messageId, { draftId: input.draftId }, { reporterIndex: input.reporterIndex, receivedAt: input.now });
}

/**
 * Fetches one photo from LINE, checks it, re-encodes it without metadata and keeps it
 * in `bucketName`. `owner` (flat keys) names what the photo belongs to; with the
 * message id it makes the call idempotent: a retried handler finds the stored file.
 */
export async function storeImage(
  line: Pick<LineClient, "getContent">,
  bucketName: string,
  messageId: string,
  owner: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<StoredEvidence> {
  const ownerFilter = Object.fromEntries(Object.entries(owner).map(([k, v]) => [`metadata.${k}`, v]));
  const existing = await files(bucketName).findOne({ ...ownerFilter, "metadata.messageId": messageId });
  if (existing) return toStored(existing);
  const fetched = await fetchEvidence(line, messageId);
  const contentType = fetched.contentType;
  // Stored re-encoded, without EXIF/GPS or other metadata (media/strip-metadata.ts).
  const data = await stripImageMetadata(fetched.data, contentType).catch((err: unknown) => {
    if (err instanceof UndecodableImageError) throw new EvidenceError("bad_type");
    throw err;
  });
  const sha256 = createHash("sha256").update(data).digest("hex");
  const ext = contentType.split("/")[1];
  const upload = evidenceBucket(bucketName).openUploadStream(`${sha256.slice(0, 16)}.${ext}`, {
    metadata: { contentType, sha256, messageId, ...owner, ...extra },
  });
  await pipeline(Readable.from([data]), upload);
  return { fileId: String(upload.id), contentType, size: data.length, sha256 };
}

function toStored(doc: mongoose.mongo.Document): StoredEvidence {
  const m = doc.metadata as { contentType: EvidenceType; sha256: string };
  return { fileId: String(doc._id), contentType: m.contentType, size: doc.length as number, sha256: m.sha256 };
}

/** Marks files as part of a submitted complaint; they are no longer linked to the reporter. */
export async function attachEvidence(fileIds: readonly string[], complaintId: Types.ObjectId): Promise<void> {
  if (fileIds.length === 0) return;
  await files().updateMany(
    { _id: { $in: fileIds.map((id) => new Types.ObjectId(id)) } },
    { $set: { "metadata.complaintId": complaintId }, $unset: { "metadata.reporterIndex": "", "metadata.draftId": "" } },
  );
}

async function deleteFiles(filter: mongoose.mongo.Filter<mongoose.mongo.Document>): Promise<number> {
  const bucket = evidenceBucket();
  const found = await files().find(filter, { projection: { _id: 1 } }).toArray();
  for (const f of found) await bucket.delete(f._id).catch(() => undefined); // already gone is fine
  return found.length;
}

/** Photos of a draft that was cancelled or expired (found by the reporter's blind index). */
export function deleteUnattachedEvidence(reporterIndex: string): Promise<number> {
  return deleteFiles({ "metadata.reporterIndex": reporterIndex, "metadata.complaintId": { $exists: false } });
}

export function deleteEvidence(fileIds: readonly string[]): Promise<number> {
  return deleteFiles({ _id: { $in: fileIds.map((id) => new Types.ObjectId(id)) } });
}

/** Drafts abandoned without a touch never reach onExpired: a periodic job can call this. */
export function purgeOrphanEvidence(olderThan: Date): Promise<number> {
  return deleteFiles({ "metadata.complaintId": { $exists: false }, uploadDate: { $lt: olderThan } });
}

export interface EvidenceDownload {
  contentType: string;
  size: number;
  stream: Readable;
}

/** The bytes of one evidence file of the given complaint (checked by the caller's scope). */
export async function openEvidence(complaintId: Types.ObjectId, fileId: string): Promise<EvidenceDownload | null> {
  if (!Types.ObjectId.isValid(fileId)) return null;
  const doc = await files().findOne({ _id: new Types.ObjectId(fileId), "metadata.complaintId": complaintId });
  if (!doc) return null;
  const m = doc.metadata as { contentType: string };
  return { contentType: m.contentType, size: doc.length as number, stream: evidenceBucket().openDownloadStream(doc._id) };
}
