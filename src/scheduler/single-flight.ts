// A job's tick that never overlaps itself: while one tick runs, the next cron call
// returns null instead of starting a second; after stop(), no tick starts, and
// stop() waits for the running one. Shared by the reminder and case-clock jobs.
export interface SingleFlight<T> {
  /** Runs `work`, or returns null when a tick is still running or the job stopped. */
  run(work: () => Promise<T>): Promise<T | null>;
  /** No tick starts after this; resolves when the running one (if any) has ended. */
  stop(): Promise<void>;
}

export function singleFlight<T>(): SingleFlight<T> {
  let running: Promise<T> | undefined;
  let stopped = false;
  return {
    async run(work) {
      if (running || stopped) return null;
      running = work();
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },
    async stop() {
      stopped = true;
      await running?.catch(() => undefined);
    },
  };
}
