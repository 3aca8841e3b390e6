import { randomUUID } from "node:crypto";
import type { ComplaintCategory } from "../models/complaint.model";
import { normalizeText } from "../intents/normalize";
import type { BotContext } from "../webhook/bot-context";
import type { ImageSetProgress } from "./image-set";

// The complaint flow's state: named steps (never numbered, so adding one does not
// move people mid-conversation) and a draft kept in the flow data as plain JSON.
// The draft id is made at the start and becomes the complaint's idempotency key.
// Contact details are sealed as soon as they are typed; the flow data is stored
// in MongoDB like everything else.
export const COMPLAINT_FLOW_ID = "complaint";
export const COMPLAINT_FLOW_VERSION = 1;
/** Issue 5: an idle complaint expires after 30 minutes. */
export const COMPLAINT_FLOW_TTL_MS = 30 * 60 * 1000;

export const COMPLAINT_STEPS = [
  "category",
  "what",
  "who",
  "where",
  "where_tambon",
  "where_village",
  "when",
  "evidence",
  "identity",
  "contact_name",
  "contact_phone",
  "review",
] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Where each section starts; after editing one from the review, the flow returns to the review here. */
const SECTION_STARTS: ReadonlySet<ComplaintStep> = new Set(["what", "who", "where", "when", "evidence", "identity", "review"]);

export interface DraftPhoto {
  fileId: string;
  contentType: "image/jpeg" | "image/png" | "image/webp";
  size: number;
  sha256: string;
  messageId: string;
}

/** Progress of one multi-photo send (LINE imageSet): answer once, after its last photo. */
/** A LINE image set being received with the draft (flows/image-set.ts). */
export type DraftImageSet = ImageSetProgress;

export interface DraftLocation {
  latitude: number;
  longitude: number;
  title?: string;
  address?: string;
}

export interface ComplaintDraft {
  draftId: string;
  category?: ComplaintCategory;
  what: string;
  /** null: skipped. */
  who?: string | null;
  where: { districtCode?: string; tambonCode?: string; villageNo?: number; location?: DraftLocation; unknown?: boolean };
  when?: { date?: string; text?: string; unsure?: boolean };
  photos: DraftPhoto[];
  imageSets: DraftImageSet[];
  anonymous?: boolean;
  /** sealer.seal(name) between the name and the phone question. */
  nameSealed?: string;
  /** sealer.seal(JSON {name, phone}). */
  contactSealed?: string;
  /** Editing from the review: go back there after this section. */
  returnToReview?: boolean;
}

export function newDraft(): ComplaintDraft {
  return { draftId: randomUUID(), what: "", where: {}, photos: [], imageSets: [] };
}

export function readDraft(ctx: BotContext): ComplaintDraft {
  const d = (ctx.flow?.data ?? {}) as Partial<ComplaintDraft>;
  return { ...newDraft(), ...d, where: d.where ?? {}, photos: d.photos ?? [], imageSets: d.imageSets ?? [], draftId: d.draftId ?? newDraft().draftId };
}

export function currentStep(ctx: BotContext): ComplaintStep {
  const s = ctx.flow?.step as ComplaintStep | undefined;
  return s && (COMPLAINT_STEPS as readonly string[]).includes(s) ? s : "category";
}

/** Saves the draft at a step; every save restarts the 30-minute idle clock. */
export function saveDraft(ctx: BotContext, draft: ComplaintDraft, step: ComplaintStep): void {
  ctx.goto(COMPLAINT_FLOW_ID, step, draft as unknown as Record<string, unknown>, COMPLAINT_FLOW_VERSION, COMPLAINT_FLOW_TTL_MS);
}

/** The step after a finished section: the natural next one, or the review when editing. */
export function nextStep(draft: ComplaintDraft, natural: ComplaintStep): ComplaintStep {
  if (draft.returnToReview && SECTION_STARTS.has(natural)) return "review";
  return natural;
}

const WORDS = {
  done: ["เสร็จ", "เสร็จแล้ว", "จบ", "ครบแล้ว", "done", "ส่งครบแล้ว"],
  skip: ["ข้าม", "ไม่ระบุ", "skip", "ไม่ทราบ", "ไม่รู้"],
  unsure: ["ไม่แน่ใจ", "จำไม่ได้", "ไม่ทราบ", "ไม่รู้"],
  unknown: ["ไม่ทราบ", "ไม่รู้", "ข้าม", "ไม่แน่ใจ"],
  next: ["ถัดไป", "ต่อไป", "ไม่มี", "ไม่มีรูป", "ข้าม", "เสร็จ", "เสร็จแล้ว", "next"],
  resume: ["ทำรายการต่อ", "ทำต่อ", "ต่อ", "resume"],
  confirm: ["ยืนยัน", "ยืนยันส่งเรื่อง", "ส่งเรื่อง", "ตกลง"],
} as const;

const POLITE = /\s*(ค่ะ|คะ|ครับ|จ้า|นะคะ|นะครับ)$/;

/** Whether the message is one of the flow's control words ("เสร็จ", "ข้าม" …), politely or not. */
export function isWord(text: string | undefined, kind: keyof typeof WORDS): boolean {
  if (text === undefined) return false;
  const t = normalizeText(text).replace(POLITE, "");
  return (WORDS[kind] as readonly string[]).includes(t);
}
