import { Schema, model, type InferSchemaType } from "mongoose";

// Failed logins per key ("user:<name>" or "ip:<address>") in a rolling window.
// Enough failures lock the key until lockedUntil.
const loginAttemptSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    failures: { type: Number, required: true, default: 0 },
    windowStart: { type: Date, required: true },
    lockedUntil: { type: Date },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
loginAttemptSchema.index({ updatedAt: 1 });

export type LoginAttemptFields = InferSchemaType<typeof loginAttemptSchema>;
export const LoginAttempt = model("LoginAttempt", loginAttemptSchema);
