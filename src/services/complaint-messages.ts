import type { Types } from "mongoose";
import type { AuditActorKind } from "../models/audit-log.model";
import { Complaint } from "../models/complaint.model";
import { ComplaintMessage, type ComplaintMessageDoc, type ComplaintMessageKind } from "../models/complaint-message.model";

// The case thread and staff notes, one insert per message (see the model for why).

export interface NewMessage {
  kind: ComplaintMessageKind;
  at: Date;
  text: string;
  actor?: { kind: AuditActorKind; id?: string };
  expectsReply?: boolean;
}

export function appendMessage(complaintId: Types.ObjectId, m: NewMessage): Promise<ComplaintMessageDoc> {
  return ComplaintMessage.create({ complaintId, ...m });
}

/** Oldest first; `kinds` narrows to the shared thread or to notes. */
export function listMessages(complaintId: Types.ObjectId, kinds?: readonly ComplaintMessageKind[]): Promise<ComplaintMessageDoc[]> {
  const filter = kinds ? { complaintId, kind: { $in: [...kinds] } } : { complaintId };
  return ComplaintMessage.find(filter).sort({ at: 1, _id: 1 }) as unknown as Promise<ComplaintMessageDoc[]>;
}

/**
 * Sets awaitingReporter from the thread itself: true while its latest message is
 * an officer's question. Every writer recomputes after its insert, so the flag
 * follows the thread instead of whichever $set landed last.
 */
export async function refreshAwaitingReporter(complaintId: Types.ObjectId): Promise<boolean> {
  const last = await ComplaintMessage.findOne({ complaintId, kind: { $in: ["officer", "reporter"] } }).sort({ at: -1, _id: -1 });
  const awaiting = last?.kind === "officer" && Boolean(last.expectsReply);
  await Complaint.updateOne({ _id: complaintId }, { $set: { awaitingReporter: awaiting } });
  return awaiting;
}
