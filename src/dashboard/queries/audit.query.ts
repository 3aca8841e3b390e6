import { Types } from "mongoose";
import { AuditLog } from "../../models/audit-log.model";
import { Officer } from "../../models/officer.model";

// Writing and reading the audit log from the dashboard. Details are small flat
// objects with fixed keys (never "." or "$" in a key), never complaint text.
export interface AuditEntryInput {
  at: Date;
  actor: { kind: string; id?: string };
  action: string;
  complaintId?: string | Types.ObjectId;
  detail?: Record<string, string | number | boolean | undefined>;
}

export async function writeAudit(e: AuditEntryInput): Promise<void> {
  await AuditLog.create({
    at: e.at,
    actor: e.actor,
    action: e.action,
    complaintId: e.complaintId ? new Types.ObjectId(String(e.complaintId)) : undefined,
    detail: e.detail,
  });
}

export interface AuditFilter {
  action?: string;
  complaintId?: string;
  actorId?: string;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorKind: string;
  actorId?: string;
  actorName?: string;
  action: string;
  complaintId?: string;
  detail?: Record<string, unknown>;
}

export async function listAudit(f: AuditFilter, page: number, pageSize: number): Promise<{ rows: AuditRow[]; total: number }> {
  const q: Record<string, unknown> = {};
  if (f.action) q.action = f.action;
  if (f.complaintId && Types.ObjectId.isValid(f.complaintId)) q.complaintId = new Types.ObjectId(f.complaintId);
  if (f.actorId) q["actor.id"] = f.actorId;
  const [docs, total] = await Promise.all([
    AuditLog.find(q).sort({ at: -1, _id: -1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    AuditLog.countDocuments(q),
  ]);
  const ids = [...new Set(docs.map((d) => d.actor?.id).filter((x): x is string => !!x && Types.ObjectId.isValid(x)))];
  const officers = await Officer.find({ _id: { $in: ids } }, { username: 1 }).lean();
  const names = new Map(officers.map((o) => [String(o._id), o.username]));
  return {
    total,
    rows: docs.map((d) => ({
      id: String(d._id),
      at: d.at,
      actorKind: d.actor.kind,
      // A reporter's actor id is their blind index: it links cases of one person, so it never leaves the server.
      actorId: d.actor.kind === "reporter" ? undefined : d.actor.id ?? undefined,
      actorName: d.actor.id ? names.get(d.actor.id) : undefined,
      action: d.action,
      complaintId: d.complaintId ? String(d.complaintId) : undefined,
      detail: (d.detail as Record<string, unknown> | undefined) ?? undefined,
    })),
  };
}
