import { Schema, model, type InferSchemaType } from "mongoose";
import { deliveryAttemptSchema } from "./delivery-attempt.schema";

// An officer's announcement to residents (issue 22): what it says, whom it reaches,
// who approved it, and how its delivery went.
//   draft → awaiting_approval (four eyes) → scheduled → sending → sent | failed
//   draft → scheduled (no approval needed) ; any state before sending → cancelled
// An edit returns it to draft and clears an approval (the approval names a revision).
// Exactly-once delivery rests on the outbox rows (unique dedupe key per chunk, stored
// X-Line-Retry-Key), not on the state: see services/announcement-dispatch.service.ts.
export const ANNOUNCEMENT_STATES = ["draft", "awaiting_approval", "scheduled", "sending", "sent", "failed", "cancelled"] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];
export const BUTTON_KINDS = ["none", "url", "action"] as const;
/** Bot actions a button may start (the router's postback actions). */
export const BUTTON_ACTIONS = ["menu.show", "pledge.start", "complaint.start", "complaint.track"] as const;

const audienceSchema = new Schema(
  {
    /** Everyone who follows (the whole province); admins only. */
    province: { type: Boolean, default: false },
    districts: { type: [String], default: [] },
    tambons: { type: [String], default: [] },
    /** villageKey "tambonCode-villageNo". */
    villages: { type: [String], default: [] },
    /** Headmen and kamnan. With remindersOptIn: either group. Neither: everyone in the area. */
    leaders: { type: Boolean, default: false },
    remindersOptIn: { type: Boolean, default: false },
  },
  { _id: false },
);


const announcementSchema = new Schema(
  {
    title: { type: String, required: true },
    text: { type: String, required: true },
    /** The sending office, named in every message. */
    office: { type: String, required: true },
    imageId: { type: String },
    button: {
      kind: { type: String, enum: BUTTON_KINDS, default: "none" },
      label: { type: String },
      url: { type: String },
      action: { type: String, enum: [...BUTTON_ACTIONS, null] },
    },
    audience: { type: audienceSchema, required: true },
    /** Districts the audience touches ("*" for the province), for scope checks and four eyes. */
    districtCodes: { type: [String], default: [] },
    /** Audience size when last saved or checked (followers, not muted). */
    audienceSize: { type: Number, default: 0 },
    state: { type: String, enum: ANNOUNCEMENT_STATES, required: true, default: "draft" },
    revision: { type: Number, required: true, default: 1 },
    /** null/absent: as soon as approved (send now). */
    sendAt: { type: Date },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    approvalRequired: { type: Boolean, default: false },
    approvalRequestedBy: { type: String },
    approvalRequestedAt: { type: Date },
    approvedBy: { type: String },
    approvedAt: { type: Date },
    approvedRevision: { type: Number },
    cancelledBy: { type: String },
    cancelledAt: { type: Date },
    // Delivery and its report.
    mode: { type: String, enum: ["multicast", "broadcast"] },
    plannedRecipients: { type: Number },
    startedAt: { type: Date },
    firstRequestAt: { type: Date },
    finishedAt: { type: Date },
    reason: { type: String },
    attempts: { type: [deliveryAttemptSchema], default: [] },
  },
  { timestamps: true, versionKey: false },
);
announcementSchema.index({ state: 1, sendAt: 1 });
announcementSchema.index({ districtCodes: 1, createdAt: -1 });
announcementSchema.index({ createdAt: -1 });

export type AnnouncementFields = InferSchemaType<typeof announcementSchema>;
export type AnnouncementDoc = InstanceType<typeof Announcement>;
export const Announcement = model("Announcement", announcementSchema);

// An uploaded image (≤ 1 MB, JPEG or PNG), served at /media/announcements/<id> for
// LINE to fetch. The id is 128 random bits: the URL is the only key.
const imageSchema = new Schema(
  {
    _id: { type: String, required: true },
    contentType: { type: String, enum: ["image/jpeg", "image/png"], required: true },
    size: { type: Number, required: true },
    data: { type: Buffer, required: true },
    uploadedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const AnnouncementImage = model("AnnouncementImage", imageSchema);
