import { Schema, model, type InferSchemaType } from "mongoose";
import { AUDIT_ACTOR_KINDS } from "./audit-log.model";

// The messages of a complaint: the thread shared with the reporter (officer
// questions, reporter answers) and staff-only notes. One document per message,
// never updated: FerretDB 1.24 applies $push as read-then-write, and 10
// concurrent pushes to one complaint kept 2 (measured in development), so a
// reporter's answer could be lost. Inserts are atomic on FerretDB and MongoDB.
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
complaintMessageSchema.index({ complaintId: 1, at: 1 });

export type ComplaintMessageFields = InferSchemaType<typeof complaintMessageSchema>;
export type ComplaintMessageDoc = InstanceType<typeof ComplaintMessage>;
export const ComplaintMessage = model("ComplaintMessage", complaintMessageSchema);
