const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Paces requests like LINE counts them: at most `limit` in any rolling window. The
 * margin absorbs jitter between our send time and LINE's arrival time. Real time, not
 * the injected clock: this is about LINE's servers, not the schedule.
 */
export class SlidingWindowPacer {
  private readonly sent: number[] = [];
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
    private readonly marginMs = 25,
  ) {}

  acquire(): Promise<void> {
    const mine = this.turn.then(async () => {
      for (;;) {
        const t = Date.now();
        while (this.sent.length > 0 && this.sent[0]! <= t - this.windowMs - this.marginMs) this.sent.shift();
        if (this.sent.length < this.limit) {
          this.sent.push(t);
          return;
        }
        await sleep(this.sent[0]! + this.windowMs + this.marginMs - t + 1);
      }
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }
}
