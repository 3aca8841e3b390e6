import { z } from "zod";
import { ValidationError } from "../../errors";
import { COMPLAINT_STATUSES, REFERRAL_TARGETS } from "../../models/complaint.model";

// Request bodies of /api/*, checked with zod (strict: unknown keys are refused,
// so nothing unexpected reaches a service). Errors become 400 {error, message}.
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const recurrenceInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("once"), date: day, time }).strict(),
  z.object({ kind: z.literal("monthly-day"), day: z.number().int().min(1).max(31), time, from: day.optional(), until: day.optional() }).strict(),
  z
    .object({
      kind: z.literal("monthly-weekday"),
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
      weekday: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
      time,
      from: day.optional(),
      until: day.optional(),
    })
    .strict(),
]);

const text = (max: number) => z.string().min(1).max(max);

export const statusInput = z
  .object({
    to: z.enum(COMPLAINT_STATUSES),
    note: text(2000),
    referredTo: z.enum(REFERRAL_TARGETS).optional(),
    referredAgency: text(200).optional(),
    expectedStatus: z.enum(COMPLAINT_STATUSES).optional(),
  })
  .strict();

export const noteInput = z.object({ text: text(2000) }).strict();
export const messageInput = z.object({ text: text(2000), expectsReply: z.boolean().optional() }).strict();

export const meetingCreateInput = z
  .object({
    scope: z.enum(["village", "district"]),
    tambonCode: z.string().regex(/^\d{6}$/).optional(),
    villageNo: z.number().int().min(1).max(99).optional(),
    districtCode: z.string().regex(/^\d{4}$/).optional(),
    title: text(80).optional(),
    place: text(120),
    agenda: z.array(text(200)).max(10).optional(),
    includePledge: z.boolean().optional(),
    recurrence: recurrenceInput,
    durationMinutes: z.number().int().min(15).max(720).optional(),
  })
  .strict();

export const meetingPatchInput = z
  .object({
    title: text(80).optional(),
    place: text(120).optional(),
    agenda: z.array(text(200)).max(10).optional(),
    recurrence: recurrenceInput.optional(),
    durationMinutes: z.number().int().min(15).max(720).optional(),
  })
  .strict();

export const headmanCodeInput = z
  .object({ tambonCode: z.string().regex(/^\d{6}$/), villageNo: z.number().int().min(1).max(99), role: z.enum(["headman", "kamnan"]).optional() })
  .strict();

export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.output<T> {
  // Every body the API takes is required (openapi.ts): none at all is a 400, not an empty object.
  if (body === undefined || body === null) throw new ValidationError("a JSON body is required");
  const r = schema.safeParse(body);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ValidationError(`invalid body: ${i.path.join(".") || "(root)"} ${i.message}`);
  }
  return r.data;
}
