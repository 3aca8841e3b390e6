import type { Types } from "mongoose";
import { findEnd, insertRow, readHead } from "./change-log";

// The writer side of the complaint change log. Called after a complaint was
// written, so that every process's complaint list re-reads it.
//
// - One row at a time per process: changes recorded while a row is being
//   inserted go together into the next row. A process never inserts at n before
//   it saw n − 1 exist, so the log has no gaps, whatever crashes.
// - Each row first reads the head: after a database reset (a new epoch) the
//   position is found again instead of continuing from a stale one.
// - recordComplaintChange never rejects. A row that fails is retried in the
//   background (1, 2, 4, 8 s) while its callers go on; the lists' periodic
//   rebuild covers a process that dies first.
interface Waiter {
  ids: readonly Types.ObjectId[];
  done: () => void;
}

const RETRY_MS = [1_000, 2_000, 4_000, 8_000];
const SKIP_AFTER_DUPLICATES = 8;
let queue: Waiter[] = [];
let flushing = false;
let cursor: { epoch: string; next: number } | undefined;

async function writeRow(ids: readonly Types.ObjectId[], at: Date): Promise<void> {
  const head = await readHead();
  if (!cursor || cursor.epoch !== head.epoch) cursor = { epoch: head.epoch, next: await findEnd(head.n) };
  for (let taken = 1; ; taken++) {
    const n = cursor.next;
    if (await insertRow(n, ids, at)) {
      cursor.next = n + 1;
      return;
    }
    // Another process wrote row n, so row n exists and n + 1 is the next to try.
    cursor.next = taken % SKIP_AFTER_DUPLICATES === 0 ? await findEnd(n) : n + 1;
  }
}

async function writeWithRetries(batch: Waiter[]): Promise<void> {
  const ids = batch.flatMap((w) => w.ids);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeRow(ids, new Date());
      break;
    } catch {
      batch.forEach((w) => w.done());
      if (attempt >= RETRY_MS.length) return;
      await new Promise((r) => setTimeout(r, RETRY_MS[attempt]).unref?.());
    }
  }
  batch.forEach((w) => w.done());
}

async function flush(): Promise<void> {
  flushing = true;
  while (queue.length > 0) {
    const batch = queue;
    queue = [];
    await writeWithRetries(batch);
  }
  flushing = false;
}

/** Logs that these complaints changed; resolves once the row is written (or its first try failed). */
export function recordComplaintChange(ids: Types.ObjectId | readonly Types.ObjectId[]): Promise<void> {
  const list = Array.isArray(ids) ? (ids as readonly Types.ObjectId[]) : [ids as Types.ObjectId];
  if (list.length === 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let settled = false;
    queue.push({ ids: list, done: () => (settled ? undefined : ((settled = true), resolve())) });
    if (!flushing) void flush();
  });
}
