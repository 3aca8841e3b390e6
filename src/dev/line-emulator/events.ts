import type { webhook } from "@line/bot-sdk";
import { makeMessageId, makeOpaqueToken, makeReplyToken, makeUlid } from "./ids";

// Builders for webhook event objects shaped as LINE documents them (line-openapi
// webhook.yml; samples in developers.line.biz "Webhook event objects").

export interface ImageEventOptions {
  messageId?: string;
  imageSet?: { id: string; index: number; total: number };
}

export interface LocationInput {
  latitude: number;
  longitude: number;
  title?: string;
  address?: string;
}

type ReplyTokenIssuer = (token: string, userId: string) => void;

export class EventFactory {
  constructor(private readonly issueReplyToken: ReplyTokenIssuer) {}

  text(userId: string, text: string): webhook.MessageEvent {
    const message: webhook.TextMessageContent = { type: "text", id: makeMessageId(), text, quoteToken: makeOpaqueToken() };
    return { ...this.base(userId, "active"), type: "message", replyToken: this.token(userId), message };
  }

  postback(userId: string, data: string, params?: Record<string, string>): webhook.PostbackEvent {
    const postback: webhook.PostbackContent = params ? { data, params } : { data };
    return { ...this.base(userId, "active"), type: "postback", replyToken: this.token(userId), postback };
  }

  follow(userId: string, isUnblocked = false): webhook.FollowEvent {
    return { ...this.base(userId, "active"), type: "follow", replyToken: this.token(userId), follow: { isUnblocked } };
  }

  /** LINE sends no reply token with unfollow: the user has blocked the account. */
  unfollow(userId: string): webhook.UnfollowEvent {
    return { ...this.base(userId, "active"), type: "unfollow" };
  }

  /** contentProvider "line": the bytes are fetched from GET /v2/bot/message/{id}/content. */
  image(userId: string, opts: ImageEventOptions = {}): webhook.MessageEvent {
    const message: webhook.ImageMessageContent = {
      type: "image",
      id: opts.messageId ?? makeMessageId(),
      contentProvider: { type: "line" },
      quoteToken: makeOpaqueToken(),
      ...(opts.imageSet ? { imageSet: opts.imageSet } : {}),
    };
    return { ...this.base(userId, "active"), type: "message", replyToken: this.token(userId), message };
  }

  location(userId: string, loc: LocationInput): webhook.MessageEvent {
    const message: webhook.LocationMessageContent = { type: "location", id: makeMessageId(), ...loc };
    return { ...this.base(userId, "active"), type: "message", replyToken: this.token(userId), message };
  }

  sticker(userId: string, packageId = "446", stickerId = "1988"): webhook.MessageEvent {
    const message: webhook.StickerMessageContent = {
      type: "sticker",
      id: makeMessageId(),
      packageId,
      stickerId,
      stickerResourceType: "STATIC",
      quoteToken: makeOpaqueToken(),
    };
    return { ...this.base(userId, "active"), type: "message", replyToken: this.token(userId), message };
  }

  /** mode "standby": another module owns the chat; LINE sends no reply token and the bot must stay quiet. */
  standby(userId: string, text: string): webhook.MessageEvent {
    const message: webhook.TextMessageContent = { type: "text", id: makeMessageId(), text, quoteToken: makeOpaqueToken() };
    return { ...this.base(userId, "standby"), type: "message", message };
  }

  private base(userId: string, mode: webhook.EventMode) {
    const timestamp = Date.now();
    return {
      source: { type: "user", userId } as webhook.UserSource,
      timestamp,
      mode,
      webhookEventId: makeUlid(timestamp),
      deliveryContext: { isRedelivery: false },
    };
  }

  private token(userId: string): string {
    const token = makeReplyToken();
    this.issueReplyToken(token, userId);
    return token;
  }
}
