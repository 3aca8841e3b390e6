import type { messagingApi, webhook } from "@line/bot-sdk";
import type { AppDeps } from "../app-deps";
import { LineApiError } from "../line/line-errors";
import { REPLY_TOKEN_SAFE_AGE_MS } from "../line/limits";
import { InboxEvent, type InboxEventDoc } from "../models/inbox-event.model";

// Sends a committed event's replies. The reply token is used at most once: it is
// claimed in MongoDB before the call. A token older than about 50 s, or one that
// LINE refuses, falls back to a push through the outbox, whose dedupe key is the
// event id, so a restart can never push the same answer twice.
export async function deliverReplies(row: InboxEventDoc, event: webhook.Event, deps: AppDeps): Promise<string> {
  const messages = JSON.parse(row.outMessages ?? "[]") as messagingApi.Message[];
  if (messages.length === 0) return "none";
  const token = (event as { replyToken?: unknown }).replyToken;
  const age = deps.now().getTime() - row.receivedAt.getTime();
  if (typeof token === "string" && !row.replyClaimedAt && age < REPLY_TOKEN_SAFE_AGE_MS) {
    const claimed = await InboxEvent.updateOne({ _id: row._id, replyClaimedAt: null }, { $set: { replyClaimedAt: deps.now() } });
    if (claimed.modifiedCount === 1) {
      try {
        await deps.line.reply(token, messages);
        return "reply";
      } catch (err) {
        const kind = err instanceof LineApiError ? err.kind : "unknown";
        deps.logger.warn("reply failed; falling back to push", { webhookEventId: row.webhookEventId, kind });
        if (kind === "client") return "reply-rejected"; // a bad message will not get better by pushing it
      }
    }
  }
  const to = pushTarget(row.chatKey);
  if (!to) return "none";
  await deps.outbox.send({ kind: "push", to: [to], messages, dedupeKey: `reply:${row.webhookEventId}`, purpose: "reply-fallback", refId: row.webhookEventId });
  return "push";
}

function pushTarget(chatKey: string): string | undefined {
  const [kind, id] = chatKey.split(":");
  return kind === "user" || kind === "group" || kind === "room" ? id : undefined;
}
