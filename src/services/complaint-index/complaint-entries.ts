import { Complaint, COMPLAINT_STATUSES, type ComplaintStatus } from "../../models/complaint.model";
import type { ComplaintFacts, ComplaintMatcher } from "../complaint-filter";
import { toComplaintSummary, type ComplaintSummary, type ComplaintSummarySource } from "../complaint-officer-view";

// The complaints as the list sees them: one entry a case, newest first, with
// the facts the filters need and the summary a list row shows.
export interface Entry extends ComplaintFacts {
  id: string;
  summary: ComplaintSummary;
  /** The reporter's blind index ("my reports"); never part of a summary. */
  reporterIndex?: string;
}

export const ENTRY_PROJECTION = { trackingCode: 1, reporterIndex: 1, category: 1, status: 1, routedTo: 1, where: 1, anonymous: 1, evidence: 1, awaitingReporter: 1, submittedAt: 1, updatedAt: 1 } as const;

export function toEntry(doc: ComplaintSummarySource & { updatedAt?: Date; reporterIndex?: string | null }): Entry {
  const summary = toComplaintSummary(doc);
  return {
    id: summary.id,
    summary,
    reporterIndex: doc.reporterIndex ?? undefined,
    category: summary.category,
    status: summary.status,
    level: summary.routedLevel,
    routedDistrict: doc.routedTo?.districtCode ?? undefined,
    submittedMs: summary.submittedAt.getTime(),
    awaitingReporter: summary.awaitingReporter,
    trackingCode: summary.trackingCode,
  };
}

/** Newest first: submittedAt descending, then id descending (the database's sort). */
export function newerFirst(a: Entry, b: Entry): number {
  return b.submittedMs - a.submittedMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Every complaint, read once in one pass. */
export async function readAllEntries(): Promise<Map<string, Entry>> {
  const map = new Map<string, Entry>();
  for await (const doc of Complaint.find({}, ENTRY_PROJECTION).lean().cursor({ batchSize: 1000 })) {
    const e = toEntry(doc as unknown as ComplaintSummarySource);
    map.set(e.id, e);
  }
  return map;
}

export interface EntryPage {
  items: ComplaintSummary[];
  total: number;
  countsByStatus: Record<ComplaintStatus, number>;
}

/** One pass over the sorted entries: the page, the total and the counts per status. */
export function pageOf(sorted: readonly Entry[], m: ComplaintMatcher, skip: number, take: number): EntryPage {
  const countsByStatus = Object.fromEntries(COMPLAINT_STATUSES.map((st) => [st, 0])) as Record<ComplaintStatus, number>;
  const items: ComplaintSummary[] = [];
  let total = 0;
  for (const e of sorted) {
    if (!m.base(e)) continue;
    countsByStatus[e.status] += 1;
    if (!m.status(e)) continue;
    if (total >= skip && items.length < take) items.push({ ...e.summary });
    total += 1;
  }
  return { items, total, countsByStatus };
}
