import type { Types } from "mongoose";
import { CaseClockRow } from "../../models/case-clock.model";
import { Complaint } from "../../models/complaint.model";
import { ComplaintMessage } from "../../models/complaint-message.model";
import type { HolidaySet } from "../../util/working-days";
import { holidaySet } from "../holiday.service";
import { OPEN_STATUSES, type DeadlinePolicy } from "./clock-policy";
import { computeClock, type CaseClock, type ClockFacts } from "./compute-clock";

// Keeps the stored clocks (models/case-clock.model.ts) in step with the cases.
// Each run reads the open complaints (index {status, submittedAt}) and the stored
// open clocks (index {open, dueAt}), with their threads (index {complaintId, at}),
// computes each clock and writes those that changed. Two replicas running it at
// once write the same values. New clocks of cases filed more than a day earlier
// (the first run after this feature ships) are marked alerted: officers are not
// flooded with old cases.
export interface ClockDeps {
  config: { timezone: string; deadlines: DeadlinePolicy };
}

const FACT_FIELDS = { submittedAt: 1, status: 1, statusHistory: 1, trackingCode: 1, category: 1, routedTo: 1, where: 1 } as const;
const OLD_CASE_MS = 86_400_000;

type ComplaintFacts = ClockFacts & {
  _id: Types.ObjectId;
  trackingCode: string;
  category: string;
  routedTo: { level: string; districtCode?: string | null };
  where?: { districtCode?: string | null; tambonCode?: string | null } | null;
};

/** Complaints with their thread (officer and reporter messages only; notes are staff-only and do not count). */
export async function loadFacts(ids: readonly Types.ObjectId[]): Promise<ComplaintFacts[]> {
  if (ids.length === 0) return [];
  const [complaints, thread] = await Promise.all([
    Complaint.find({ _id: { $in: ids } }, FACT_FIELDS).lean(),
    ComplaintMessage.find({ complaintId: { $in: ids }, kind: { $in: ["officer", "reporter"] } }, { complaintId: 1, kind: 1, at: 1, expectsReply: 1 }).lean(),
  ]);
  const byCase = new Map<string, { kind: string; at: Date; expectsReply?: boolean | null }[]>();
  for (const m of thread) {
    const k = String(m.complaintId);
    if (!byCase.has(k)) byCase.set(k, []);
    byCase.get(k)!.push(m);
  }
  return complaints.map((c) => ({ ...(c as unknown as ComplaintFacts), thread: byCase.get(String(c._id)) ?? [] }));
}

export function clockOf(deps: ClockDeps, f: ClockFacts, holidays: HolidaySet, now: Date): CaseClock {
  return computeClock(f, deps.config.deadlines, holidays, now, deps.config.timezone);
}

/** The live clock of one case (the case page): computed now, not read from the stored row. */
export async function liveClock(deps: ClockDeps, complaintId: Types.ObjectId, now: Date): Promise<CaseClock | null> {
  const [facts] = await loadFacts([complaintId]);
  return facts ? clockOf(deps, facts, await holidaySet(now.getTime()), now) : null;
}

function rowOf(f: ComplaintFacts, c: CaseClock) {
  return {
    trackingCode: f.trackingCode,
    category: f.category,
    level: f.routedTo.level,
    districtCode: f.routedTo.districtCode ?? f.where?.districtCode ?? null,
    tambonCode: f.where?.tambonCode ?? null,
    status: f.status,
    open: c.open,
    stage: c.stage,
    dueDay: c.dueDay,
    dueAt: c.dueAt,
    submittedAt: f.submittedAt,
    firstResponseAt: c.firstResponseAt,
    firstResponseDueDay: c.firstResponseDueDay,
    closedAt: c.closedAt,
  };
}

const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.() : (a ?? null) === (b ?? null));

export async function syncClocks(deps: ClockDeps, now: Date): Promise<{ written: number; open: number }> {
  const [openCases, openClocks] = await Promise.all([
    Complaint.find({ status: { $in: [...OPEN_STATUSES] } }, { _id: 1 }).lean(),
    CaseClockRow.find({ open: true }, { _id: 1 }).lean(),
  ]);
  const ids = [...new Map([...openCases, ...openClocks].map((r) => [String(r._id), r._id as Types.ObjectId])).values()];
  const holidays = await holidaySet(now.getTime());
  const stored = new Map((await CaseClockRow.find({ _id: { $in: ids } }).lean()).map((r) => [String(r._id), r as Record<string, unknown>]));
  const writes: Parameters<typeof CaseClockRow.bulkWrite>[0] = [];
  let open = 0;
  for (const f of await loadFacts(ids)) {
    const c = clockOf(deps, f, holidays, now);
    if (c.open) open += 1;
    const row = rowOf(f, c);
    const old = stored.get(String(f._id));
    if (old && Object.entries(row).every(([k, v]) => same(old[k], v))) continue;
    const insertOnly = old ? {} : { $setOnInsert: { alertedAt: now.getTime() - f.submittedAt.getTime() > OLD_CASE_MS ? now : null } };
    writes.push({ updateOne: { filter: { _id: f._id }, update: { $set: { ...row, syncedAt: now }, ...insertOnly } as Record<string, unknown>, upsert: true } });
  }
  for (let i = 0; i < writes.length; i += 100) {
    try {
      await CaseClockRow.bulkWrite(writes.slice(i, i + 100), { ordered: false });
    } catch (err) {
      // Another replica inserted the same new clock first: it wrote the same values.
      const errors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
      if (!errors?.length || !errors.every((e) => e.code === 11000)) throw err;
    }
  }
  return { written: writes.length, open };
}
