import { Schema, model, type InferSchemaType } from "mongoose";
import { groupWriterOf } from "../util/group-write";

// The active conversation flow of one chat (pledge, complaint, …). Expiry is
// checked on read: FerretDB ignores TTL indexes (shared/reference/ferretdb.md).
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
/** Writes by _id, sent together (util/group-write.ts). Raw documents: no casting, no automatic timestamps. */
export const flowStateWrites = groupWriterOf(FlowState);
