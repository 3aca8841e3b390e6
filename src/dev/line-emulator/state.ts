import { FaultInjector } from "./faults";
import type { LineSchemas } from "./openapi-validator";
import { RateLimiter } from "./rate-limiter";
import type {
  ContentInput,
  Delivery,
  EmulatorOptions,
  RecordedRequest,
  UserProfileInput,
  WebhookDelivery,
} from "./types";

// LINE: a reply token works once, within about 1 minute. A redelivered event's token
// works within 1 minute of the redelivery unless used or 20 minutes old.
export const DEFAULT_REPLY_TOKEN_TTL_MS = 60_000;
export const REDELIVERED_TOKEN_MAX_AGE_MS = 20 * 60_000;
// LINE remembers an accepted X-Line-Retry-Key for 24 hours.
export const RETRY_KEY_TTL_MS = 24 * 60 * 60_000;

interface ReplyTokenEntry {
  userId: string;
  issuedAt: number;
  expiresAt: number;
  used: boolean;
}

interface AcceptedRetryKey {
  requestId: string;
  at: number;
  sentMessages?: unknown[];
}

export interface StoredRichMenu {
  richMenuId: string;
  request: Record<string, unknown>;
  image?: { contentType: string; body: Buffer };
}

/** Everything the emulator remembers; routes read and change it, tests inspect it. */
export class EmulatorState {
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: Delivery[] = [];
  readonly webhookDeliveries: WebhookDelivery[] = [];
  readonly users = new Map<string, UserProfileInput>();
  readonly contents = new Map<string, ContentInput>();
  readonly richMenus = new Map<string, StoredRichMenu>();
  defaultRichMenuId: string | undefined;
  readonly userRichMenus = new Map<string, string>();
  readonly faults = new FaultInjector();
  readonly rateLimiter: RateLimiter;
  readonly replyTokenTtlMs: number;
  private readonly replyTokens = new Map<string, ReplyTokenEntry>();
  private readonly retryKeys = new Map<string, AcceptedRetryKey>();
  private quotaUsed = 0;
  private monthlyQuota: number | undefined;

  constructor(
    readonly options: EmulatorOptions,
    readonly schemas: LineSchemas | null,
  ) {
    this.rateLimiter = new RateLimiter(options.rateLimits);
    this.replyTokenTtlMs = options.replyTokenTtlMs ?? DEFAULT_REPLY_TOKEN_TTL_MS;
    this.monthlyQuota = options.monthlyQuota;
  }

  registerReplyToken(token: string, userId: string, now = Date.now()): void {
    this.replyTokens.set(token, { userId, issuedAt: now, expiresAt: now + this.replyTokenTtlMs, used: false });
  }

  /** A redelivery makes an unused token usable again for one TTL, up to 20 min after the event. */
  refreshReplyToken(token: string, now = Date.now()): void {
    const entry = this.replyTokens.get(token);
    if (!entry || entry.used) return;
    entry.expiresAt = Math.min(now + this.replyTokenTtlMs, entry.issuedAt + REDELIVERED_TOKEN_MAX_AGE_MS);
  }

  /** The chat the token answers, marking it used; undefined when unknown, used or expired. */
  takeReplyToken(token: unknown, now = Date.now()): string | undefined {
    const entry = typeof token === "string" ? this.replyTokens.get(token) : undefined;
    if (!entry || entry.used || now > entry.expiresAt) return undefined;
    entry.used = true;
    return entry.userId;
  }

  acceptedRetryKey(key: string, now = Date.now()): AcceptedRetryKey | undefined {
    const accepted = this.retryKeys.get(key);
    return accepted && now - accepted.at < RETRY_KEY_TTL_MS ? accepted : undefined;
  }

  acceptRetryKey(key: string, requestId: string, sentMessages?: unknown[]): void {
    this.retryKeys.set(key, { requestId, at: Date.now(), sentMessages });
  }

  /** Counts recipients against the monthly quota; false (nothing counted) when it would be exceeded. */
  reserveQuota(recipients: number): boolean {
    const quota = this.monthlyQuota;
    if (quota !== undefined && this.quotaUsed + recipients > quota) return false;
    this.quotaUsed += recipients;
    return true;
  }

  get quotaConsumed(): number {
    return this.quotaUsed;
  }

  get quotaLimit(): number | undefined {
    return this.monthlyQuota;
  }

  setMonthlyQuota(quota: number | undefined, used?: number): void {
    this.monthlyQuota = quota;
    if (used !== undefined) this.quotaUsed = used;
  }

  reset(): void {
    this.requests.length = 0;
    this.deliveries.length = 0;
    this.webhookDeliveries.length = 0;
    this.faults.reset();
    this.rateLimiter.reset();
    this.retryKeys.clear();
    this.quotaUsed = 0;
  }
}
