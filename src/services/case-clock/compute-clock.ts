import { addWorkingDays, dayKeyIn, endOfDay, workingDaysBetween, type DayKey, type HolidaySet } from "../../util/working-days";
import { isOpenStatus, type DeadlinePolicy } from "./clock-policy";

// The clock of one case, computed from what happened to it (pure: no database).
//
// - Until an officer first reaches the reporter (a status change or a message), the
//   deadline is policy.firstResponse working days after the day of submission.
// - After that, each open status allows policy.byStatus[status] working days from
//   the last update sent to the reporter (a status change or an officer message
//   that is not a question), or from submission.
// - While an officer's question waits for the reporter's answer the clock stops:
//   the deadline moves by the working days from the question's day (or the
//   anchor's, if later) to the answer's day. While still waiting there is no deadline.
export interface ClockFacts {
  submittedAt: Date;
  status: string;
  /** The status history, oldest first; entry 0 is the system's "received". */
  statusHistory: readonly { status: string; at: Date; actor?: { kind?: string | null } | null }[];
  /** The shared thread (officer questions/updates and reporter messages), any order. */
  thread: readonly { kind: string; at: Date; expectsReply?: boolean | null }[];
}

export type ClockStage = "first_response" | "progress" | "paused" | "closed";

export interface CaseClock {
  stage: ClockStage;
  open: boolean;
  /** The last working day allowed; null while paused or closed. */
  dueDay: DayKey | null;
  /** The end of dueDay in the app's zone: the case is overdue from this instant. */
  dueAt: Date | null;
  firstResponseAt: Date | null;
  /** The deadline of the first response (for the public figures). */
  firstResponseDueDay: DayKey;
  closedAt: Date | null;
  /** Paused: since when the case waits on the reporter, and the working days then left. */
  pausedSince: Date | null;
  daysLeftWhenResumed: number | null;
  overdue: boolean;
  dueToday: boolean;
  /** Working days from today to dueDay (negative: overdue by that many). */
  workingDaysLeft: number | null;
}

interface Ev {
  at: Date;
  kind: "update" | "question" | "answer";
}

function eventsOf(f: ClockFacts): Ev[] {
  const evs: Ev[] = [];
  f.statusHistory.forEach((s, i) => {
    if (i > 0 && s.actor?.kind !== "system") evs.push({ at: s.at, kind: "update" });
  });
  for (const m of f.thread) {
    if (m.kind === "officer") evs.push({ at: m.at, kind: m.expectsReply ? "question" : "update" });
    else if (m.kind === "reporter") evs.push({ at: m.at, kind: "answer" });
  }
  return evs.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function computeClock(f: ClockFacts, policy: DeadlinePolicy, holidays: HolidaySet, now: Date, timeZone: string): CaseClock {
  const day = (d: Date) => dayKeyIn(d, timeZone);
  const submittedDay = day(f.submittedAt);
  const firstResponseDueDay = addWorkingDays(submittedDay, policy.firstResponse, holidays);
  const evs = eventsOf(f);
  const firstResponseAt = evs.find((e) => e.kind !== "answer")?.at ?? null;
  const base = { firstResponseAt, firstResponseDueDay, pausedSince: null, daysLeftWhenResumed: null };
  if (!isOpenStatus(f.status)) {
    const closedAt = f.statusHistory.at(-1)?.at ?? null;
    return { ...base, stage: "closed", open: false, dueDay: null, dueAt: null, closedAt, overdue: false, dueToday: false, workingDaysLeft: null };
  }
  let dueDay: DayKey;
  let stage: ClockStage = "first_response";
  let pausedSince: Date | null = null;
  let daysLeftWhenResumed: number | null = null;
  if (!firstResponseAt) {
    dueDay = firstResponseDueDay;
  } else {
    stage = "progress";
    const updates = evs.filter((e) => e.kind === "update");
    const anchor = updates.at(-1)?.at ?? f.submittedAt;
    const anchorDay = day(anchor);
    // Pauses: a question opens one (if none is open), the reporter's next message closes it.
    let paused = 0;
    let openSince: Date | null = null;
    for (const e of evs) {
      if (e.kind === "question" && !openSince) openSince = e.at;
      else if (e.kind === "answer" && openSince) {
        if (e.at > anchor) paused += workingDaysBetween(maxDay(day(openSince), anchorDay), day(e.at), holidays);
        openSince = null;
      }
    }
    dueDay = addWorkingDays(anchorDay, policy.byStatus[f.status] + paused, holidays);
    if (openSince) {
      stage = "paused";
      pausedSince = openSince;
      daysLeftWhenResumed = Math.max(0, workingDaysBetween(maxDay(day(openSince), anchorDay), dueDay, holidays));
    }
  }
  if (stage === "paused") {
    return { ...base, stage, open: true, dueDay: null, dueAt: null, closedAt: null, pausedSince, daysLeftWhenResumed, overdue: false, dueToday: false, workingDaysLeft: null };
  }
  const dueAt = endOfDay(dueDay, timeZone);
  const today = day(now);
  const overdue = now.getTime() >= dueAt.getTime();
  const workingDaysLeft = overdue ? -workingDaysBetween(dueDay, today, holidays) : workingDaysBetween(today, dueDay, holidays);
  return { ...base, stage, open: true, dueDay, dueAt, closedAt: null, overdue, dueToday: today === dueDay, workingDaysLeft };
}

function maxDay(a: DayKey, b: DayKey): DayKey {
  return a > b ? a : b;
}
