import { Schema, model } from "mongoose";

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
