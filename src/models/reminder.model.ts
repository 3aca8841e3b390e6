import { Schema, model, type InferSchemaType } from "mongoose";
import { deliveryAttemptSchema } from "./delivery-attempt.schema";

// One reminder of one meeting occurrence at one offset ("3d@08:00", "2h"), made ahead
// of time (a rolling horizon) so the scheduler only has to pick what is due.
//   pending → sending (claimed: claimedBy + leaseUntil) → sent | failed
//   pending → planned (claimed a little before its due time, its batches built and kept
//             in the planner's memory) → sent | failed; back to pending after an edit
//   pending → missed    (the meeting had started before it could go out)
//   pending → cancelled (the meeting was cancelled or moved)
// Exactly-once does not rest on the claim: each chunk of recipients is an outbox row
// with a unique dedupe key and a stored X-Line-Retry-Key (reminder-dispatch.service.ts).
export const REMINDER_STATES = ["pending", "planned", "sending", "sent", "failed", "missed", "cancelled"] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];


const ackSchema = new Schema({ userId: { type: String, required: true }, at: { type: Date, required: true } }, { _id: false });

const reminderSchema = new Schema(
  {
    /** meetingId|occurrence ISO|offset: one reminder per offset per occurrence. */
    reminderKey: { type: String, required: true, unique: true },
    meetingId: { type: Schema.Types.ObjectId, required: true, ref: "Meeting" },
    meetingRevision: { type: Number, required: true },
    scope: { type: String, enum: ["village", "district"], required: true },
    districtCode: { type: String, required: true },
    tambonCode: { type: String },
    villageNo: { type: Number },
    occurrenceStart: { type: Date, required: true },
    offset: { type: String, required: true },
    dueAt: { type: Date, required: true },
    state: { type: String, enum: REMINDER_STATES, required: true, default: "pending" },
    claimedBy: { type: String },
    claimToken: { type: String },
    leaseUntil: { type: Date },
    /** Dispatch batches (content hash + due minute) this reminder's recipients went into. */
    batchKeys: { type: [String], default: [] },
    recipientCount: { type: Number },
    sentAt: { type: Date },
    lateByMs: { type: Number },
    /** Why it was missed, cancelled or failed ("meeting-started", "superseded", "quota", …). */
    reason: { type: String },
    attempts: { type: [deliveryAttemptSchema], default: [] },
    acks: { type: [ackSchema], default: [] },
  },
  { timestamps: true, versionKey: false },
);
reminderSchema.index({ state: 1, dueAt: 1 });
reminderSchema.index({ claimToken: 1, state: 1, reminderKey: 1 });
reminderSchema.index({ meetingId: 1, occurrenceStart: 1 });

export type ReminderFields = InferSchemaType<typeof reminderSchema>;
export type ReminderDoc = InstanceType<typeof Reminder>;
export const Reminder = model("Reminder", reminderSchema);
