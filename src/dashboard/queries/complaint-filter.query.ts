import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus } from "../../models/complaint.model";
import type { ComplaintFilter, OfficerScope } from "../../services/complaint-query.service";
import { zonedDateTimeToUtc } from "../../util/thai-date";
import type { Principal } from "../auth/principal";
import { parseThaiDateField } from "../http/thai-date-field";

// Query-string filters of the complaint list, export and API, read into the
// complaint service's ComplaintFilter. Unknown values are dropped, not passed on.
export interface ComplaintFilterParams {
  district?: string;
  category?: ComplaintCategory;
  status?: ComplaintStatus;
  /** Bangkok calendar days, inclusive. */
  from?: string;
  to?: string;
  code?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function str(q: Record<string, unknown>, k: string): string | undefined {
  const v = q[k];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export function readComplaintFilterParams(query: unknown): ComplaintFilterParams {
  const q = (query ?? {}) as Record<string, unknown>;
  const district = str(q, "district");
  const category = str(q, "category");
  const status = str(q, "status");
  const from = str(q, "from");
  const to = str(q, "to");
  const code = str(q, "code");
  return {
    district: district && /^\d{4}$/.test(district) ? district : undefined,
    category: COMPLAINT_CATEGORIES.find((c) => c === category),
    status: COMPLAINT_STATUSES.find((s) => s === status),
    from: from ? parseThaiDateField(from) : undefined,
    to: to ? parseThaiDateField(to) : undefined,
    code: code ? code.slice(0, 40) : undefined,
  };
}

function dayStart(day: string, tz: string, plusDays = 0): Date | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  try {
    const d = zonedDateTimeToUtc({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }, tz);
    return new Date(d.getTime() + plusDays * 86_400_000);
  } catch {
    return undefined;
  }
}

export function toComplaintFilter(p: ComplaintFilterParams, tz: string): ComplaintFilter {
  return {
    ...(p.district ? { districtCodes: [p.district] } : {}),
    ...(p.category ? { category: p.category } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.from && dayStart(p.from, tz) ? { from: dayStart(p.from, tz) } : {}),
    ...(p.to && dayStart(p.to, tz, 1) ? { to: dayStart(p.to, tz, 1) } : {}),
    ...(p.code ? { code: p.code } : {}),
  };
}

/** The complaint service's view of who is asking. Viewers never reach complaint routes. */
export function officerScopeOf(p: Principal): OfficerScope {
  return { districts: p.role === "admin" ? "all" : p.districts, canSeeIdentity: p.role === "admin" || p.role === "officer" };
}

export function actorOf(p: Principal): { kind: "officer"; id: string } {
  return { kind: "officer", id: p.id };
}
