import type { messagingApi, webhook } from "@line/bot-sdk";
import type { AppDeps } from "../app-deps";
import type { ActiveFlow, FlowUpdate } from "../flows/flow-engine";
import type { Logger } from "../logger";
import { MAX_MESSAGES_PER_REQUEST } from "../line/limits";
import type { MemberDoc } from "../models/member.model";
import { findMemberByLineId } from "../services/member.service";
import { isLineId } from "./inbox";
import { parsePostback, type Postback } from "./postback";

/**
 * LINE's text message limit (Messaging API reference, "Text message": max 5,000
 * characters). A signed body can carry more; the inbox stores it literally, but
 * handlers, flows and intent detection only see this many characters, so their
 * cost stays bounded whatever arrives.
 */
export const MAX_ANALYSED_TEXT = 5000;

export function boundedText(t: string): string {
  if (t.length <= MAX_ANALYSED_TEXT) return t;
  // Do not cut a surrogate pair in two.
  const end = /[\uD800-\uDBFF]/.test(t[MAX_ANALYSED_TEXT - 1]!) ? MAX_ANALYSED_TEXT - 1 : MAX_ANALYSED_TEXT;
  return t.slice(0, end);
}

// One context per event (STYLE.md rule 1): the event, the user, the flow state,
// and a reply() that guards LINE's 5-message cap. Replies are collected and sent
// once after the handler succeeds, so a failing handler never half-answers.
export class BotContext {
  readonly replies: messagingApi.Message[] = [];
  /** The message text, at most MAX_ANALYSED_TEXT characters (the stored event keeps it whole). */
  readonly text?: string;
  readonly postback?: Postback;
  readonly userId?: string;
  flow: ActiveFlow | null;
  flowUpdate: FlowUpdate | null = null;
  /** Parameters of the action being run: from the postback, or from a text command/intent. */
  params: URLSearchParams = new URLSearchParams();
  /** The action the routing table ran (e.g. pledge.start), for the log line. */
  action?: string;
  private memberCache: MemberDoc | null | undefined;

  constructor(
    readonly event: webhook.Event,
    readonly chatKey: string,
    readonly deps: AppDeps,
    readonly now: Date,
    readonly log: Logger,
    flow: ActiveFlow | null,
  ) {
    this.flow = flow;
    const src = (event as { source?: { userId?: string } }).source;
    this.userId = isLineId(src?.userId) ? src.userId : undefined; // as the inbox keyed the chat
    if (event.type === "message" && (event as webhook.MessageEvent).message?.type === "text") {
      const t = ((event as webhook.MessageEvent).message as webhook.TextMessageContent).text;
      this.text = typeof t === "string" ? boundedText(t) : undefined;
    }
    if (event.type === "postback") this.postback = parsePostback((event as webhook.PostbackEvent).postback);
    if (this.postback) this.params = this.postback.params;
  }

  get eventId(): string {
    return this.event.webhookEventId;
  }

  get messageType(): string | undefined {
    return this.event.type === "message" ? (this.event as webhook.MessageEvent).message?.type : undefined;
  }

  reply(...messages: messagingApi.Message[]): void {
    if (this.replies.length + messages.length > MAX_MESSAGES_PER_REQUEST) {
      throw new Error(`a reply carries at most ${MAX_MESSAGES_PER_REQUEST} messages (LINE rule)`);
    }
    this.replies.push(...messages);
  }

  async member(): Promise<MemberDoc | null> {
    if (this.memberCache === undefined) {
      this.memberCache = this.userId ? await findMemberByLineId(this.userId) : null;
    }
    return this.memberCache;
  }

  /** Starts or moves a flow; persisted only if the handler succeeds. */
  goto(flowId: string, step: string, data: Record<string, unknown>, version: number, ttlMs: number): void {
    const state: ActiveFlow = { flowId, version, step, data, expiresAt: new Date(this.now.getTime() + ttlMs) };
    this.flow = state;
    this.flowUpdate = { kind: "write", state };
  }

  endFlow(): void {
    this.flow = null;
    this.flowUpdate = { kind: "delete" };
  }
}
