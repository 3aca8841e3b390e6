import type { messagingApi, webhook } from "@line/bot-sdk";
import type { AppDeps } from "../app-deps";
import { LineApiError } from "../line/line-errors";
import { REPLY_TOKEN_SAFE_AGE_MS } from "../line/limits";
import type { InboxEventDoc } from "../models/inbox-event.model";
import { OutboxMessage } from "../models/outbox-message.model";
import { pushTargetOf } from "./inbox";

// Sends a committed event's replies, with the reply token while it is young enough.
// A token older than about 50 s, or one that LINE refuses, falls back to a push
// through the outbox, whose dedupe key is the event id, so a restart can never push
// the same answer twice.
//
// `resumed`: the event was already committed when this attempt read it, so an
// earlier attempt may have called LINE before it died. Unless the answer already
// went to the outbox, it is replayed with the same token (replyWithToken says why
// that is safe). The chat's lease keeps a second worker off a live attempt, and the
// token being single use settles what the lease cannot.
export async function deliverReplies(row: InboxEventDoc, event: webhook.Event, deps: AppDeps, resumed: boolean): Promise<string> {
  const messages = JSON.parse(row.outMessages ?? "[]") as messagingApi.Message[];
  if (messages.length === 0) return "none";
  const pushKey = `reply:${row.webhookEventId}`;
  const token = (event as { replyToken?: unknown }).replyToken;
  const age = deps.now().getTime() - row.receivedAt.getTime();
  if (typeof token === "string" && age < REPLY_TOKEN_SAFE_AGE_MS) {
    const pushed = resumed && (await OutboxMessage.exists({ dedupeKey: pushKey })) !== null;
    if (!pushed) {
      const via = await replyWithToken(token, messages, row, deps, resumed);
      if (via) return via;
    }
  }
  const to = pushTargetOf(event);
  if (!to) return "none";
  await deps.outbox.send({ kind: "push", to: [to], sealTo: true, messages, dedupeKey: pushKey, purpose: "reply-fallback", refId: row.webhookEventId });
  return "push";
}

// A reply token is single use (LINE "Send reply message"). So when an earlier call
// may have reached LINE (a timeout, a 5xx, or a crash mid-call), a second call with
// the same token settles it: "Invalid reply token" means the first one was taken
// and delivered; success means it was not, and now is. Either way, one answer.
async function replyWithToken(
  token: string,
  messages: messagingApi.Message[],
  row: InboxEventDoc,
  deps: AppDeps,
  uncertainBefore: boolean,
): Promise<string | undefined> {
  let uncertain = uncertainBefore;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await deps.line.reply(token, messages);
      return "reply";
    } catch (err) {
      const kind = err instanceof LineApiError ? err.kind : "unknown";
      if (uncertain && kind === "invalid_reply_token") return "reply-presumed";
      if (kind === "client") return "reply-rejected"; // a bad message will not get better by pushing it
      deps.logger.warn("reply failed", { webhookEventId: row.webhookEventId, kind, attempt });
      if (kind !== "retryable") return undefined; // rate limit or expired token: push
      uncertain = true;
    }
  }
  return undefined;
}
