import { getDistrict, getTambon } from "../content/areas/areas";
import type { AuditActorKind } from "../models/audit-log.model";
import type { ComplaintCategory, ComplaintDoc, ComplaintStatus, ReferralTarget, RoutingLevel } from "../models/complaint.model";
import type { ComplaintMessageDoc } from "../models/complaint-message.model";
import { CATEGORY_LABELS, STATUS_LABELS } from "./complaint-labels";
import type { OfficerScope } from "./complaint-scope";
import { areaText, whenText } from "./complaint-views";

// What the dashboard gets: plain objects, never the mongoose document, and never
// the sealed identity, the blind index or any LINE id.
export interface ActorView {
  kind: AuditActorKind;
  id?: string;
}

export interface ComplaintSummary {
  id: string;
  trackingCode: string;
  category: ComplaintCategory;
  categoryLabel: string;
  status: ComplaintStatus;
  statusLabel: string;
  routedLevel: RoutingLevel;
  districtCode?: string;
  /** "หมู่ 5 ต.บ้านเป็ด อ.เมืองขอนแก่น", "ตามตำแหน่งที่แชร์" or "". */
  areaText: string;
  anonymous: boolean;
  evidenceCount: number;
  awaitingReporter: boolean;
  submittedAt: Date;
  updatedAt: Date;
}

export interface ComplaintView extends ComplaintSummary {
  what: string;
  who?: string;
  where: {
    districtCode?: string;
    districtName?: string;
    tambonCode?: string;
    tambonName?: string;
    villageNo?: number;
    location?: { latitude: number; longitude: number; title?: string; address?: string };
  };
  when: { date?: string; text?: string; unsure: boolean };
  whenText: string;
  routedTo: { level: RoutingLevel; districtCode?: string; reason?: string };
  referredTo?: ReferralTarget;
  referredAgency?: string;
  evidence: { fileId: string; contentType: string; size: number }[];
  /** Named report, contact stored, and this officer's role may reveal it (revealIdentity, audited). */
  identityAvailable: boolean;
  /** False after the reporter asked for their data to be deleted: no pushes, no replies. */
  reporterReachable: boolean;
  lastReporterMessageAt?: Date;
  statusHistory: { id: string; status: ComplaintStatus; statusLabel: string; at: Date; note: string; actor: ActorView; referredTo?: ReferralTarget; referredAgency?: string }[];
  /** Messages shared with the reporter. */
  thread: { id: string; at: Date; from: "officer" | "reporter"; text: string; expectsReply: boolean; actor?: ActorView }[];
  /** Staff only. */
  internalNotes: { id: string; at: Date; actor: ActorView; text: string }[];
}

const actorView = (a: { kind: AuditActorKind; id?: string | null } | null | undefined): ActorView =>
  a ? { kind: a.kind, ...(a.id && a.kind !== "reporter" ? { id: a.id } : {}) } : { kind: "system" };

/** The fields a summary is made of: a document, or a lean read with the index's projection. */
export type ComplaintSummarySource = Pick<ComplaintDoc, "trackingCode" | "category" | "status" | "routedTo" | "where" | "anonymous" | "awaitingReporter" | "submittedAt"> & {
  _id: unknown;
  evidence: readonly unknown[];
};

export function toComplaintSummary(c: ComplaintSummarySource): ComplaintSummary {
  return {
    id: String(c._id),
    trackingCode: c.trackingCode,
    category: c.category,
    categoryLabel: CATEGORY_LABELS[c.category],
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    routedLevel: c.routedTo!.level,
    districtCode: c.routedTo?.districtCode ?? c.where?.districtCode ?? undefined,
    areaText: areaText(c),
    anonymous: c.anonymous,
    evidenceCount: c.evidence.length,
    awaitingReporter: c.awaitingReporter,
    submittedAt: c.submittedAt,
    updatedAt: (c as unknown as { updatedAt: Date }).updatedAt,
  };
}

/** The case with its messages (listMessages, oldest first), as an officer in `scope` may see it. */
export function toComplaintView(c: ComplaintDoc, messages: readonly ComplaintMessageDoc[], scope: OfficerScope): ComplaintView {
  const w = c.where ?? {};
  const loc = w.location ? { latitude: w.location.latitude, longitude: w.location.longitude, title: w.location.title ?? undefined, address: w.location.address ?? undefined } : undefined;
  return {
    ...toComplaintSummary(c),
    what: c.what,
    who: c.who ?? undefined,
    where: {
      districtCode: w.districtCode ?? undefined,
      districtName: w.districtCode ? getDistrict(w.districtCode)?.nameTh : undefined,
      tambonCode: w.tambonCode ?? undefined,
      tambonName: w.tambonCode ? getTambon(w.tambonCode)?.nameTh : undefined,
      villageNo: w.villageNo ?? undefined,
      location: loc,
    },
    when: { date: c.when?.date ?? undefined, text: c.when?.text ?? undefined, unsure: Boolean(c.when?.unsure) },
    whenText: whenText(c.when),
    routedTo: { level: c.routedTo!.level, districtCode: c.routedTo!.districtCode ?? undefined, reason: c.routedTo!.reason ?? undefined },
    referredTo: c.referredTo ?? undefined,
    referredAgency: c.referredAgency ?? undefined,
    evidence: c.evidence.map((e) => ({ fileId: String(e.fileId), contentType: e.contentType, size: e.size })),
    identityAvailable: !c.anonymous && Boolean(c.contactSealed) && scope.canSeeIdentity,
    reporterReachable: Boolean(c.reporterSealed),
    lastReporterMessageAt: c.lastReporterMessageAt ?? undefined,
    statusHistory: c.statusHistory.map((s) => ({
      id: String(s._id),
      status: s.status,
      statusLabel: STATUS_LABELS[s.status],
      at: s.at,
      note: s.note,
      actor: actorView(s.actor),
      referredTo: s.referredTo ?? undefined,
      referredAgency: s.referredAgency ?? undefined,
    })),
    thread: messages
      .filter((m) => m.kind !== "note")
      .map((m) => ({ id: String(m._id), at: m.at, from: m.kind as "officer" | "reporter", text: m.text, expectsReply: Boolean(m.expectsReply), actor: m.actor ? actorView(m.actor) : undefined })),
    internalNotes: messages.filter((m) => m.kind === "note").map((n) => ({ id: String(n._id), at: n.at, actor: actorView(n.actor), text: n.text })),
  };
}
