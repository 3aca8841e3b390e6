import { AuditLog } from "../models/audit-log.model";
import type { AnnouncementDoc } from "../models/announcement.model";

// Announcement steps in the audit log: created, edited, approval requested, approved,
// approval reset by an edit, scheduled, sent or failed, cancelled. Details are flat,
// with keys chosen here (never user text as a key).
export async function auditAnnouncement(
  a: AnnouncementDoc,
  actorId: string | undefined,
  action: string,
  at: Date,
  detail: Record<string, string | number | boolean | undefined> = {},
): Promise<void> {
  await AuditLog.create({
    at,
    actor: actorId ? { kind: "officer", id: actorId } : { kind: "system" },
    action,
    detail: { announcementId: String(a._id), title: a.title.slice(0, 80), revision: a.revision, districts: a.districtCodes.join(","), ...detail },
  });
}
