import type { AppDeps } from "../app-deps";
import { createReminderDispatcher, type SendDueOptions, type SendDueResult } from "../services/reminder-dispatch.service";
import { extendHorizon } from "../services/reminder.service";
import { singleFlight } from "./single-flight";

// One scheduler tick: send what is due (time-critical, first), plan what falls due
// within REMINDER_PLAN_AHEAD_SECONDS, then, at most hourly, top up the reminder
// horizon of recurring meetings. Ticks never overlap in one
// process; across replicas the reminder claims and outbox dedupe keys keep it safe.
export interface ReminderJob {
  /** Runs one tick at `now` (default: the injected clock). Null when a tick is still running. */
  tick(now?: Date): Promise<SendDueResult | null>;
  /** Aborts the running tick's sending (its leases then lapse to another replica) and waits for it. */
  stop(): Promise<void>;
}

const HORIZON_EVERY_MS = 3_600_000;

export function createReminderJob(deps: AppDeps, owner: string, opts: Omit<SendDueOptions, "signal"> = {}): ReminderJob {
  const flight = singleFlight<SendDueResult>();
  let lastHorizon = 0;
  const abort = new AbortController();
  const dispatcher = createReminderDispatcher({ config: deps.config, logger: deps.logger, outbox: deps.outbox, owner, now: deps.now, planAheadMs: deps.config.scheduler.planAheadMs });

  async function run(now: Date): Promise<SendDueResult> {
    const started = Date.now();
    const result = await dispatcher.tick(now, { ...opts, signal: abort.signal });
    if (result.claimed > 0 || result.planned > 0) deps.logger.info("reminders tick", { ...result, ms: Date.now() - started });
    if (now.getTime() - lastHorizon >= HORIZON_EVERY_MS) {
      lastHorizon = now.getTime();
      const made = await extendHorizon(deps.config, now);
      if (made > 0) deps.logger.info("reminder horizon extended", { made });
    }
    return result;
  }

  return {
    tick: (now = deps.now()) => flight.run(() => run(now)),
    async stop() {
      abort.abort();
      await flight.stop();
      await dispatcher.release().catch((err: Error) => deps.logger.warn("planned reminders not released; their lease runs out instead", { error: err.message }));
    },
  };
}
