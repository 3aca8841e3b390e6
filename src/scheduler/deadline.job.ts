import type { AppDeps } from "../app-deps";
import { sendDigests, sendNewCaseAlerts } from "../services/case-clock/case-alerts";
import { syncClocks } from "../services/case-clock/clock-sync";
import { escalateOverdue } from "../services/case-clock/escalation";
import { holidaySet } from "../services/holiday.service";
import { singleFlight } from "./single-flight";

// One tick of the case clock (issue 24), every scheduler minute: bring the stored
// clocks up to date, alert officers of new cases, escalate cases past their
// deadline, and from CASE_DIGEST_TIME on working days send the morning digest.
// Every step is safe to run on several replicas at once and again after a crash
// (conditional updates and outbox dedupe keys; see each service).
export interface DeadlineTickResult {
  clocksWritten: number;
  open: number;
  alerts: number;
  escalated: number;
  told: number;
  digests: number;
}

export interface DeadlineJob {
  tick(now?: Date): Promise<DeadlineTickResult | null>;
  stop(): Promise<void>;
}

export function createDeadlineJob(deps: AppDeps, owner: string): DeadlineJob {
  const flight = singleFlight<DeadlineTickResult>();

  async function run(now: Date): Promise<DeadlineTickResult> {
    const synced = await syncClocks(deps, now);
    const alerts = await sendNewCaseAlerts(deps, now);
    const { escalated, told } = await escalateOverdue(deps, now);
    const digests = await sendDigests(deps, await holidaySet(now.getTime()), now, owner);
    const result = { clocksWritten: synced.written, open: synced.open, alerts, escalated, told, digests };
    if (alerts || escalated || told || digests) deps.logger.info("case clock tick", { ...result });
    return result;
  }

  return {
    tick: (now = deps.now()) => flight.run(() => run(now)),
    stop: () => flight.stop(),
  };
}
