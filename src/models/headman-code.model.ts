import { Schema, model, type InferSchemaType } from "mongoose";

// A one-time registration code an officer issues for a village (headman) or a tambon
// (kamnan). Only a hash is stored (_id = sha256 of the normalised code), so a copy of
// the database does not hand out headman roles. Expiry is checked on use (no TTL
// expiry relied on).
const headmanCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    role: { type: String, enum: ["headman", "kamnan"], required: true },
    districtCode: { type: String, required: true },
    tambonCode: { type: String, required: true },
    villageNo: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
    issuedBy: { type: String },
    issuedAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedBy: { type: String, default: null },
  },
  { versionKey: false },
);

export type HeadmanCodeFields = InferSchemaType<typeof headmanCodeSchema>;
export type HeadmanCodeDoc = InstanceType<typeof HeadmanCode>;
export const HeadmanCode = model("HeadmanCode", headmanCodeSchema);
