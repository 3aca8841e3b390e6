import { Schema, model, type InferSchemaType } from "mongoose";
import { groupWriterOf } from "../util/group-write";

// One document per issued pledge number: the unique _id "<year>:<number>" makes a
// number go to one pledge only, and the unique pledgeId gives a pledge one number
// only. Both are enforced by unique indexes, which FerretDB keeps under concurrency;
// a counter's $inc is not enough there, because FerretDB 1.24 applies updates as
// read-modify-write and loses concurrent increments (measured: 50 parallel $inc on
// one document leave it at 1; see pledge.service.ts).
const pledgeNumberSchema = new Schema(
  {
    _id: { type: String, required: true },
    campaignYear: { type: Number, required: true },
    number: { type: Number, required: true },
    /** The pledge's _id; re-pointed to the anonymous id when the member deletes their data. */
    pledgeId: { type: String, required: true, unique: true },
  },
  { versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);

export type PledgeNumberFields = InferSchemaType<typeof pledgeNumberSchema>;
export const PledgeNumber = model("PledgeNumber", pledgeNumberSchema);
/** Inserts, sent together (util/group-write.ts); documents made with newDocument(). */
export const pledgeNumberWrites = groupWriterOf(PledgeNumber);

export const pledgeNumberId = (campaignYear: number, number: number): string => `${campaignYear}:${number}`;
