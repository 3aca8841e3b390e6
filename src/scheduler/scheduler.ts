import cron from "node-cron";
import type { AppDeps } from "../app-deps";
import { createDeadlineJob, type DeadlineJob } from "./deadline.job";
import { createReminderJob, type ReminderJob } from "./reminder.job";

// node-cron ticks in APP_TIMEZONE (ARCHITECTURE.md "The scheduler"). SCHEDULER_CRON is
// "* * * * *" (every minute); tests use a six-field expression such as "* * * * * *"
// (every second) with an injected clock. Each tick reads the clock from deps.now.
export interface Scheduler {
  job: ReminderJob;
  /** The case clock: alerts, escalation and the morning digest (issue 24). */
  deadlines: DeadlineJob;
  stop(): Promise<void>;
}

export function startScheduler(deps: AppDeps, owner: string): Scheduler {
  const job = createReminderJob(deps, owner);
  // Announcements due (or left mid-send by a replica that died): each sent in the
  // background under its own lease, so a long send never holds up reminders.
  const announcements = cron.schedule(
    deps.config.scheduler.cron,
    async () => {
      try {
        await deps.announcements?.tick();
      } catch (err) {
        deps.logger.error("announcement tick failed", { err: err as Error });
      }
    },
    { timezone: deps.config.timezone, name: `announcements-${owner}`, noOverlap: true },
  );
  const task = cron.schedule(
    deps.config.scheduler.cron,
    async () => {
      try {
        await job.tick();
      } catch (err) {
        deps.logger.error("reminder tick failed", { err: err as Error });
      }
    },
    { timezone: deps.config.timezone, name: `reminders-${owner}`, noOverlap: true },
  );
  const deadlines = createDeadlineJob(deps, owner);
  const deadlineTask = cron.schedule(
    deps.config.scheduler.cron,
    async () => {
      try {
        await deadlines.tick();
      } catch (err) {
        deps.logger.error("case clock tick failed", { err: err as Error });
      }
    },
    { timezone: deps.config.timezone, name: `deadlines-${owner}`, noOverlap: true },
  );
  return {
    job,
    deadlines,
    async stop() {
      await task.stop();
      await task.destroy();
      await deadlineTask.stop();
      await deadlineTask.destroy();
      await deadlines.stop();
      await announcements.stop();
      await announcements.destroy();
      await job.stop();
    },
  };
}
