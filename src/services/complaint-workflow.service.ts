import { Types } from "mongoose";
import { ConflictError, ValidationError } from "../errors";
import {
  COMPLAINT_STATUSES,
  Complaint,
  REFERRAL_TARGETS,
  type ComplaintStatus,
  type ReferralTarget,
} from "../models/complaint.model";
import { MAX_NOTE_CHARS, MAX_THREAD_TEXT_CHARS, requireText } from "./complaint-input";
import { appendMessage, listMessages, refreshAwaitingReporter } from "./complaint-messages";
import { notifyOfficerMessage, notifyStatusChange, type NotifyDeps } from "./complaint-notify";
import { loadInScope, writeAudit, type Actor, type OfficerScope } from "./complaint-scope";
import { toComplaintView, type ComplaintView } from "./complaint-officer-view";

// Officer actions on a case. Every one is audited; status changes and messages
// are pushed to the reporter (complaint-notify.ts). The note of a status change is
// shown to the reporter; staff-only remarks go in addInternalNote.
export interface WorkflowDeps extends NotifyDeps {
  now: () => Date;
}

/** Allowed moves (FixMyStreet-style open → referred/closed, with reopen to review). */
export const STATUS_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  received: ["under_review", "referred", "dismissed"],
  under_review: ["referred", "resolved", "dismissed"],
  referred: ["under_review", "resolved", "dismissed"],
  resolved: ["under_review"],
  dismissed: ["under_review"],
};

export interface ChangeStatusInput {
  complaintId: string;
  to: ComplaintStatus;
  /** Required; shown to the reporter in the push and the timeline. */
  note: string;
  /** Required when to = "referred". */
  referredTo?: ReferralTarget;
  /** The agency's name when referredTo = "agency". */
  referredAgency?: string;
  /** Optimistic check: fail with ConflictError if the status is no longer this. */
  expectedStatus?: ComplaintStatus;
}

export async function changeStatus(deps: WorkflowDeps, scope: OfficerScope, actor: Actor, input: ChangeStatusInput): Promise<ComplaintView> {
  if (!COMPLAINT_STATUSES.includes(input.to)) throw new ValidationError(`unknown status ${String(input.to)}`);
  const note = requireText("note", input.note, MAX_NOTE_CHARS, "กรุณาใส่บันทึกประกอบการเปลี่ยนสถานะ");
  let referredTo: ReferralTarget | undefined;
  let referredAgency: string | undefined;
  if (input.to === "referred") {
    if (!input.referredTo || !REFERRAL_TARGETS.includes(input.referredTo)) throw new ValidationError("referredTo is required when referring", "กรุณาเลือกหน่วยงานที่ส่งต่อ");
    referredTo = input.referredTo;
    if (referredTo === "agency") referredAgency = requireText("referredAgency", input.referredAgency, 200, "กรุณาระบุชื่อหน่วยงาน");
  }
  const c = await loadInScope(scope, input.complaintId);
  const from = c.status;
  if (input.expectedStatus && input.expectedStatus !== from) throw new ConflictError(`status is ${from}, not ${input.expectedStatus}`, "สถานะถูกเปลี่ยนไปแล้ว กรุณาโหลดหน้าใหม่");
  // The case's current state forbids it (not the request's shape): a conflict.
  if (!STATUS_TRANSITIONS[from].includes(input.to)) throw new ConflictError(`cannot move from ${from} to ${input.to}`, "เปลี่ยนสถานะแบบนี้ไม่ได้");
  const now = deps.now();
  const entry = { _id: new Types.ObjectId(), status: input.to, at: now, note, actor: { kind: actor.kind, id: actor.id }, referredTo, referredAgency };
  // The last referral stays on the case as history; it is shown only while "referred".
  const set: Record<string, unknown> = { status: input.to };
  if (input.to === "referred") Object.assign(set, { referredTo, referredAgency });
  // Two officers acting at once cannot both win: one atomic compare-and-set on the
  // status and the history's length (so A → B → A in between is caught too).
  const updated = await Complaint.findOneAndUpdate(
    { _id: c._id, status: from, statusHistory: { $size: c.statusHistory.length } },
    { $set: set, $push: { statusHistory: entry } },
    { new: true },
  );
  if (!updated) throw new ConflictError("status changed meanwhile", "สถานะถูกเปลี่ยนไปแล้ว กรุณาโหลดหน้าใหม่");
  await writeAudit(now, actor, "complaint.status_changed", c._id, { from, to: input.to });
  await notifyStatusChange(deps, updated, entry);
  return toComplaintView(updated, await listMessages(c._id), scope);
}

export interface AddInternalNoteInput {
  complaintId: string;
  text: string;
}

/** A staff-only note: never shown or pushed to the reporter. */
export async function addInternalNote(deps: WorkflowDeps, scope: OfficerScope, actor: Actor, input: AddInternalNoteInput): Promise<ComplaintView> {
  const text = requireText("text", input.text, MAX_NOTE_CHARS, "กรุณาใส่ข้อความบันทึก");
  const c = await loadInScope(scope, input.complaintId);
  const now = deps.now();
  await appendMessage(c._id, { kind: "note", at: now, text, actor: { kind: actor.kind, id: actor.id } });
  await writeAudit(now, actor, "complaint.note_added", c._id);
  return toComplaintView(c, await listMessages(c._id), scope);
}

export interface MessageReporterInput {
  complaintId: string;
  text: string;
  /** A question: the reporter gets a "ตอบกลับ" button and the case shows awaitingReporter. Default true. */
  expectsReply?: boolean;
}

/** Writes to the case thread and pushes it to the reporter, anonymous or not. */
export async function messageReporter(deps: WorkflowDeps, scope: OfficerScope, actor: Actor, input: MessageReporterInput): Promise<ComplaintView> {
  const text = requireText("text", input.text, MAX_THREAD_TEXT_CHARS, "กรุณาใส่ข้อความถึงผู้แจ้ง");
  const c = await loadInScope(scope, input.complaintId);
  if (!c.reporterSealed) throw new ConflictError("the reporter is no longer reachable", "ติดต่อผู้แจ้งทาง LINE ไม่ได้แล้ว (ผู้แจ้งขอลบข้อมูล)");
  const now = deps.now();
  const expectsReply = input.expectsReply !== false;
  const entry = await appendMessage(c._id, { kind: "officer", at: now, text, actor: { kind: actor.kind, id: actor.id }, expectsReply });
  c.awaitingReporter = await refreshAwaitingReporter(c._id);
  await writeAudit(now, actor, "complaint.reporter_messaged", c._id, { expectsReply });
  await notifyOfficerMessage(deps, c, entry);
  return toComplaintView(c, await listMessages(c._id), scope);
}
