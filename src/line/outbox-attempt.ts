import { randomUUID } from "node:crypto";
import { tryClaim } from "../locks/claim";
import { Member, memberIdFor } from "../models/member.model";
import { OutboxMessage, type OutboxMessageDoc } from "../models/outbox-message.model";
import type { LineApiError } from "./line-errors";

// The parts of one outbox attempt that need no outbox state: taking a due attempt,
// who may still receive it (members who blocked the account are left out), and
// what a refused attempt leaves on its row.

/** Takes the row's next attempt if it is due and no one holds it (an insert-only claim per attempt), or null. */
export async function claimDueAttempt(id: unknown, o: { owner: string; leaseMs: number; now: Date }): Promise<OutboxMessageDoc | null> {
  const t = o.now.getTime();
  const row = await OutboxMessage.findById(id);
  if (!row) return null;
  const due = (row.state === "pending" && row.nextAttemptAt.getTime() <= t) || (row.state === "sending" && (row.leaseUntil?.getTime() ?? 0) < t);
  if (!due) return null;
  const slot = Math.floor(t / o.leaseMs);
  // A fresh owner token per attempt: even this process must not take it twice.
  if (!(await tryClaim(`outbox:${String(row._id)}:${row.attempts}`, `${o.owner}:${randomUUID()}`, new Date((slot + 2) * o.leaseMs)))) return null;
  row.state = "sending";
  row.leaseOwner = o.owner;
  row.leaseUntil = new Date(t + o.leaseMs);
  row.attempts += 1;
  await OutboxMessage.updateOne({ _id: row._id }, { $set: { state: row.state, leaseOwner: row.leaseOwner, leaseUntil: row.leaseUntil, attempts: row.attempts } });
  return row;
}

// Up to this many recipients, follow state is read member by member (by _id).
const FEW_RECIPIENTS = 5;

export async function followedOnly(userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  if (userIds.length <= FEW_RECIPIENTS) {
    // A push: each member by its _id (member.model.ts), no scan of all members.
    const found = await Promise.all(userIds.map((u) => Member.findById(memberIdFor(u), { followed: 1 }).lean()));
    if (found.every((m) => m !== null)) return userIds.filter((_, i) => found[i]!.followed !== false);
  }
  const gone = await Member.find({ lineUserId: { $in: userIds }, followed: false }, { lineUserId: 1 }).lean();
  const blocked = new Set(gone.map((m) => m.lineUserId));
  return userIds.filter((u) => !blocked.has(u));
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  now: Date;
}

/**
 * The row's fields after LINE refused an attempt: sent (409, an earlier try with
 * this retry key was accepted), pending again with a backoff (retryable or rate
 * limited, attempts left), or failed.
 */
export function failedAttempt(e: LineApiError, attempts: number, p: RetryPolicy): Record<string, unknown> {
  const set: Record<string, unknown> = { lastStatus: e.status, lastError: `${e.kind}: ${e.message}`.slice(0, 500) };
  if (e.kind === "conflict") return Object.assign(set, { state: "sent", sentAt: p.now, acceptedRequestId: e.acceptedRequestId });
  if ((e.kind === "retryable" || e.kind === "rate_limited") && attempts < p.maxAttempts) {
    const delay = e.kind === "rate_limited" ? p.baseDelayMs : Math.min(p.baseDelayMs * 2 ** (attempts - 1), 300_000);
    return Object.assign(set, { state: "pending", nextAttemptAt: new Date(p.now.getTime() + delay * (0.5 + Math.random())) });
  }
  return Object.assign(set, { state: "failed" });
}
