import { Schema, model, type InferSchemaType } from "mongoose";

// Running pledge counts, so that progress and rankings read a few small documents
// instead of grouping every pledge on each page view. Two kinds of document, both
// keyed by _id, moved by atomic $inc (pledge-tally.service.ts):
//   "<year>"            seq (the last pledge number issued), total, districts {d4001: n}
//   "<year>:<district>" tambons {t400101: n}, villages {v400101_3: n}
// Keys carry a letter so no key is a bare number (a map key, not an array index).
// rebuildPledgeTallies() recomputes the counts from the pledges (seq is kept).
const pledgeCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    campaignYear: { type: Number, required: true },
    districtCode: { type: String },
    seq: { type: Number, default: 0 },
    total: { type: Number, default: 0 },
    districts: { type: Map, of: Number, default: undefined },
    tambons: { type: Map, of: Number, default: undefined },
    villages: { type: Map, of: Number, default: undefined },
    rebuiltAt: { type: Date },
  },
  { versionKey: false, timestamps: true },
);

export type PledgeCounterFields = InferSchemaType<typeof pledgeCounterSchema>;
export const PledgeCounter = model("PledgeCounter", pledgeCounterSchema);

export const yearCounterId = (campaignYear: number): string => String(campaignYear);
export const districtCounterId = (campaignYear: number, districtCode: string): string => `${campaignYear}:${districtCode}`;
export const districtKey = (districtCode: string): string => `d${districtCode}`;
export const tambonKey = (tambonCode: string): string => `t${tambonCode}`;
export const villageKey = (tambonCode: string, villageNo: number): string => `v${tambonCode}_${villageNo}`;
