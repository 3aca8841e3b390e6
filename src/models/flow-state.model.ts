import { Schema, model, type InferSchemaType } from "mongoose";
import { rawWritesOf } from "../util/raw-writes";

// The active conversation flow of one chat (pledge, complaint, …). Expiry is
// checked on read, so nothing relies on TTL expiry (the test server has none).
const flowStateSchema = new Schema(
  {
    _id: { type: String, required: true }, // the chat key: read and written by _id
    chatKey: { type: String, required: true, unique: true },
    flowId: { type: String, required: true },
    version: { type: Number, required: true },
    step: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    expiresAt: { type: Date, required: true },
    lastEventId: { type: String },
  },
  { timestamps: true, minimize: false },
);
flowStateSchema.index({ expiresAt: 1 });

export type FlowStateFields = InferSchemaType<typeof flowStateSchema>;
export const FlowState = model("FlowState", flowStateSchema);
/** Writes by _id (util/raw-writes.ts): no casting, no automatic timestamps. */
export const flowStateWrites = rawWritesOf(FlowState);
