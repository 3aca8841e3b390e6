import { Schema, model, type InferSchemaType } from "mongoose";

// An officer's dashboard account linked to their LINE account (_id = the officer's
// _id), made by a one-time code the officer types into the chat. Linked officers
// get new-case alerts and a morning digest unless they mute them.
const officerLineSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    lineUserId: { type: String, required: true, unique: true },
    linkedAt: { type: Date, required: true },
    muted: { type: Boolean, default: false, required: true },
  },
  { versionKey: false },
);

export type OfficerLineFields = InferSchemaType<typeof officerLineSchema>;
export const OfficerLine = model("OfficerLine", officerLineSchema);

// A one-time link code; only its hash is stored (_id), as for headman codes.
const officerLinkCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    officerId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    issuedAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const OfficerLinkCode = model("OfficerLinkCode", officerLinkCodeSchema);
