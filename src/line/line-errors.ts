import { HTTPFetchError } from "@line/bot-sdk";

// How a failed LINE call should be treated. Only 5xx and timeouts are retried
// with the same retry key; 409 means an earlier try was accepted; a 429 is either
// a rate limit (slow down) or the monthly quota (stop) — shared/reference/line.md §3.
export type LineFailureKind = "retryable" | "rate_limited" | "quota" | "conflict" | "invalid_reply_token" | "client";

export class LineApiError extends Error {
  override name = "LineApiError";
  constructor(
    readonly kind: LineFailureKind,
    readonly status: number,
    message: string,
    readonly requestId?: string,
    readonly acceptedRequestId?: string,
  ) {
    super(message);
  }
}

export class LineTimeoutError extends LineApiError {
  constructor(ms: number) {
    super("retryable", 0, `LINE API call timed out after ${ms} ms`);
  }
}

export function classifyLineError(err: unknown): LineApiError {
  if (err instanceof LineApiError) return err;
  if (err instanceof HTTPFetchError) {
    const status = err.status;
    const requestId = err.headers.get("x-line-request-id") ?? undefined;
    const accepted = err.headers.get("x-line-accepted-request-id") ?? undefined;
    let message = err.body;
    try {
      message = (JSON.parse(err.body) as { message?: string }).message ?? err.body;
    } catch {
      /* body is not JSON */
    }
    let kind: LineFailureKind = "client";
    if (status >= 500) kind = "retryable";
    else if (status === 409) kind = "conflict";
    else if (status === 429) kind = /monthly limit|max additional/i.test(message) ? "quota" : "rate_limited";
    else if (status === 400 && /reply token/i.test(message)) kind = "invalid_reply_token";
    return new LineApiError(kind, status, message, requestId, accepted);
  }
  // Network errors (connection refused, reset) are worth retrying.
  return new LineApiError("retryable", 0, err instanceof Error ? err.message : String(err));
}
