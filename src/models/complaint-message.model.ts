import { Schema, model, type InferSchemaType } from "mongoose";
import { AUDIT_ACTOR_KINDS } from "./audit-log.model";

// The messages of a complaint: the thread shared with the reporter (officer
// questions, reporter answers) and staff-only notes. One document per message,
// never updated: a thread has no bound, so it does not grow inside the complaint
// document, and a message is one insert whoever writes at the same time.
export const COMPLAINT_MESSAGE_KINDS = ["officer", "reporter", "note"] as const;
export type ComplaintMessageKind = (typeof COMPLAINT_MESSAGE_KINDS)[number];

const actorSchema = new Schema({ kind: { type: String, enum: AUDIT_ACTOR_KINDS, required: true }, id: { type: String } }, { _id: false });

const complaintMessageSchema = new Schema(
  {
    complaintId: { type: Schema.Types.ObjectId, required: true },
    /** officer/reporter: the shared thread; note: staff only, never shown or pushed to the reporter. */
    kind: { type: String, enum: COMPLAINT_MESSAGE_KINDS, required: true },
    at: { type: Date, required: true },
    text: { type: String, required: true },
    /** The officer who wrote it; reporters are never identified here. */
    actor: { type: actorSchema },
    /** An officer's question: the reporter gets a "ตอบกลับ" button. */
    expectsReply: { type: Boolean, default: false },
  },
  { versionKey: false },
);
complaintMessageSchema.index({ complaintId: 1, at: 1, _id: 1 });

export type ComplaintMessageFields = InferSchemaType<typeof complaintMessageSchema>;
export type ComplaintMessageDoc = InstanceType<typeof ComplaintMessage>;
export const ComplaintMessage = model("ComplaintMessage", complaintMessageSchema);
