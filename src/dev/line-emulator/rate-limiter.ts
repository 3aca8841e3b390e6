import type { EndpointName } from "./types";

// LINE rate limits are per channel and per endpoint (developers.line.biz "Rate limits"):
// multicast 200 req/s, loading animation 100 req/s, most others 2000 req/s.
// (Narrowcast/broadcast 60 req/hour and rich-menu create 100 req/hour are not modelled.)
export const DEFAULT_RATE_LIMITS: Record<EndpointName, number> = {
  reply: 2000,
  push: 2000,
  multicast: 200,
  broadcast: 2000,
  profile: 2000,
  content: 2000,
  loading: 100,
  richmenu: 2000,
  other: 2000,
};

const WINDOW_MS = 1000;

/** Counts accepted requests over a rolling one-second window per endpoint. */
export class RateLimiter {
  private readonly limits: Record<EndpointName, number>;
  private readonly windows = new Map<EndpointName, number[]>();

  constructor(overrides: Partial<Record<EndpointName, number>> = {}) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  }

  /** true when the request may pass (and is counted); false = answer 429. */
  tryAcquire(endpoint: EndpointName, now: number = Date.now()): boolean {
    const times = this.windows.get(endpoint) ?? [];
    while (times.length > 0 && times[0] <= now - WINDOW_MS) times.shift();
    this.windows.set(endpoint, times);
    if (times.length >= this.limits[endpoint]) return false;
    times.push(now);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
