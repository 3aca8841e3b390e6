import { Schema, model } from "mongoose";
import { groupWriterOf } from "../util/group-write";

// One row per claimed thing (a chat lease slot, an outbox attempt, a complaint
// slot, a reminder…). Inserting the row is the claim; the unique _id makes it atomic.
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
claimSchema.index({ expiresAt: 1 });

export const Claim = model("Claim", claimSchema);
/** Inserts and deletes by _id, sent together (util/group-write.ts). */
export const claimWrites = groupWriterOf(Claim);
