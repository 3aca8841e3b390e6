import { z } from "zod";
import { ValidationError } from "../errors";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, ROUTING_LEVELS, type ComplaintCategory, type ComplaintStatus, type RoutingLevel } from "../models/complaint.model";
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

/** What the in-memory complaint list (complaint-index/) filters on. */
export interface ComplaintFacts {
  category: ComplaintCategory;
  status: ComplaintStatus;
  level: RoutingLevel;
  routedDistrict?: string;
  submittedMs: number;
  awaitingReporter: boolean;
  trackingCode: string;
}

export interface ComplaintMatcher {
  /** Scope and every filter but the status (the per-status counts use this). */
  base(f: ComplaintFacts): boolean;
  status(f: ComplaintFacts): boolean;
}

/** buildComplaintQuery as a predicate: the same scope and filter, the same answers. */
export function complaintMatcher(scope: OfficerScope, filter: ComplaintFilter | undefined): ComplaintMatcher {
  const f = parseFilter(filter);
  // isInScope's rule, with the codes in a set: district cases of the officer's districts.
  const scopeCodes = scope.districts === "all" ? undefined : new Set(scope.districts);
  const districts = f.districtCodes ? new Set(f.districtCodes) : undefined;
  const statuses = f.status ? new Set(Array.isArray(f.status) ? f.status : [f.status]) : undefined;
  const from = f.from?.getTime();
  const to = f.to?.getTime();
  const code = f.code === undefined ? undefined : (parseTrackingCode(f.code) ?? "-");
  return {
    base: (c) =>
      (!scopeCodes || (c.level === "district" && c.routedDistrict !== undefined && scopeCodes.has(c.routedDistrict))) &&
      (!districts || (c.routedDistrict !== undefined && districts.has(c.routedDistrict))) &&
      (!f.category || c.category === f.category) &&
      (!f.level || c.level === f.level) &&
      (from === undefined || c.submittedMs >= from) &&
      (to === undefined || c.submittedMs < to) &&
      (f.awaitingReporter === undefined || c.awaitingReporter === f.awaitingReporter) &&
      (code === undefined || c.trackingCode === code),
    status: (c) => !statuses || statuses.has(c.status),
  };
}
