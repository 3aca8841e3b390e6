import { Schema, model, type InferSchemaType } from "mongoose";
import { AUDIT_ACTOR_KINDS } from "./audit-log.model";

// A corruption complaint from a resident (issue 5). The reporter's LINE id and
// contact are sealed (AES-256-GCM, key id inside the sealed string) and the only
// link to the LINE account is a keyed blind index; the plaintext LINE id is never
// stored here. Evidence photos live in the GridFS bucket "evidence".
export const COMPLAINT_CATEGORIES = ["bribe", "procurement", "public_funds", "abuse_of_power", "conflict_of_interest", "other"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

// FixMyStreet-style workflow, reduced to what a Thai complaint desk does.
export const COMPLAINT_STATUSES = ["received", "under_review", "referred", "resolved", "dismissed"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

// Where a case can be sent on (thai.md §3: ป.ป.ช. 1205, ป.ป.ท. 1206, ศูนย์ดำรงธรรม 1567, or an agency).
export const REFERRAL_TARGETS = ["nacc", "pacc", "damrongdham", "agency"] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const ROUTING_LEVELS = ["district", "province"] as const;
export type RoutingLevel = (typeof ROUTING_LEVELS)[number];

const actorSchema = new Schema({ kind: { type: String, enum: AUDIT_ACTOR_KINDS, required: true }, id: { type: String } }, { _id: false });

const locationSchema = new Schema(
  { latitude: { type: Number, required: true }, longitude: { type: Number, required: true }, title: String, address: String },
  { _id: false },
);

const whereSchema = new Schema(
  { districtCode: String, tambonCode: String, villageNo: Number, location: { type: locationSchema, required: false } },
  { _id: false },
);

/** date "YYYY-MM-DD" from the LINE date picker (Bangkok calendar day), or the reporter's own words, or unsure. */
const whenSchema = new Schema({ date: String, text: String, unsure: { type: Boolean, default: false } }, { _id: false });

const evidenceSchema = new Schema(
  { fileId: { type: Schema.Types.ObjectId, required: true }, contentType: { type: String, required: true }, size: { type: Number, required: true }, sha256: String },
  { _id: false },
);

// Each entry's _id doubles as the change id: the push to the reporter is deduplicated on it.
const statusEntrySchema = new Schema({
  status: { type: String, enum: COMPLAINT_STATUSES, required: true },
  at: { type: Date, required: true },
  note: { type: String, required: true },
  actor: { type: actorSchema, required: true },
  referredTo: { type: String, enum: REFERRAL_TARGETS },
  referredAgency: String,
});

const complaintSchema = new Schema(
  {
    /** The flow's draft id: a second tap on "confirm" finds this and creates nothing. */
    draftId: { type: String, required: true, unique: true },
    trackingCode: { type: String, required: true, unique: true },
    category: { type: String, enum: COMPLAINT_CATEGORIES, required: true },
    what: { type: String, required: true },
    who: { type: String },
    where: { type: whereSchema, default: {} },
    when: { type: whenSchema, default: {} },
    evidence: { type: [evidenceSchema], default: [] },
    anonymous: { type: Boolean, required: true },
    /** sealer.seal(lineUserId): pushes reach anonymous reporters too. Removed on data deletion. */
    reporterSealed: { type: String },
    /** sealer.blindIndex(lineUserId): "my reports" and ownership checks. Removed on data deletion. */
    reporterIndex: { type: String },
    /** sealer.seal(JSON {name, phone}); named reports only. */
    contactSealed: { type: String },
    routedTo: {
      level: { type: String, enum: ROUTING_LEVELS, required: true },
      districtCode: String,
      /** Why a case went to the province (e.g. it names the district office). */
      reason: String,
    },
    status: { type: String, enum: COMPLAINT_STATUSES, required: true, default: "received" },
    referredTo: { type: String, enum: REFERRAL_TARGETS },
    referredAgency: String,
    /** Appended only by a compare-and-set on its length (complaint-workflow.service.ts). */
    statusHistory: { type: [statusEntrySchema], default: [] },
    // The thread with the reporter and staff notes are ComplaintMessage documents.
    /** The latest thread message is an officer's question (recomputed after each message). */
    awaitingReporter: { type: Boolean, default: false, required: true },
    lastReporterMessageAt: Date,
    /** Bangkok calendar day "YYYY-MM-DD" of submission: the 5-per-day limit counts on it, and stats group by it without date operators. */
    dayKey: { type: String, required: true },
    submittedAt: { type: Date, required: true },
  },
  { timestamps: true },
);
// "My reports" (a reporter has few complaints). The officer list sorts newest
// first with _id as the tie-break, so its indexes end in both; every hot query
// shape is listed in src/db/query-shapes.ts and checked against these.
complaintSchema.index({ reporterIndex: 1, submittedAt: -1 });
complaintSchema.index({ status: 1, submittedAt: -1, _id: -1 });
complaintSchema.index({ "routedTo.level": 1, "routedTo.districtCode": 1, status: 1, submittedAt: -1, _id: -1 });
complaintSchema.index({ "routedTo.level": 1, "routedTo.districtCode": 1, submittedAt: -1, _id: -1 });
complaintSchema.index({ submittedAt: -1, _id: -1 });

export type ComplaintFields = InferSchemaType<typeof complaintSchema>;
export type ComplaintDoc = InstanceType<typeof Complaint>;
export const Complaint = model("Complaint", complaintSchema);
