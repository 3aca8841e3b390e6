import { ForbiddenError, NotFoundError } from "../errors";
import { COMPLAINT_STATUSES, Complaint, type ComplaintStatus } from "../models/complaint.model";
import type { Sealer } from "../security/sealer";
import { listMessages } from "./complaint-messages";
import { openEvidence, type EvidenceDownload } from "./evidence.service";
import { toComplaintSummary, toComplaintView, type ComplaintSummary, type ComplaintView } from "./complaint-officer-view";
import { buildComplaintQuery, type ComplaintFilter } from "./complaint-filter";
import { sealedAt } from "../security/seal-places";
import { loadInScope, writeAudit, type Actor, type OfficerScope } from "./complaint-scope";

// The service API the officer dashboard builds on (issue 5 §5): list and filter,
// get, reveal a named reporter's identity (audited), evidence files, and — from
// complaint-workflow.service.ts and complaint-export.service.ts, re-exported here —
// change status, internal notes, messages to the reporter, and the streamed export.
export type { ComplaintSummary, ComplaintView } from "./complaint-officer-view";
export type { Actor, OfficerScope } from "./complaint-scope";
export { buildComplaintQuery, type ComplaintFilter } from "./complaint-filter";
export { STATUS_TRANSITIONS, addInternalNote, changeStatus, messageReporter } from "./complaint-workflow.service";
export type { AddInternalNoteInput, ChangeStatusInput, MessageReporterInput, WorkflowDeps } from "./complaint-workflow.service";
export { exportComplaintRows, type ComplaintExportRow, type ExportOptions } from "./complaint-export.service";

export interface PageRequest {
  /** 1-based. */
  page?: number;
  /** 1–100, default 20. */
  pageSize?: number;
}

export interface ComplaintPage {
  items: ComplaintSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Counts per status for the same scope and filter, ignoring the status filter (for tabs). */
  countsByStatus: Record<ComplaintStatus, number>;
}

/**
 * A page of the cases in scope, newest first: a find on the indexes that end in
 * {submittedAt: -1, _id: -1} (complaint.model.ts), and the per-status counts.
 */
export async function listComplaints(scope: OfficerScope, filter?: ComplaintFilter, pageReq: PageRequest = {}): Promise<ComplaintPage> {
  const page = Math.max(1, Math.floor(Number(pageReq.page ?? 1)) || 1);
  const pageSize = Math.min(100, Math.max(1, Math.floor(Number(pageReq.pageSize ?? 20)) || 20));
  const query = buildComplaintQuery(scope, filter);
  // The per-status counts ignore only the status filter. The match names every
  // status, so on MongoDB it runs on an index that leads with the status or the
  // routing, and the $group reads only index keys; the test server reads the
  // collection once. The total is their sum over the statuses asked for.
  const base = buildComplaintQuery(scope, filter, false);
  const [docs, groups] = await Promise.all([
    Complaint.find(query, SUMMARY_FIELDS).sort({ submittedAt: -1, _id: -1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    Complaint.aggregate<{ _id: ComplaintStatus; n: number }>([
      { $match: { ...base, status: { $in: [...COMPLAINT_STATUSES] } } },
      { $group: { _id: "$status", n: { $sum: 1 } } },
    ]),
  ]);
  const countsByStatus = Object.fromEntries(COMPLAINT_STATUSES.map((st) => [st, 0])) as Record<ComplaintStatus, number>;
  for (const g of groups) if (g._id in countsByStatus) countsByStatus[g._id] = g.n;
  const asked = filter?.status === undefined ? COMPLAINT_STATUSES : ([] as ComplaintStatus[]).concat(filter.status);
  const total = [...new Set(asked)].reduce((n, st) => n + countsByStatus[st], 0);
  return { items: docs.map(toComplaintSummary), total, page, pageSize, countsByStatus };
}

const SUMMARY_FIELDS = { trackingCode: 1, category: 1, status: 1, routedTo: 1, where: 1, anonymous: 1, evidence: 1, awaitingReporter: 1, submittedAt: 1, updatedAt: 1 } as const;

export interface QueryDeps {
  now: () => Date;
}

/** One case by id or tracking code. Each view is audited ("complaint.viewed"). */
export async function getComplaint(deps: QueryDeps, scope: OfficerScope, actor: Actor, idOrCode: string): Promise<ComplaintView> {
  const c = await loadInScope(scope, idOrCode);
  await writeAudit(deps.now(), actor, "complaint.viewed", c._id);
  return toComplaintView(c, await listMessages(c._id), scope);
}

export interface ReporterIdentity {
  name: string;
  phone: string;
}

/**
 * The contact of a named reporter, for officers whose role allows it. Every
 * reveal and every refused attempt is written to the audit log. Anonymous reports
 * have no contact at all, and their LINE id is never revealed to anyone.
 */
export async function revealIdentity(deps: QueryDeps & { sealer: Sealer }, scope: OfficerScope, actor: Actor, complaintId: string): Promise<ReporterIdentity> {
  const c = await loadInScope(scope, complaintId);
  const now = deps.now();
  if (c.anonymous || !c.contactSealed) {
    await writeAudit(now, actor, "complaint.identity_denied", c._id, { reason: "anonymous" });
    throw new ForbiddenError("anonymous report", "เรื่องนี้ผู้แจ้งไม่เปิดเผยตัวตน");
  }
  if (!scope.canSeeIdentity) {
    await writeAudit(now, actor, "complaint.identity_denied", c._id, { reason: "role" });
    throw new ForbiddenError("role may not see identity", "บทบาทของท่านไม่มีสิทธิ์ดูข้อมูลผู้แจ้ง");
  }
  const contact = JSON.parse(deps.sealer.open(c.contactSealed, sealedAt.complaintContact(String(c._id)))) as ReporterIdentity;
  await writeAudit(now, actor, "complaint.identity_viewed", c._id, { via: "reveal" });
  return { name: contact.name, phone: contact.phone };
}

/** A photo of a case the officer may see (audited "complaint.evidence_viewed"). */
export async function openComplaintEvidence(deps: QueryDeps, scope: OfficerScope, actor: Actor, complaintId: string, fileId: string): Promise<EvidenceDownload> {
  const c = await loadInScope(scope, complaintId);
  const file = await openEvidence(c._id, String(fileId));
  if (!file) throw new NotFoundError("evidence not found");
  await writeAudit(deps.now(), actor, "complaint.evidence_viewed", c._id, { fileId: String(fileId) });
  return file;
}
