import { isDuplicateKeyError } from "../errors";
import { PledgeCounter, pledgeCounterWrites } from "../models/pledge-counter.model";

// Writes to the pledge counter documents (pledge-tally.service.ts), one update per
// document at a time in this process, with the changes that arrive meanwhile merged
// into the next one: many pledges' $inc become one update.
//
// One at a time because FerretDB 1.24 applies an update as read, modify, write, so
// concurrent $inc on one document lose increments (50 parallel $inc left 1); merged
// because at 100 pledges/s one update per pledge on the year's document was a queue
// of its own. MongoDB's $inc is atomic anyway; there the merge only saves round trips.
export interface CounterChange {
  inc: Record<string, number>;
  /** Raised to at least this value. */
  max?: Record<string, number>;
  setOnInsert?: Record<string, unknown>;
}

/** What one change left: the document after the merged update, and each counter as it stood right after this change. */
export interface CounterResult {
  doc: Record<string, unknown> | null;
  valueAfter(path: string): number;
}

interface Job {
  change?: CounterChange;
  /** Any other update (a rebuild's $set): written alone, in order with the changes. */
  update?: Record<string, unknown>;
  returning: boolean;
  resolve(r: CounterResult): void;
  reject(err: unknown): void;
}

const waiting = new Map<string, Job[]>();
const writing = new Set<string>();

/** An upsert of a missing document can race with another upsert; the loser retries once. */
async function upsertRetrying<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return op();
  }
}

function merged(jobs: Job[]): Record<string, unknown> {
  const inc: Record<string, number> = {};
  const max: Record<string, number> = {};
  const setOnInsert: Record<string, unknown> = {};
  for (const { change } of jobs) {
    for (const [k, v] of Object.entries(change!.inc)) inc[k] = (inc[k] ?? 0) + v;
    for (const [k, v] of Object.entries(change!.max ?? {})) max[k] = Math.max(max[k] ?? v, v);
    Object.assign(setOnInsert, change!.setOnInsert);
  }
  const update: Record<string, unknown> = { $inc: inc };
  if (Object.keys(max).length > 0) update.$max = max;
  if (Object.keys(setOnInsert).length > 0) update.$setOnInsert = setOnInsert;
  return update;
}

/** The timestamps mongoose would add to an update (group writes are raw). */
function stamped(update: Record<string, unknown>): Record<string, unknown> {
  const at = new Date();
  return {
    ...update,
    $set: { ...(update.$set as object | undefined), updatedAt: at },
    $setOnInsert: { ...(update.$setOnInsert as object | undefined), createdAt: at },
  };
}

function read(doc: Record<string, unknown> | null, path: string): number {
  let v: unknown = doc;
  for (const part of path.split(".")) v = v instanceof Map ? v.get(part) : (v as Record<string, unknown> | undefined)?.[part];
  return typeof v === "number" ? v : 0;
}

function settle(jobs: Job[], doc: Record<string, unknown> | null): void {
  // Later changes of the same batch are taken back, so each caller sees the counts as its own change left them.
  const later = new Map<string, number>();
  for (let i = jobs.length - 1; i >= 0; i--) {
    const after = new Map(later);
    jobs[i]!.resolve({ doc, valueAfter: (path) => read(doc, path) - (after.get(path) ?? 0) });
    for (const [k, v] of Object.entries(jobs[i]!.change?.inc ?? {})) later.set(k, (later.get(k) ?? 0) + v);
  }
}

async function flush(id: string): Promise<void> {
  writing.add(id);
  for (let queue = waiting.get(id); queue && queue.length > 0; queue = waiting.get(id)) {
    // The changes at the head of the line together, or one other update alone.
    let n = 1;
    if (!queue[0]!.update) while (n < queue.length && !queue[n]!.update) n++;
    const jobs = queue.splice(0, n);
    if (queue.length === 0) waiting.delete(id);
    try {
      const update = jobs[0]!.update ?? merged(jobs);
      const doc = jobs.some((j) => j.returning)
        ? ((await upsertRetrying(() => PledgeCounter.findOneAndUpdate({ _id: id }, update, { upsert: true, new: true }).lean())) as Record<string, unknown> | null)
        : (await upsertRetrying(() => pledgeCounterWrites.update(id, stamped(update), { upsert: true })), null);
      settle(jobs, doc);
    } catch (err) {
      for (const j of jobs) j.reject(err);
    }
  }
  writing.delete(id);
}

function enqueue(id: string, job: Omit<Job, "resolve" | "reject">): Promise<CounterResult> {
  return new Promise((resolve, reject) => {
    const queue = waiting.get(id);
    if (queue) queue.push({ ...job, resolve, reject });
    else waiting.set(id, [{ ...job, resolve, reject }]);
    if (!writing.has(id)) void flush(id);
  });
}

/** Applies a change to a counter document (created when missing), merged with others waiting for the same document. */
export function changeCounter(id: string, change: CounterChange, returning = false): Promise<CounterResult> {
  return enqueue(id, { change, returning });
}

/** Applies any other update to a counter document, alone and in order with the changes. */
export async function updateCounter(id: string, update: Record<string, unknown>): Promise<void> {
  await enqueue(id, { update, returning: false });
}
