import { Types } from "mongoose";
import { NotFoundError } from "../errors";
import { AuditLog, type AuditActorKind } from "../models/audit-log.model";
import { Complaint, type ComplaintDoc } from "../models/complaint.model";
import { parseTrackingCode } from "./tracking-code";

// What an officer may see. District officers see the cases routed to their
// districts; cases flagged for the province (they name a district office or its
// officials, or have no district) are seen only by officers with scope "all", so a
// case never lands on the desk of the office it accuses (complaint-routing.ts).
export interface OfficerScope {
  districts: readonly string[] | "all";
  /** The officer's role allows reading a named reporter's contact (always audited). */
  canSeeIdentity: boolean;
}

export interface Actor {
  kind: AuditActorKind;
  id?: string;
}

const DISTRICT_CODE = /^\d{4}$/;

/** The MongoDB condition for "cases this officer may see". Codes are checked, never passed through. */
export function scopeFilter(scope: OfficerScope): Record<string, unknown> {
  if (scope.districts === "all") return {};
  const codes = scope.districts.filter((c) => typeof c === "string" && DISTRICT_CODE.test(c));
  return { "routedTo.level": "district", "routedTo.districtCode": { $in: codes } };
}

export function isInScope(scope: OfficerScope, c: Pick<ComplaintDoc, "routedTo">): boolean {
  if (scope.districts === "all") return true;
  return c.routedTo?.level === "district" && !!c.routedTo.districtCode && scope.districts.includes(c.routedTo.districtCode);
}

/**
 * A complaint by id or tracking code, if the officer may see it. Out of scope
 * reads as not found, so an officer cannot learn that a case about them exists.
 */
export async function loadInScope(scope: OfficerScope, idOrCode: string): Promise<ComplaintDoc> {
  let doc: ComplaintDoc | null = null;
  if (typeof idOrCode === "string" && Types.ObjectId.isValid(idOrCode) && /^[0-9a-f]{24}$/i.test(idOrCode)) {
    doc = await Complaint.findById(new Types.ObjectId(idOrCode));
  } else if (typeof idOrCode === "string") {
    const code = parseTrackingCode(idOrCode);
    if (code) doc = await Complaint.findOne({ trackingCode: code });
  }
  if (!doc || !isInScope(scope, doc)) throw new NotFoundError("complaint not found", "ไม่พบเรื่องร้องเรียนนี้");
  return doc;
}

export async function writeAudit(at: Date, actor: Actor, action: string, complaintId?: Types.ObjectId, detail?: Record<string, unknown>): Promise<void> {
  await AuditLog.create({ at, actor: { kind: actor.kind, id: actor.id }, action, complaintId, detail });
}
