import type { messagingApi, webhook } from "@line/bot-sdk";
import type { AppDeps } from "../app-deps";
import { LineApiError } from "../line/line-errors";
import { REPLY_TOKEN_SAFE_AGE_MS } from "../line/limits";
import { claimOnce } from "../locks/claim";
import { ReplyClaim } from "../models/claim.model";
import type { InboxEventDoc } from "../models/inbox-event.model";
import { OutboxMessage } from "../models/outbox-message.model";
import { pushTargetOf } from "./inbox";

// Sends a committed event's replies. The reply token is claimed in MongoDB before
// the first call. A token older than about 50 s, or one that LINE refuses, falls
// back to a push through the outbox, whose dedupe key is the event id, so a
// restart can never push the same answer twice.
export async function deliverReplies(row: InboxEventDoc, event: webhook.Event, deps: AppDeps): Promise<string> {
  const messages = JSON.parse(row.outMessages ?? "[]") as messagingApi.Message[];
  if (messages.length === 0) return "none";
  const pushKey = `reply:${row.webhookEventId}`;
  const token = (event as { replyToken?: unknown }).replyToken;
  const age = deps.now().getTime() - row.receivedAt.getTime();
  if (typeof token === "string" && age < REPLY_TOKEN_SAFE_AGE_MS) {
    // The token is claimed once (an insert on a unique key, atomic on FerretDB too).
    // A claim that already exists was taken by an earlier attempt that died before
    // marking the row done: the reply may or may not have reached LINE. Unless it
    // already went to the outbox, replay it with the same token (replyWithToken
    // says why that is safe).
    const fresh = row.replyClaimedAt == null && (await claimOnce(`reply:${row.webhookEventId}`, "reply", new Date(row.receivedAt.getTime() + 2 * REPLY_TOKEN_SAFE_AGE_MS), ReplyClaim));
    const resumed = !fresh;
    const pushed = resumed && (await OutboxMessage.exists({ dedupeKey: pushKey })) !== null;
    if (!pushed) {
      const via = await replyWithToken(token, messages, row, deps, resumed);
      if (via) return via;
    }
  }
  const to = pushTargetOf(event);
  if (!to) return "none";
  await deps.outbox.send({ kind: "push", to: [to], messages, dedupeKey: pushKey, purpose: "reply-fallback", refId: row.webhookEventId });
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
