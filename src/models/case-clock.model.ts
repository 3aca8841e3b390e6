import { Schema, model, type InferSchemaType } from "mongoose";
import { ROUTING_LEVELS } from "./complaint.model";

// The clock of one complaint (_id = the complaint's _id), kept by the deadline job
// (services/case-clock/clock-sync.ts) from the complaint and its thread. It holds
// what the queue sorts and counts on, and the once-only marks of alerts and
// escalation. It is never the source of truth for the case itself: the complaint is.
// Copied labels (category, tambon, tracking code) are what officer alerts show; the
// case text and the reporter never come here.
const caseClockSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    trackingCode: { type: String, required: true },
    category: { type: String, required: true },
    level: { type: String, enum: ROUTING_LEVELS, required: true },
    districtCode: { type: String },
    tambonCode: { type: String },
    status: { type: String, required: true },
    open: { type: Boolean, required: true },
    stage: { type: String, enum: ["first_response", "progress", "paused", "closed"], required: true },
    dueDay: { type: String, default: null },
    /** The end of dueDay; null while paused or closed. The queue sorts on it. */
    dueAt: { type: Date, default: null },
    submittedAt: { type: Date, required: true },
    firstResponseAt: { type: Date, default: null },
    firstResponseDueDay: { type: String, required: true },
    closedAt: { type: Date, default: null },
    /** The new-case alerts were handed to the outbox. */
    alertedAt: { type: Date, default: null },
    /** The last deadline that was escalated (one escalation, and one audit row, per deadline). */
    escalatedDueDay: { type: String, default: null },
    escalatedAt: { type: Date, default: null },
    /** The reporter was told once that the case went to the province. */
    reporterNotifiedAt: { type: Date, default: null },
    /** The reporter's one "ขอเร่งรัด". */
    expeditedAt: { type: Date, default: null },
    syncedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// The queue (scope, then time left), overdue scans, and new cases not yet alerted.
caseClockSchema.index({ open: 1, level: 1, districtCode: 1, dueAt: 1 });
caseClockSchema.index({ open: 1, dueAt: 1 });
caseClockSchema.index({ alertedAt: 1, submittedAt: 1 });

export type CaseClockFields = InferSchemaType<typeof caseClockSchema>;
export type CaseClockDoc = InstanceType<typeof CaseClockRow>;
export const CaseClockRow = model("CaseClock", caseClockSchema);
