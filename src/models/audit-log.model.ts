import { Schema, model, type InferSchemaType } from "mongoose";

// Every view of a reporter's identity, every status change and every officer
// action on a complaint is written here (ARCHITECTURE.md "AuditLog"; GlobaLeaks
// keeps per-report access counters, FixMyStreet an admin_log: civic.md §8.4).
// Written by the complaint services; read by the officer dashboard. Rows are
// never updated. `detail` holds only keys chosen by code, never user input as a
// key (a "." or a leading "$" in a key would be read as a path or an operator).
export const AUDIT_ACTOR_KINDS = ["officer", "system", "reporter"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

const actorSchema = new Schema(
  {
    kind: { type: String, enum: AUDIT_ACTOR_KINDS, required: true },
    /** Officer id; for a reporter, the blind index, never the LINE id. */
    id: { type: String },
  },
  { _id: false },
);

const auditLogSchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    /** "domain.verb", e.g. complaint.status_changed, complaint.identity_viewed. */
    action: { type: String, required: true },
    complaintId: { type: Schema.Types.ObjectId },
    detail: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false },
);
auditLogSchema.index({ complaintId: 1, at: -1 });
auditLogSchema.index({ action: 1, "actor.id": 1, at: -1 });
auditLogSchema.index({ at: -1 });

export type AuditLogFields = InferSchemaType<typeof auditLogSchema>;
export type AuditLogDoc = InstanceType<typeof AuditLog>;
export const AuditLog = model("AuditLog", auditLogSchema);
