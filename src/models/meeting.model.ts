import { Schema, model, type InferSchemaType } from "mongoose";

// A meeting, one-off or recurring (src/util/recurrence.ts), in APP_TIMEZONE.
//   scope "village":  the monthly village meeting (ประชุมประจำเดือนหมู่บ้าน); reminded to the
//                     headman, the tambon's kamnan and residents who opted in.
//   scope "district": the district's monthly kamnan–headman meeting (ประชุมกำนันผู้ใหญ่บ้าน);
//                     reminded to every headman and kamnan of the district.
export const MEETING_SCOPES = ["village", "district"] as const;
export const MEETING_STATES = ["active", "cancelled"] as const;

const recurrenceSchema = new Schema(
  {
    kind: { type: String, enum: ["once", "monthly-day", "monthly-weekday"], required: true },
    date: { type: String },
    day: { type: Number },
    nth: { type: Number },
    weekday: { type: Number },
    time: { type: String, required: true },
    from: { type: String },
    until: { type: String },
  },
  { _id: false },
);

const meetingSchema = new Schema(
  {
    scope: { type: String, enum: MEETING_SCOPES, required: true },
    title: { type: String, required: true },
    districtCode: { type: String, required: true },
    tambonCode: { type: String },
    villageNo: { type: Number },
    place: { type: String, required: true },
    agenda: { type: [String], default: [] },
    recurrence: { type: recurrenceSchema, required: true },
    durationMinutes: { type: Number, default: 120, min: 15, max: 720 },
    state: { type: String, enum: MEETING_STATES, default: "active", required: true },
    cancelledAt: { type: Date },
    /** Reminders exist for occurrences up to here (rolling horizon). */
    materializedUntil: { type: Date },
    /** Bumped on every edit; reminders remember the revision they were built from. */
    revision: { type: Number, default: 1 },
    importBatchId: { type: String },
    createdBy: { type: String },
  },
  { timestamps: true, versionKey: false },
);
meetingSchema.index({ state: 1, districtCode: 1, tambonCode: 1, villageNo: 1 });
meetingSchema.index({ importBatchId: 1 });

export type MeetingFields = InferSchemaType<typeof meetingSchema>;
export type MeetingDoc = InstanceType<typeof Meeting>;
export const Meeting = model("Meeting", meetingSchema);
