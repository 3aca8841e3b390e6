import { Schema, model } from "mongoose";

// Wrong registration codes per LINE user, for the guessing limit (5 per hour). The
// user id is stored hashed; rows older than the window are deleted on the next try.
const headmanCodeAttemptSchema = new Schema(
  {
    userHash: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
headmanCodeAttemptSchema.index({ userHash: 1, at: 1 });

export const HeadmanCodeAttempt = model("HeadmanCodeAttempt", headmanCodeAttemptSchema);
