// How busy the webhook is, so that processing can step aside for it. LINE waits
// at most 2 s for the 200, and only the inbox insert spends that time; answering
// can wait a little (a reply token lasts about a minute, and the outbox pushes
// after that). Two levels:
// - busy (webhooks arrive fast, or several wait on their insert): the worker handles
//   a quarter of its chats at once (inbox-worker.ts), and the database serves the
//   inserts first;
// - surge (a flood: 400 requests a second, sustained for a whole second): one chat
//   at a time at a paced trickle (inbox-worker.ts), which keeps answers moving in
//   order while nearly all of the process goes to taking events in, and each request
//   is stored as one journal row instead of a row per event (inbox-journal.ts). The
//   backlog is worked off when the flood passes. A burst (200 people answering a headman's
//   call at once) is no surge: pacing answers after a burst cost 300 ms to 2 s at
//   p99 at 200 events/s. Measured on 2 cores at peak intake of 1-event requests,
//   with processing on: 1,206 requests/s at a quarter of the chats, 3,305 at one
//   chat (2026-12-05).
// A level lasts a second past the last sign of load: requests stop arriving exactly
// when the inserts stall, and that is no time to let the worker loose on the database.
export const BUSY_WINDOW_MS = 250;
export const BUSY_REQUESTS = 25; // in the window: 100 webhook requests/s
export const BUSY_IN_FLIGHT = 20; // a burst of a few webhooks is not load
export const SURGE_WINDOW_MS = 1000;
export const SURGE_REQUESTS = 400; // in the surge window
export const BUSY_HOLD_MS = 1000;

export type LoadLevel = "calm" | "busy" | "surge";

export class IngestLoad {
  /** Request times, oldest first; those before `head` have left both windows. */
  private stamps: number[] = [];
  private head = 0;
  private busyHead = 0;
  private inFlight = 0;
  private busyUntil = 0;
  private surgeUntil = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** A webhook request starts storing its events; call the returned function when it is done. */
  begin(): () => void {
    const now = this.clock();
    this.stamps.push(now);
    this.inFlight += 1;
    this.check(now);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
    };
  }

  level(): LoadLevel {
    const now = this.clock();
    this.check(now);
    return now < this.surgeUntil ? "surge" : now < this.busyUntil ? "busy" : "calm";
  }

  busy(): boolean {
    return this.level() !== "calm";
  }

  private check(now: number): void {
    while (this.head < this.stamps.length && now - this.stamps[this.head]! > SURGE_WINDOW_MS) this.head++;
    this.busyHead = Math.max(this.busyHead, this.head);
    while (this.busyHead < this.stamps.length && now - this.stamps[this.busyHead]! > BUSY_WINDOW_MS) this.busyHead++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.busyHead -= this.head;
      this.head = 0;
    }
    if (this.stamps.length - this.busyHead >= BUSY_REQUESTS || this.inFlight >= BUSY_IN_FLIGHT) this.busyUntil = now + BUSY_HOLD_MS;
    if (this.stamps.length - this.head >= SURGE_REQUESTS) this.surgeUntil = now + BUSY_HOLD_MS;
  }
}
