import type { messagingApi, webhook } from "@line/bot-sdk";
import { politeTextMessage } from "../../flex-messages";
import type { AppDeps } from "../app-deps";
import { DomainError } from "../errors";
import type { FlowUpdate } from "../flows/flow-engine";
import { hashUserId } from "../logger";
import { inboxEventWrites, type InboxEventDoc } from "../models/inbox-event.model";
import { observeHandlerSeconds } from "../observability/metrics";
import { BotContext } from "./bot-context";
import { openPayload } from "./inbox-payload";
import { deliverReplies } from "./deliver-replies";
import { runRoutes, type Route } from "./router";

// Processing one stored event, in recorded stages so that a crash at any
// point neither loses the event nor answers it twice:
//   pending (or "processing", left by older versions) → run the handler, save its effect (replies + flow update, and the attempt count) → committed
//   committed → apply the flow update, deliver the replies → done
export const MAX_HANDLER_ATTEMPTS = 3;
const SORRY = "ขออภัยค่ะ ระบบขัดข้องชั่วคราว ข้อความของท่านได้รับไว้แล้ว กรุณาลองใหม่อีกครั้งในภายหลัง หรือโทรสายด่วน ป.ป.ช. 1205 ค่ะ";

export type ProcessOutcome = "done" | "retry-later" | "skipped" | "failed";

export async function processInboxEvent(row: InboxEventDoc, deps: AppDeps, routes: readonly Route[]): Promise<ProcessOutcome> {
  const event = JSON.parse(openPayload(row.payload, deps.sealer)) as webhook.Event;
  const log = deps.logger.child({ webhookEventId: row.webhookEventId, chat: hashUserId(row.chatKey) });
  if (row.mode === "standby") {
    // The channel is in standby under a module: store, never answer (LINE webhook docs).
    await inboxEventWrites.update(row._id, { $set: { state: "skipped", doneAt: deps.now() } });
    return "skipped";
  }
  // Committed before this attempt read it: an earlier attempt may have sent the replies (deliver-replies.ts).
  const resumed = row.state === "committed";
  if (row.state === "pending" || row.state === "processing") {
    // The attempt is counted with its outcome (retry-later or committed), one write fewer
    // per event. A handler that kills the process is not counted either way: its
    // event is run again after the chat's lease runs out.
    const attempts = row.attempts + 1;
    let replies: messagingApi.Message[];
    let flowUpdate: FlowUpdate | null = null;
    const now = deps.now();
    try {
      const flow = await deps.flowStore.read(row.chatKey);
      const ctx = new BotContext(event, row.chatKey, deps, now, log, flow);
      const started = performance.now();
      const route = await runRoutes(routes, ctx);
      observeHandlerSeconds((performance.now() - started) / 1000);
      log.info("event handled", { type: row.type, route, replies: ctx.replies.length });
      replies = ctx.replies;
      flowUpdate = ctx.flowUpdate;
    } catch (err) {
      if (err instanceof DomainError && err.userMessage) {
        replies = [politeTextMessage(err.userMessage)];
      } else if (attempts < MAX_HANDLER_ATTEMPTS) {
        log.error("handler failed; will retry", { err: err as Error, attempts });
        await inboxEventWrites.update(row._id, {
          $set: { state: "pending", attempts, error: String((err as Error).message).slice(0, 300), nextAttemptAt: new Date(now.getTime() + 500 * attempts) },
        });
        return "retry-later";
      } else {
        log.error("handler failed; giving up", { err: err as Error, attempts });
        replies = [politeTextMessage(SORRY)];
      }
    }
    const committed = { state: "committed" as const, attempts, outMessages: JSON.stringify(replies), ...(flowUpdate ? { flowUpdate: JSON.stringify(flowUpdate) } : {}) };
    await inboxEventWrites.update(row._id, { $set: committed });
    Object.assign(row, committed);
  }
  if (row.flowUpdate) {
    const upd = JSON.parse(row.flowUpdate) as FlowUpdate;
    if (upd.kind === "delete") await deps.flowStore.delete(row.chatKey);
    else await deps.flowStore.write(row.chatKey, { ...upd.state, expiresAt: new Date(upd.state.expiresAt) }, row.webhookEventId);
  }
  const via = await deliverReplies(row, event, deps, resumed);
  // Delivered: the stored answer (it may hold the person's display name) and flow update are not kept.
  await inboxEventWrites.update(row._id, { $set: { state: "done", deliveredVia: via, doneAt: deps.now() }, $unset: { outMessages: "", flowUpdate: "" } });
  return "done";
}
