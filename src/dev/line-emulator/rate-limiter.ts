import type { EndpointName } from "./types";

// LINE rate limits are per channel and per endpoint (developers.line.biz "Rate limits"):
// multicast 200 req/s, loading animation 100 req/s, broadcast 60 req/hour, most others
// 2000 req/s. (Rich-menu create 100 req/hour is not modelled.)
export const DEFAULT_RATE_LIMITS: Record<EndpointName, number> = {
  reply: 2000,
  push: 2000,
  multicast: 200,
  broadcast: 60,
  profile: 2000,
  content: 2000,
  loading: 100,
  richmenu: 2000,
  other: 2000,
};

const WINDOW_MS = 1000;
/** Endpoints whose limit is per rolling hour, not per second. */
export const HOURLY_ENDPOINTS: ReadonlySet<EndpointName> = new Set(["broadcast"]);

/** Counts accepted requests over a rolling window per endpoint (one second; one hour for broadcast). */
export class RateLimiter {
  private readonly limits: Record<EndpointName, number>;
  private readonly windows = new Map<EndpointName, number[]>();

  constructor(overrides: Partial<Record<EndpointName, number>> = {}) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  }

  /** How many more requests the window would let through now. */
  remaining(endpoint: EndpointName, now: number = Date.now()): number {
    const span = HOURLY_ENDPOINTS.has(endpoint) ? 3_600_000 : WINDOW_MS;
    return this.limits[endpoint] - (this.windows.get(endpoint) ?? []).filter((t) => t > now - span).length;
  }

  /** true when the request may pass (and is counted); false = answer 429. */
  tryAcquire(endpoint: EndpointName, now: number = Date.now()): boolean {
    const times = this.windows.get(endpoint) ?? [];
    const span = HOURLY_ENDPOINTS.has(endpoint) ? 3_600_000 : WINDOW_MS;
    while (times.length > 0 && times[0] <= now - span) times.shift();
    this.windows.set(endpoint, times);
    if (times.length >= this.limits[endpoint]) return false;
    times.push(now);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
