// How busy the webhook is, so that processing can step aside for it. LINE waits
// at most 2 s for the 200, and only the inbox insert spends that time; answering
// can wait a little (a reply token lasts about a minute, and the outbox pushes
// after that). So while the inserts suffer (one took longer than SLOW_INSERT_MS,
// or many wait at once), the worker handles one chat at a time instead of many,
// and the database serves the inserts first. Busy lasts a second past the last
// sign of trouble: requests stop arriving exactly when the inserts stall, and
// that is no time to let the worker loose on the database.
//
// The sign is the inserts' own latency, not the request rate: a database that
// keeps inserting fast at hundreds of requests a second needs no protection, and
// throttling the worker then would only cap how fast people are answered.
export const SLOW_INSERT_MS = 100;
export const BUSY_IN_FLIGHT = 20; // a burst of a few webhooks is not load
export const BUSY_HOLD_MS = 1000;

export class IngestLoad {
  private inFlight = 0;
  private busyUntil = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** A webhook request starts storing its events; call the returned function when it is done. */
  begin(): () => void {
    const started = this.clock();
    this.inFlight += 1;
    if (this.inFlight >= BUSY_IN_FLIGHT) this.hold(started);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      const now = this.clock();
      if (now - started > SLOW_INSERT_MS) this.hold(now);
    };
  }

  busy(): boolean {
    const now = this.clock();
    if (this.inFlight >= BUSY_IN_FLIGHT) this.hold(now);
    return now < this.busyUntil;
  }

  private hold(now: number): void {
    this.busyUntil = Math.max(this.busyUntil, now + BUSY_HOLD_MS);
  }
}
