import type { Outbox } from "../line/outbox";
import { OutboxMessage, type OutboxMessageDoc } from "../models/outbox-message.model";

// Sends the outbox rows of reminder batches: a bounded number in flight (the outbox
// paces multicasts to LINE's 200 requests/s), retrying 5xx, timeouts and rate limits
// with the row's own stored retry key until the budget runs out. Every try is kept
// for the delivery log. A monthly-quota 429 stops everything: further tries would
// only fail the same way (line.md §3, "429 has several meanings").
export interface RowAttempt {
  at: Date;
  status?: number;
  outcome: "accepted" | "duplicate" | "retry" | "failed";
  requestId?: string;
  error?: string;
}

export interface RowOutcome {
  row: OutboxMessageDoc;
  attempts: RowAttempt[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class RowSender {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly deadline: number;
  quotaExhausted = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly now: () => Date,
    private readonly concurrency: number,
    retryBudgetMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.deadline = Date.now() + retryBudgetMs;
  }

  get stopped(): boolean {
    return this.quotaExhausted || this.signal?.aborted === true;
  }

  private async slot(): Promise<void> {
    if (this.inFlight < this.concurrency) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }

  async send(first: OutboxMessageDoc): Promise<RowOutcome> {
    await this.slot();
    const attempts: RowAttempt[] = [];
    let row = first;
    let tried = false;
    try {
      while (row.state === "pending" || row.state === "sending") {
        // The budget bounds retries only: every row gets a first try, however long planning took.
        if (this.stopped || (tried && Date.now() > this.deadline)) break;
        tried = true;
        const after = await this.outbox.trySend(row, { recipientsChecked: true });
        if (after) {
          row = after;
          attempts.push(attemptOf(after, this.now()));
          if (row.state === "failed" && /^quota/.test(row.lastError ?? "")) this.quotaExhausted = true;
        } else {
          // Not ours to send now: backing off, or another replica (or the outbox poller) holds it.
          row = (await OutboxMessage.findById(row._id)) ?? row;
        }
        if (row.state === "pending" || row.state === "sending") {
          const wait = row.state === "pending" ? row.nextAttemptAt.getTime() - this.now().getTime() : 50;
          await sleep(Math.min(Math.max(wait, 5), 1000));
        }
      }
    } finally {
      this.release();
    }
    return { row, attempts };
  }

  /** After a quota stop: rows never tried are closed so the outbox poller does not spend 429s on them. */
  async closeUntried(rows: OutboxMessageDoc[]): Promise<void> {
    const ids = rows.filter((r) => r.state === "pending" && r.attempts === 0).map((r) => r._id);
    if (ids.length === 0) return;
    await OutboxMessage.updateMany({ _id: { $in: ids }, state: "pending", attempts: 0 }, { $set: { state: "failed", lastError: "quota: not tried, the monthly message quota is used up" } });
  }
}

function attemptOf(row: OutboxMessageDoc, at: Date): RowAttempt {
  const requestId = row.requestIds.at(-1) || row.acceptedRequestId || undefined;
  if (row.state === "sent") return { at, status: row.lastStatus ?? 200, outcome: row.lastStatus === 409 ? "duplicate" : "accepted", requestId };
  return { at, status: row.lastStatus ?? undefined, outcome: row.state === "failed" ? "failed" : "retry", requestId, error: row.lastError ?? undefined };
}
