import { Schema } from "mongoose";

// One multicast request of a reminder or an announcement, as its report shows it:
// when, which outbox chunk, how many recipients, and what LINE answered.
export const deliveryAttemptSchema = new Schema(
  {
    at: { type: Date, required: true },
    /** The outbox dedupe key of the chunk (a multicast of ≤ 500 recipients). */
    chunkKey: { type: String, required: true },
    /** Recipients of this reminder or announcement inside that chunk. */
    recipients: { type: Number, required: true },
    status: { type: Number },
    outcome: { type: String, enum: ["accepted", "duplicate", "retry", "failed"], required: true },
    requestId: { type: String },
    error: { type: String },
    by: { type: String },
  },
  { _id: false },
);
