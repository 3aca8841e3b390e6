import type { Express } from "express";
import type { webhook } from "@line/bot-sdk";
import type { EventFactory } from "./events";

export type EndpointName =
  | "reply"
  | "push"
  | "multicast"
  | "broadcast"
  | "profile"
  | "content"
  | "loading"
  | "richmenu"
  | "other";

export interface EmulatorOptions {
  channelSecret: string;
  channelAccessToken: string;
  /** 0 / undefined = a free port on 127.0.0.1 */
  port?: number;
  /** where sendWebhook posts (can be set later with setWebhookUrl) */
  webhookUrl?: string;
  /** LINE: use a reply token within 1 minute. Default 60_000. */
  replyTokenTtlMs?: number;
  /** requests per rolling second (broadcast: per rolling hour); defaults: multicast 200, loading 100, broadcast 60, everything else 2000 */
  rateLimits?: Partial<Record<EndpointName, number>>;
  /** recipients of push + multicast + broadcast per month (reply is free); undefined = unlimited (GET /v2/bot/message/quota answers type "none") */
  monthlyQuota?: number;
  /** also check bodies against LINE's OpenAPI spec; default: when the spec is present. The emulator's own rules always apply. */
  validateSchema?: boolean;
  /** folder of line-openapi (default LINE_OPENAPI_DIR; none: the emulator's own rules only) */
  specDir?: string;
  /** when set, non-2xx webhook deliveries are redelivered with deliveryContext.isRedelivery=true */
  redeliver?: { attempts: number; delayMs: number };
}

export interface RecordedRequest {
  id: string;
  endpoint: EndpointName;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  at: number;
  retryKey?: string;
}

export interface Delivery {
  requestId: string;
  via: "reply" | "push" | "multicast" | "broadcast";
  to: string;
  messages: unknown[];
  at: number;
  retryKey?: string;
}

export interface FaultConfig {
  /** probability 0..1 of an injected 500 */
  rate500?: number;
  /** probability 0..1 of an injected 429 (rate limit) */
  rate429?: number;
  latencyMs?: number;
  /** endpoints the faults apply to; default all */
  endpoints?: EndpointName[];
  /** PRNG seed so random faults are reproducible */
  seed?: number;
}

export interface WebhookDelivery {
  attempt: number;
  isRedelivery: boolean;
  url: string;
  status: number; // 0 = no HTTP response (connection error)
  body: string;
  at: number;
  error?: string;
}

export interface SendWebhookOptions {
  /** a signature to send instead of the correct one; null = omit the header */
  signature?: string | null;
  /** bytes to send (signed correctly unless `signature` is given) instead of {destination, events} */
  rawBody?: string;
  /** the bot's user id in the payload; default derived from the channel secret */
  destination?: string;
}

export interface UserProfileInput {
  userId: string;
  displayName: string;
  pictureUrl?: string;
  language?: string;
  statusMessage?: string;
}

export type ContentInput = { contentType: string; body: Buffer } | { status: number };

export type WebhookEventInput = webhook.Event;

export interface LineEmulator {
  url: string;
  app: Express;
  requests: RecordedRequest[];
  deliveries: Delivery[];
  webhookDeliveries: WebhookDelivery[];
  messagesTo(userId: string): unknown[];
  waitFor<T>(fn: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  addUser(u: UserProfileInput): void;
  putContent(messageId: string, content: ContentInput): void;
  setFaults(f: FaultConfig): void;
  /** The next `count` requests to `endpoint` answer `status` (with `body`), after `after` of them went through. */
  failNext(endpoint: EndpointName, status: number, count?: number, body?: unknown, after?: number): void;
  setWebhookUrl(url: string): void;
  sendWebhook(events: WebhookEventInput[], opts?: SendWebhookOptions): Promise<{ status: number; body: string }>;
  events: EventFactory;
  /** sets the monthly quota (undefined = none) and what is used already this month */
  setMonthlyQuota(quota: number | undefined, used?: number): void;
  /** the rich menu set as default (POST /v2/bot/user/all/richmenu/:id), if any */
  defaultRichMenuId(): string | undefined;
  /** clears requests, deliveries, webhook deliveries, faults, rate windows, quota use and retry keys (not users, content, rich menus) */
  reset(): void;
  close(): Promise<void>;
}
