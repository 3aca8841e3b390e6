import { SIGNATURE_HEADER, signBody } from "./signature";
import type { EmulatorState } from "./state";
import type { SendWebhookOptions, WebhookEventInput } from "./types";

// Posts webhooks to the bot the way LINE does: JSON {destination, events}, signed with
// HMAC-SHA256 of the exact bytes. With redelivery on (Console: "Webhook redelivery"),
// a non-2xx answer is retried later with the same events, each marked
// deliveryContext.isRedelivery = true (same webhookEventId and replyToken).

const TIMEOUT_MS = 10_000;

export interface WebhookResult {
  status: number;
  body: string;
}

const isOk = (status: number) => status >= 200 && status < 300;

export class WebhookSender {
  private url: string | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: EmulatorState,
    private readonly destination: string,
  ) {
    this.url = state.options.webhookUrl;
  }

  setUrl(url: string): void {
    this.url = url;
  }

  /** Sends once and returns the bot's answer; status 0 means no HTTP answer (body holds the error). */
  async send(events: WebhookEventInput[], opts: SendWebhookOptions = {}): Promise<WebhookResult> {
    const url = this.url;
    if (!url) throw new Error("LINE emulator: no webhook URL (pass webhookUrl or call setWebhookUrl first)");
    const payload = opts.rawBody ?? JSON.stringify({ destination: opts.destination ?? this.destination, events });
    const result = await this.post(url, payload, opts.signature, 1, false);
    if (!isOk(result.status)) this.scheduleRedelivery(url, payload, opts.signature, 1);
    return result;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async post(url: string, payload: string, signature: string | null | undefined, attempt: number, isRedelivery: boolean): Promise<WebhookResult> {
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "user-agent": "LineBotWebhook/2.0" };
    if (signature !== null) headers[SIGNATURE_HEADER] = signature ?? signBody(this.state.options.channelSecret, payload);
    const at = Date.now();
    try {
      const res = await fetch(url, { method: "POST", headers, body: payload, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const body = await res.text();
      this.state.webhookDeliveries.push({ attempt, isRedelivery, url, status: res.status, body, at });
      return { status: res.status, body };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.state.webhookDeliveries.push({ attempt, isRedelivery, url, status: 0, body: "", at, error });
      return { status: 0, body: error };
    }
  }

  private scheduleRedelivery(url: string, payload: string, signature: string | null | undefined, attemptsSoFar: number): void {
    const policy = this.state.options.redeliver;
    if (!policy || attemptsSoFar > policy.attempts) return;
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      const result = await this.post(url, this.markRedelivered(payload), signature, attemptsSoFar + 1, true);
      if (!isOk(result.status)) this.scheduleRedelivery(url, payload, signature, attemptsSoFar + 1);
    }, policy.delayMs);
    this.timers.add(timer);
  }

  /** Same events, isRedelivery=true; their unused reply tokens become usable again (LINE rule). */
  private markRedelivered(payload: string): string {
    let parsed: { events?: Array<Record<string, unknown>> };
    try {
      parsed = JSON.parse(payload);
    } catch {
      return payload; // a raw test body that is not JSON is resent as is
    }
    for (const event of parsed.events ?? []) {
      event.deliveryContext = { ...(event.deliveryContext as object), isRedelivery: true };
      if (typeof event.replyToken === "string") this.state.refreshReplyToken(event.replyToken);
    }
    return JSON.stringify(parsed);
  }
}
