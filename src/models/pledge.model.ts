import { Schema, model, type InferSchemaType } from "mongoose";

// One "ไม่รับ ไม่ให้" pledge per person per campaign year (ARCHITECTURE.md, Pledge).
//
// The _id is the uniqueness rule: "<campaignYear>:m:<memberId>". Every double tap,
// redelivery or second device of the same LINE user collides on it (E11000). An _id
// instead of a compound unique index because an anonymised pledge has no member
// (no partial index needed), and the lookup is the primary key. After "ลบข้อมูลของฉัน" the pledge is re-keyed to
// "<campaignYear>:x:<anonToken>", with no member, number or exact time left on it.
export const PLEDGE_STATUSES = ["active", "withdrawn"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

const pledgeSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Thai fiscal year in BE (config campaignYearStartMonth), e.g. 2569. */
    campaignYear: { type: Number, required: true },
    memberId: { type: Schema.Types.ObjectId, ref: "Member" },
    /** Dense per campaign year (takePledgeNumber); removed on anonymisation. */
    number: { type: Number },
    // Denormalised DOPA area codes, so counts need only $match/$group.
    districtCode: { type: String, required: true },
    tambonCode: { type: String, required: true },
    villageNo: { type: Number, required: true, min: 1, max: 99 },
    status: { type: String, enum: PLEDGE_STATUSES, required: true, default: "active" },
    source: { type: String, enum: ["line"], required: true, default: "line" },
    pledgedAt: { type: Date },
    /** "2569-12": kept after anonymisation instead of the exact time. */
    monthKey: { type: String, required: true },
    withdrawnAt: { type: Date },
    /** Random; becomes the anonymous _id on deletion, so a retried deletion is idempotent. */
    anonToken: { type: String },
    anonymizedAt: { type: Date },
  },
  { timestamps: true, versionKey: false },
);
pledgeSchema.index({ memberId: 1 });
pledgeSchema.index({ campaignYear: 1, status: 1, districtCode: 1 });

export type PledgeFields = InferSchemaType<typeof pledgeSchema>;
export type PledgeDoc = InstanceType<typeof Pledge>;
export const Pledge = model("Pledge", pledgeSchema);
