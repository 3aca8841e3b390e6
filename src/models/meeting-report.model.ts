import { Schema, model, type InferSchemaType } from "mongoose";

// What a headman (or kamnan) reports after a meeting: how many attended and how many
// declared "ไม่รับ ไม่ให้" together. The pledge counts read these by area and show
// them apart from individual LINE pledges. One report per meeting occurrence and
// village: a second answer replaces the first (unique key below).
// Up to 5 photos of the activity (issue 23), kept like complaint evidence: re-encoded
// without metadata in the GridFS bucket "meetingPhotos", whose files name the report.
const reportPhotoSchema = new Schema(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    /** LINE's message id: the same photo event delivered twice is stored once. */
    messageId: { type: String, required: true },
  },
  { _id: false },
);

const meetingReportSchema = new Schema(
  {
    /** "meetingId|occurrenceISO|tambonCode-villageNo": makes a report idempotent. */
    reportKey: { type: String, required: true, unique: true },
    meetingId: { type: Schema.Types.ObjectId, required: true, ref: "Meeting" },
    occurrenceStart: { type: Date, required: true },
    districtCode: { type: String, required: true },
    tambonCode: { type: String, required: true },
    villageNo: { type: Number, required: true },
    attendedCount: { type: Number, required: true, min: 0 },
    pledgedCount: { type: Number, required: true, min: 0 },
    reportedBy: { type: String, required: true },
    reporterRole: { type: String, enum: ["headman", "kamnan", "officer"], required: true },
    reportedAt: { type: Date, required: true },
    /** "2569-12" (BE year-month in APP_TIMEZONE of the meeting), for grouping without date operators. */
    monthKey: { type: String, required: true },
    /** Kept when a second report replaces the counts. */
    photos: { type: [reportPhotoSchema], default: [] },
  },
  { timestamps: true, versionKey: false },
);
meetingReportSchema.index({ districtCode: 1, tambonCode: 1, villageNo: 1 });
meetingReportSchema.index({ meetingId: 1, occurrenceStart: 1 });
/** GET /officer/ita/photos/:fileId finds the report of a photo. */
meetingReportSchema.index({ "photos.fileId": 1 });

export type MeetingReportFields = InferSchemaType<typeof meetingReportSchema>;
export type MeetingReportDoc = InstanceType<typeof MeetingReport>;
export const MeetingReport = model("MeetingReport", meetingReportSchema);
