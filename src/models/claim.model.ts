import { Schema, model } from "mongoose";

// One row per claimed thing (a chat lease slot, an outbox attempt, a reply token,
// a reminder…). Inserting the row is the claim; the unique _id makes it atomic.
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

// Reply-token claims, one per answered event, live in a collection of their own:
// there are many of them (every event for about 100 s), and they are only ever
// inserted and swept, so keeping them apart keeps the lease and outbox claims
// above, which are read and released one by one, few (and the sweep of either
// collection short on FerretDB, which scans for it).
export const ReplyClaim = model("ReplyClaim", claimSchema, "replyclaims");
export type ClaimModel = typeof Claim;
