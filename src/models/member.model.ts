import { createHash } from "node:crypto";
import { Schema, Types, model, type InferSchemaType } from "mongoose";

// A LINE user who talks to Sujarit. The LINE user id is needed to answer and to
// push; reporter identity on complaints is stored separately and encrypted.
const villageSchema = new Schema(
  {
    districtCode: { type: String, required: true },
    tambonCode: { type: String, required: true },
    villageNo: { type: Number, required: true, min: 1, max: 99 },
  },
  { _id: false },
);

const memberSchema = new Schema(
  {
    lineUserId: { type: String, required: true, unique: true },
    displayName: { type: String },
    followed: { type: Boolean, required: true, default: true },
    followedAt: { type: Date },
    unfollowedAt: { type: Date },
    consentAt: { type: Date },
    role: { type: String, enum: ["resident", "headman", "kamnan"], default: "resident", required: true },
    village: { type: villageSchema, required: false },
    meetingReminders: { type: Boolean, default: false, required: true },
    /** "ปิดการแจ้งข่าว": no officer announcements; meeting reminders still come. */
    announcementsMuted: { type: Boolean, default: false },
    language: { type: String },
  },
  { timestamps: true },
);
memberSchema.index({ followed: 1, "village.districtCode": 1 });
// Announcement audiences by tambon or village (services/announcement-audience.service.ts).
memberSchema.index({ followed: 1, "village.tambonCode": 1, "village.villageNo": 1 });

export type MemberFields = InferSchemaType<typeof memberSchema>;
export type MemberDoc = InstanceType<typeof Member>;
export const Member = model("Member", memberSchema);

/**
 * The _id a member gets, derived from the LINE user id, so that every lookup of
 * "this user's member" is by _id, the primary index (and the one index the test
 * server uses). Members
 * stored before this rule keep their random _id and are found by lineUserId
 * (services/member.service.ts).
 */
export function memberIdFor(lineUserId: string): Types.ObjectId {
  return new Types.ObjectId(createHash("sha256").update(`sujarit member ${lineUserId}`).digest().subarray(0, 12));
}
