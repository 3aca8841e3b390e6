import { Schema, model, type InferSchemaType } from "mongoose";

// A dashboard account. `admin` sees every district and manages accounts,
// `officer` works on complaints and meetings of their own districts, `viewer`
// sees statistics only. Service accounts (kind "service") use hashed API tokens.
export const OFFICER_ROLES = ["admin", "officer", "viewer"] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export const API_TOKEN_SCOPES = ["read", "case"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

const apiTokenSchema = new Schema(
  {
    tokenId: { type: String, required: true },
    // SHA-256 of a 256-bit random token: fast to check, useless if the database leaks.
    hash: { type: String, required: true },
    label: { type: String, default: "" },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date },
    /** A token works until then; tokens without an expiry (issued before it was required) do not work. */
    expiresAt: { type: Date },
    /** "read": GET only; "case": case work (what the account's role may do). */
    scope: { type: String, enum: API_TOKEN_SCOPES, default: "read" },
  },
  { _id: false },
);

const officerSchema = new Schema(
  {
    username: { type: String, required: true, unique: true },
    displayName: { type: String, default: "" },
    kind: { type: String, enum: ["human", "service"], default: "human", required: true },
    role: { type: String, enum: OFFICER_ROLES, required: true },
    /** DOPA district codes ("4001"); empty for admins and viewers. */
    districts: { type: [String], default: [] },
    /** scrypt$N$r$p$salt$hash; empty for service accounts (they have no password). */
    passwordHash: { type: String, default: "" },
    disabled: { type: Boolean, default: false, required: true },
    /** Base32 TOTP secret, sealed with DATA_ENCRYPTION_KEY. */
    totpSecretSealed: { type: String },
    totpEnabled: { type: Boolean, default: false, required: true },
    /** Set by an admin: the account must turn TOTP on before it can use the dashboard. */
    totpRequired: { type: Boolean, default: false },
    /** Last accepted 30-second step: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: { type: Number, default: 0 },
    apiTokens: { type: [apiTokenSchema], default: [] },
    lastLoginAt: { type: Date },
  },
  { timestamps: true, versionKey: false },
);
officerSchema.index({ "apiTokens.hash": 1 });

export type OfficerFields = InferSchemaType<typeof officerSchema>;
export type OfficerDoc = InstanceType<typeof Officer>;
export const Officer = model("Officer", officerSchema);
