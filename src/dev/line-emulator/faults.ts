import { seededRandom } from "../../util/seeded-random";
import type { EndpointName, FaultConfig } from "./types";

export interface InjectedFault {
  status: number;
  body: unknown;
  /** Requests to let through untouched before this fault (failNext's `after`). */
  pass?: number;
}

/** The bodies LINE sends with these statuses. */
export function defaultErrorBody(status: number): unknown {
  if (status === 429) return { message: "Too many requests" };
  if (status >= 500) return { message: "An error occurred in the API server" };
  if (status === 401) return { message: "Authentication failed" };
  if (status === 404) return { message: "Not found" };
  return { message: `Injected error ${status}` };
}

/** Random faults (setFaults) and deterministic ones (failNext), applied before a request is processed. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;
  private readonly queued = new Map<EndpointName, InjectedFault[]>();

  set(config: FaultConfig): void {
    this.config = { ...config };
    this.random = config.seed === undefined ? Math.random : seededRandom(config.seed);
  }

  /** The next `count` requests to `endpoint` fail with `status`, after letting `after` of them through. */
  failNext(endpoint: EndpointName, status: number, count = 1, body?: unknown, after = 0): void {
    const queue = this.queued.get(endpoint) ?? [];
    for (let i = 0; i < count; i++) queue.push({ status, body: body ?? defaultErrorBody(status), ...(i === 0 && after > 0 ? { pass: after } : {}) });
    this.queued.set(endpoint, queue);
  }

  /** Latency to add before answering this endpoint. */
  latencyFor(endpoint: EndpointName): number {
    return this.applies(endpoint) ? (this.config.latencyMs ?? 0) : 0;
  }

  /** The fault to answer with now, or undefined to process normally. */
  take(endpoint: EndpointName): InjectedFault | undefined {
    const queue = this.queued.get(endpoint);
    const head = queue?.[0];
    if (head?.pass) {
      head.pass -= 1;
      return undefined;
    }
    const queued = queue?.shift();
    if (queued) return queued;
    if (!this.applies(endpoint)) return undefined;
    const roll = this.random();
    const r500 = this.config.rate500 ?? 0;
    const r429 = this.config.rate429 ?? 0;
    if (roll < r500) return { status: 500, body: defaultErrorBody(500) };
    if (roll < r500 + r429) return { status: 429, body: defaultErrorBody(429) };
    return undefined;
  }

  reset(): void {
    this.set({});
    this.queued.clear();
  }

  private applies(endpoint: EndpointName): boolean {
    const only = this.config.endpoints;
    return !only || only.includes(endpoint);
  }
}
