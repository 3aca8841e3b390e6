import { Readable } from "node:stream";
import { messagingApi } from "@line/bot-sdk";
import type { Logger } from "../logger";
import { LineApiError, LineTimeoutError, classifyLineError } from "./line-errors";
import { MAX_MESSAGES_PER_REQUEST, MAX_MULTICAST_RECIPIENTS, clampMessage } from "./limits";

// The one place every call to LINE goes through: caps, timeouts, request-id logs.
export interface LineClientOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  timeoutMs: number;
  logger: Logger;
}

export interface SendResult {
  requestId?: string;
}

export interface LineProfile {
  userId: string;
  displayName: string;
  pictureUrl?: string;
  language?: string;
}

export interface LineClient {
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<SendResult>;
  push(to: string, messages: messagingApi.Message[], retryKey: string): Promise<SendResult>;
  multicast(to: string[], messages: messagingApi.Message[], retryKey: string): Promise<SendResult>;
  /** Every friend of the account (LINE: 60 requests an hour per channel). */
  broadcast(messages: messagingApi.Message[], retryKey: string): Promise<SendResult>;
  /** GET /v2/bot/message/quota and /quota/consumption: limit null = no monthly limit. */
  messageQuota(): Promise<MessageQuota>;
  getProfile(userId: string): Promise<LineProfile | null>;
  getContent(messageId: string, maxBytes: number): Promise<{ contentType: string; data: Buffer }>;
  showLoading(chatId: string, seconds: number): Promise<void>;
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
}

export interface MessageQuota {
  /** Messages allowed this month; null when the plan has no limit (type "none"). */
  limit: number | null;
  /** Messages sent this month (per recipient). */
  used: number;
}

export class ContentTooLargeError extends Error {
  override name = "ContentTooLargeError";
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LineTimeoutError(ms)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function checkCount(messages: unknown[]): void {
  if (messages.length === 0 || messages.length > MAX_MESSAGES_PER_REQUEST) {
    throw new LineApiError("client", 0, `a LINE request carries 1 to ${MAX_MESSAGES_PER_REQUEST} messages, got ${messages.length}`);
  }
}

export function createLineClient(opts: LineClientOptions): LineClient {
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: opts.channelAccessToken, baseURL: opts.apiBaseUrl });
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: opts.channelAccessToken, baseURL: opts.dataApiBaseUrl });
  const log = opts.logger;

  async function call<T extends { httpResponse: Response }>(endpoint: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      const res = await withTimeout(fn(), opts.timeoutMs);
      log.debug("line api", { endpoint, status: res.httpResponse.status, requestId: res.httpResponse.headers.get("x-line-request-id"), ms: Date.now() - started });
      return res;
    } catch (err) {
      const e = classifyLineError(err);
      log.warn("line api failed", { endpoint, status: e.status, kind: e.kind, requestId: e.requestId, ms: Date.now() - started });
      throw e;
    }
  }
  const rid = (r: { httpResponse: Response }) => r.httpResponse.headers.get("x-line-request-id") ?? undefined;

  return {
    api,
    blob,
    async reply(replyToken, messages) {
      checkCount(messages);
      const r = await call("reply", () => api.replyMessageWithHttpInfo({ replyToken, messages: messages.map(clampMessage) }));
      return { requestId: rid(r) };
    },
    async push(to, messages, retryKey) {
      checkCount(messages);
      const r = await call("push", () => api.pushMessageWithHttpInfo({ to, messages: messages.map(clampMessage) }, retryKey));
      return { requestId: rid(r) };
    },
    async multicast(to, messages, retryKey) {
      checkCount(messages);
      if (to.length === 0 || to.length > MAX_MULTICAST_RECIPIENTS) {
        throw new LineApiError("client", 0, `multicast takes 1 to ${MAX_MULTICAST_RECIPIENTS} recipients, got ${to.length}`);
      }
      const r = await call("multicast", () => api.multicastWithHttpInfo({ to, messages: messages.map(clampMessage) }, retryKey));
      return { requestId: rid(r) };
    },
    async broadcast(messages, retryKey) {
      checkCount(messages);
      const r = await call("broadcast", () => api.broadcastWithHttpInfo({ messages: messages.map(clampMessage) }, retryKey));
      return { requestId: rid(r) };
    },
    async messageQuota() {
      const [q, c] = await Promise.all([call("quota", () => api.getMessageQuotaWithHttpInfo()), call("quota", () => api.getMessageQuotaConsumptionWithHttpInfo())]);
      return { limit: q.body.type === "limited" ? (q.body.value ?? 0) : null, used: c.body.totalUsage };
    },
    async getProfile(userId) {
      try {
        const r = await call("profile", () => api.getProfileWithHttpInfo(userId));
        return { userId: r.body.userId, displayName: r.body.displayName, pictureUrl: r.body.pictureUrl, language: r.body.language };
      } catch (err) {
        if (err instanceof LineApiError && err.status === 404) return null; // not a friend, or no consent
        throw err;
      }
    },
    async getContent(messageId, maxBytes) {
      const r = await call("content", () => blob.getMessageContentWithHttpInfo(messageId));
      const contentType = r.httpResponse.headers.get("content-type") ?? "application/octet-stream";
      const declared = Number(r.httpResponse.headers.get("content-length") ?? 0);
      const stream = r.body as Readable;
      if (declared > maxBytes) {
        stream.destroy();
        throw new ContentTooLargeError(`content is ${declared} bytes, over ${maxBytes}`);
      }
      const parts: Buffer[] = [];
      let size = 0;
      for await (const part of stream) {
        size += (part as Buffer).length;
        if (size > maxBytes) {
          stream.destroy();
          throw new ContentTooLargeError(`content is over ${maxBytes} bytes`);
        }
        parts.push(part as Buffer);
      }
      return { contentType, data: Buffer.concat(parts) };
    },
    async showLoading(chatId, seconds) {
      await call("loading", () => api.showLoadingAnimationWithHttpInfo({ chatId, loadingSeconds: seconds }));
    },
  };
}
