import { Schema, model, type InferSchemaType } from "mongoose";

// Every push and multicast goes through a row here. The X-Line-Retry-Key is chosen
// before the first try, so a retry after a timeout can never deliver twice (LINE
// "Retrying an API request"; the key is honoured for 24 hours).
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed"] as const;

const outboxMessageSchema = new Schema(
  {
    dedupeKey: { type: String, required: true, unique: true },
    kind: { type: String, enum: ["push", "multicast", "broadcast"], required: true },
    // Plain recipients, comma-joined (recipientsOf), or a sealed (encrypted) one for
    // reporters of complaints. One string, not an array: the list is written once and
    // read whole, never queried, so one string costs the server less to read and
    // rewrite than a 500-element array.
    to: { type: String, default: "" },
    toSealed: { type: String },
    messages: { type: String, required: true },
    retryKey: { type: String, required: true },
    state: { type: String, enum: OUTBOX_STATES, required: true, default: "pending" },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    leaseOwner: { type: String },
    leaseUntil: { type: Date },
    lastStatus: { type: Number },
    lastError: { type: String },
    requestIds: { type: [String], default: [] },
    acceptedRequestId: { type: String },
    purpose: { type: String, required: true },
    refId: { type: String },
    sentAt: { type: Date },
  },
  { timestamps: true, versionKey: false },
);
outboxMessageSchema.index({ state: 1, nextAttemptAt: 1 });
outboxMessageSchema.index({ purpose: 1, refId: 1 });

/** The plain recipients of a row (LINE ids never contain a comma). */
export function recipientsOf(row: { to?: string | null }): string[] {
  return row.to ? row.to.split(",") : [];
}

/** How a recipient list is stored. */
export function packRecipients(ids: readonly string[]): string {
  return ids.join(",");
}

export type OutboxMessageFields = InferSchemaType<typeof outboxMessageSchema>;
export type OutboxMessageDoc = InstanceType<typeof OutboxMessage>;
export const OutboxMessage = model("OutboxMessage", outboxMessageSchema);
