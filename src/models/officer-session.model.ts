import { Schema, model, type InferSchemaType } from "mongoose";

// A browser session of the dashboard. The cookie holds a random id; only its
// HMAC is stored, so a copy of the database cannot be used to log in. Expiry is
// checked on read, so nothing relies on TTL expiry.
export const SESSION_STAGES = ["anonymous", "totp", "active"] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

const officerSessionSchema = new Schema(
  {
    sidHash: { type: String, required: true, unique: true },
    stage: { type: String, enum: SESSION_STAGES, required: true },
    officerId: { type: Schema.Types.ObjectId },
    /** Synchronizer CSRF token: every form posts it back (OWASP CSRF cheat sheet). */
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
officerSessionSchema.index({ expiresAt: 1 });
officerSessionSchema.index({ officerId: 1 });

export type OfficerSessionFields = InferSchemaType<typeof officerSessionSchema>;
export type OfficerSessionDoc = InstanceType<typeof OfficerSession>;
export const OfficerSession = model("OfficerSession", officerSessionSchema);
