import { Types } from "mongoose";
import type { Logger } from "../../logger";
import { setComplaintListEntries } from "../../observability/metrics";
import { Complaint } from "../../models/complaint.model";
import { complaintMatcher, type ComplaintFacts, type ComplaintFilter } from "../complaint-filter";
import type { OfficerScope } from "../complaint-scope";
import type { ComplaintSummarySource } from "../complaint-officer-view";
import { findEnd, raiseHead, readHead, readRow } from "./change-log";
import { ENTRY_PROJECTION, newerFirst, pageOf, readAllEntries, toEntry, type Entry, type EntryPage } from "./complaint-entries";

// The officer's complaint list, answered from memory (issue 7: pages under
// 150 ms at 100,000 cases). On FerretDB a filtered, sorted page reads every
// complaint (about 35 µs each, so seconds); here a page is a pass over an array.
//
// - Built by one read of all complaints, after noting where the change log ends.
// - Before each page, the log is read on from there, and the complaints named in
//   new rows are read again by _id: a change made by any process, this one
//   included, shows in the next page (about 2 keyed reads when nothing changed).
// - A new log epoch (database reset) means a rebuild; until it is done, list()
//   answers undefined and the caller asks the database.
// - Between pages the log is read every `catchUpEveryMs` as well.
// - Rebuilt every `rebuildEveryMs` anyway, in the background, so a change whose
//   row was never written (a process that died in between) is seen in the end.
export interface ComplaintListIndex {
  /** A page, or undefined while the first build is under way. */
  list(scope: OfficerScope, filter: ComplaintFilter | undefined, skip: number, take: number): Promise<EntryPage | undefined>;
  /** The id of the case with this (canonical) tracking code, null if none; undefined while not built. */
  idOfCode(code: string): Promise<string | null | undefined>;
  /** The ids of a reporter's cases by blind index, newest first; undefined while not built. */
  idsOfReporter(reporterIndex: string, limit: number): Promise<string[] | undefined>;
  /** Every case, newest first, up to date; waits for a first build under way; undefined if there is none. */
  facts(): Promise<readonly ComplaintFacts[] | undefined>;
  /** Reads all complaints again now. */
  rebuild(): Promise<void>;
  stop(): void;
}

export interface ComplaintListIndexOptions {
  logger: Logger;
  rebuildEveryMs?: number;
  /** Reads the log on this often between pages too, so a page after a quiet hour does not wait for an hour of rows. */
  catchUpEveryMs?: number;
}

const HEAD_RAISE_EVERY = 256;
const REREAD_CONCURRENCY = 16;

export function createComplaintListIndex(opts: ComplaintListIndexOptions): ComplaintListIndex {
  let entries = new Map<string, Entry>();
  let byCode = new Map<string, Entry>();
  let sorted: Entry[] = [];
  let epoch: string | undefined;
  let applied = 0;
  let raisedAt = 0;
  let ready = false;
  let swap: { map: Map<string, Entry>; epoch: string; pos: number } | undefined;
  let building: Promise<void> | undefined;
  let current: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  let stopped = false;

  /** The first position whose entry does not sort before e (binary search). */
  function positionOf(e: Entry): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newerFirst(sorted[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function put(e: Entry | undefined, id: string): void {
    const old = entries.get(id);
    if (old) {
      sorted.splice(positionOf(old), 1);
      byCode.delete(old.trackingCode);
    }
    if (!e) return void entries.delete(id);
    entries.set(id, e);
    byCode.set(e.trackingCode, e);
    sorted.splice(positionOf(e), 0, e);
  }

  async function reread(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += REREAD_CONCURRENCY) {
      const docs = await Promise.all(ids.slice(i, i + REREAD_CONCURRENCY).map((id) => Complaint.findById(new Types.ObjectId(id), ENTRY_PROJECTION).lean()));
      docs.forEach((d, k) => put(d ? toEntry(d as unknown as ComplaintSummarySource) : undefined, ids[i + k]!));
    }
  }

  /** Exclusive: applies a finished rebuild, then reads the log on. */
  async function catchUp(): Promise<void> {
    if (swap) {
      ({ map: entries, epoch, pos: applied } = swap);
      sorted = [...entries.values()].sort(newerFirst);
      byCode = new Map(sorted.map((e) => [e.trackingCode, e]));
      swap = undefined;
      ready = true;
      setComplaintListEntries(entries.size);
    }
    if (!ready) return;
    const [head, first] = await Promise.all([readHead(), readRow(applied + 1)]);
    if (head.epoch !== epoch) {
      ready = false;
      setComplaintListEntries(-1);
      void rebuild();
      return;
    }
    // The position moves only once its cases are read again: a failed read is retried whole next time.
    const ids = new Set<string>();
    let pos = applied;
    for (let row = first; row; row = await readRow(pos + 1)) {
      row.ids.forEach((id) => ids.add(String(id)));
      pos += 1;
    }
    await reread([...ids]);
    applied = pos;
    setComplaintListEntries(entries.size);
    if (applied - raisedAt >= HEAD_RAISE_EVERY) {
      raisedAt = applied;
      await raiseHead(applied).catch(() => undefined);
    }
  }

  /** Runs catchUp once, after this call: joins a run not yet started, never one already running. */
  function refresh(): Promise<void> {
    if (!current) {
      current = catchUp().finally(() => (current = undefined));
      return current;
    }
    next ??= current.catch(() => undefined).then(() => {
      next = undefined;
      return refresh();
    });
    return next;
  }

  function rebuild(): Promise<void> {
    if (stopped) return Promise.resolve();
    building ??= (async () => {
      const started = Date.now();
      const head = await readHead();
      const pos = (await findEnd(head.n)) - 1;
      const map = await readAllEntries();
      swap = { map, epoch: head.epoch, pos };
      await refresh();
      opts.logger.info("complaint list index built", { complaints: map.size, ms: Date.now() - started });
    })()
      .catch((err) => (stopped ? undefined : opts.logger.warn("complaint list index build failed", { err })))
      .finally(() => (building = undefined));
    return building;
  }

  /** Caught up with the log; false (and a build started) while there is no list to answer from. */
  async function upToDate(): Promise<boolean> {
    if (!ready) {
      void rebuild();
      return false;
    }
    await refresh();
    return ready;
  }

  const timer = opts.rebuildEveryMs ? setInterval(() => void rebuild(), opts.rebuildEveryMs) : undefined;
  timer?.unref();
  const ticker = opts.catchUpEveryMs ? setInterval(() => ready && void refresh().catch(() => undefined), opts.catchUpEveryMs) : undefined;
  ticker?.unref();
  void rebuild();

  return {
    async list(scope, filter, skip, take) {
      const m = complaintMatcher(scope, filter);
      return (await upToDate()) ? pageOf(sorted, m, skip, take) : undefined;
    },
    async idOfCode(code) {
      return (await upToDate()) ? (byCode.get(code)?.id ?? null) : undefined;
    },
    async idsOfReporter(reporterIndex, limit) {
      if (!(await upToDate())) return undefined;
      const ids: string[] = [];
      for (const e of sorted) if (e.reporterIndex === reporterIndex && ids.push(e.id) >= limit) break;
      return ids;
    },
    async facts() {
      if (!ready) await rebuild();
      if (ready) await refresh();
      return ready ? sorted : undefined;
    },
    rebuild,
    stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(ticker);
    },
  };
}
