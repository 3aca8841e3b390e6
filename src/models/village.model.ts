import { Schema, model, type InferSchemaType } from "mongoose";

// A village (หมู่บ้าน), numbered within its tambon (หมู่ที่ N) under the DOPA tambon
// code. Officers import names and the usual meeting place by CSV; a village also
// comes into being when a headman code is issued for it.
const villageSchema = new Schema(
  {
    districtCode: { type: String, required: true, match: /^\d{4}$/ },
    tambonCode: { type: String, required: true, match: /^\d{6}$/ },
    villageNo: { type: Number, required: true, min: 1, max: 99 },
    /** "tambonCode-villageNo", unique: the one key the CLI, CSV and postbacks use. */
    villageKey: { type: String, required: true, unique: true },
    nameTh: { type: String },
    /** The usual meeting place, offered as the default when a meeting is created. */
    defaultPlace: { type: String },
    importBatchId: { type: String },
  },
  { timestamps: true, versionKey: false },
);
villageSchema.index({ districtCode: 1, tambonCode: 1 });

export function villageKeyOf(tambonCode: string, villageNo: number): string {
  return `${tambonCode}-${villageNo}`;
}

export type VillageFields = InferSchemaType<typeof villageSchema>;
export type VillageDoc = InstanceType<typeof Village>;
export const Village = model("Village", villageSchema);
