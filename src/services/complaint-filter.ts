import { z } from "zod";
import { ValidationError } from "../errors";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, ROUTING_LEVELS } from "../models/complaint.model";
import { scopeFilter, type OfficerScope } from "./complaint-scope";
import { parseTrackingCode } from "./tracking-code";

// Dashboard filters. They are parsed with zod into known strings, dates and enums,
// and only those values are put into the query, so officer input can never become
// a MongoDB operator (the equivalent of mongoose.sanitizeFilter, without wrapping
// our own $in/$gte).
const filterSchema = z
  .object({
    districtCodes: z.array(z.string().regex(/^\d{4}$/)).max(30).optional(),
    category: z.enum(COMPLAINT_CATEGORIES).optional(),
    status: z.union([z.enum(COMPLAINT_STATUSES), z.array(z.enum(COMPLAINT_STATUSES)).max(5)]).optional(),
    level: z.enum(ROUTING_LEVELS).optional(),
    /** submittedAt ≥ from and < to. */
    from: z.date().optional(),
    to: z.date().optional(),
    /** A tracking code in any case, with or without dashes. */
    code: z.string().max(40).optional(),
    awaitingReporter: z.boolean().optional(),
  })
  .strict();

export type ComplaintFilter = z.input<typeof filterSchema>;

function parseFilter(filter: unknown): z.output<typeof filterSchema> {
  const r = filterSchema.safeParse(filter ?? {});
  if (!r.success) throw new ValidationError(`bad complaint filter: ${r.error.issues[0]?.path.join(".")} ${r.error.issues[0]?.message}`, "ตัวกรองไม่ถูกต้อง");
  return r.data;
}

/** The MongoDB filter for scope + filter; `withStatus` false drops the status condition. */
export function buildComplaintQuery(scope: OfficerScope, filter: ComplaintFilter | undefined, withStatus = true): Record<string, unknown> {
  const f = parseFilter(filter);
  const and: Record<string, unknown>[] = [];
  const s = scopeFilter(scope);
  if (Object.keys(s).length > 0) and.push(s);
  if (f.districtCodes) and.push({ "routedTo.districtCode": { $in: f.districtCodes } });
  if (f.category) and.push({ category: f.category });
  if (f.level) and.push({ "routedTo.level": f.level });
  if (withStatus && f.status) and.push({ status: { $in: Array.isArray(f.status) ? f.status : [f.status] } });
  if (f.from) and.push({ submittedAt: { $gte: f.from } });
  if (f.to) and.push({ submittedAt: { $lt: f.to } });
  if (f.awaitingReporter !== undefined) and.push({ awaitingReporter: f.awaitingReporter });
  if (f.code !== undefined) {
    // A malformed code matches nothing rather than everything.
    and.push({ trackingCode: parseTrackingCode(f.code) ?? "-" });
  }
  return and.length === 0 ? {} : { $and: and };
}
