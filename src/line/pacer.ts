const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Paces requests like LINE counts them: at most `limit` in any rolling window, as
 * they arrive at LINE. We cannot see the arrival, only that it lies between our
 * acquiring a slot and the answer. So a slot is held while its request is in
 * flight, and for a window (plus a margin) after the answer: a request let through
 * then arrives more than a window after every request still counted. Counting from
 * the moment of sending instead let 429s through in a sustained fan-out (4,800
 * multicasts in a row, the event loop busy between acquiring and sending). Real
 * time, not the injected clock: this is about LINE's servers, not the schedule.
 */
export class SlidingWindowPacer {
  /** Each slot: when its request was answered, or undefined while it is in flight. */
  private readonly slots: { doneAt?: number }[] = [];
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
    private readonly marginMs = 10,
  ) {}

  /** Waits for a slot; call the returned function when the request has been answered (or failed). */
  acquire(): Promise<() => void> {
    const mine = this.turn.then(async () => {
      for (;;) {
        const t = Date.now();
        const horizon = t - this.windowMs - this.marginMs;
        for (let i = this.slots.length - 1; i >= 0; i--) {
          const d = this.slots[i]!.doneAt;
          if (d !== undefined && d <= horizon) this.slots.splice(i, 1);
        }
        if (this.slots.length < this.limit) {
          const slot: { doneAt?: number } = {};
          this.slots.push(slot);
          return () => {
            slot.doneAt ??= Date.now();
          };
        }
        const done = this.slots.filter((s) => s.doneAt !== undefined).map((s) => s.doneAt!);
        const next = done.length > 0 ? Math.min(...done) + this.windowMs + this.marginMs - t + 1 : 5;
        await sleep(Math.max(1, next));
      }
    });
    this.turn = mine.then(
      () => undefined,
      () => undefined,
    );
    return mine;
  }
}
