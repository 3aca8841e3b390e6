import type { messagingApi, webhook } from "@line/bot-sdk";
import { politeTextMessage } from "../../flex-messages";
import type { AppDeps } from "../app-deps";
import { DomainError } from "../errors";
import type { FlowUpdate } from "../flows/flow-engine";
import { inboxEventWrites, type InboxEventDoc } from "../models/inbox-event.model";
import { AuditLog } from "../models/audit-log.model";
import { observeHandlerSeconds } from "../observability/metrics";
import { BotContext } from "./bot-context";
import { openPayload } from "./inbox-payload";
import { devPreview } from "./dev-preview";
import { deliverReplies } from "./deliver-replies";
import { runRoutes, type Route } from "./router";

// Processing one stored event, in recorded stages so that a crash at any
// point neither loses the event nor answers it twice:
//   pending (or "processing") → count the attempt → run the handler, save its effect (replies + flow update) → committed
//   committed → apply the flow update, deliver the replies → done
// The attempt is counted before the handler runs, so an event whose handler kills
// the process (a poison event) is not run again and again across restarts and
// replicas: after MAX_HANDLER_ATTEMPTS it is dead-lettered (answered once, politely,
// recorded in the audit log and on /metrics) and the chat's later events go on.
export const MAX_HANDLER_ATTEMPTS = 3;
const SORRY = "ขออภัยค่ะ ระบบขัดข้องชั่วคราว ข้อความของท่านได้รับไว้แล้ว กรุณาลองใหม่อีกครั้งในภายหลัง หรือโทรสายด่วน ป.ป.ช. 1205 ค่ะ";
/** The one answer to a dead-lettered event. */
export const DEAD_LETTER_REPLY =
  "ขออภัยค่ะ ระบบไม่สามารถดำเนินการกับข้อความนี้ของท่านได้ ท่านส่งข้อความอื่นต่อได้ตามปกติ หากเป็นเรื่องเร่งด่วน โปรดโทรสายด่วน ป.ป.ช. 1205 ค่ะ";

export type ProcessOutcome = "done" | "retry-later" | "skipped" | "failed" | "dead-letter";

export async function processInboxEvent(row: InboxEventDoc, deps: AppDeps, routes: readonly Route[]): Promise<ProcessOutcome> {
  const event = JSON.parse(openPayload(row, deps.sealer)) as webhook.Event;
  const log = deps.logger.child({ webhookEventId: row.webhookEventId });
  if (row.mode === "standby") {
    // The channel is in standby under a module: store, never answer (LINE webhook docs).
    await inboxEventWrites.update(row._id, { $set: { state: "skipped", ...coarseTimes(row, deps.now()) }, $unset: { chatKey: "" } });
    return "skipped";
  }
  // Committed before this attempt read it: an earlier attempt may have sent the replies (deliver-replies.ts).
  const resumed = row.state === "committed";
  let outcome: ProcessOutcome = "done";
  if (row.state === "pending" || row.state === "processing") {
    const now = deps.now();
    let replies: messagingApi.Message[];
    let flowUpdate: FlowUpdate | null = null;
    let deadLetter = false;
    if (row.attempts >= MAX_HANDLER_ATTEMPTS) {
      // Every earlier attempt died without recording an outcome: do not run it again.
      log.error("event dead-lettered: its handler never finished", { type: row.type, attempts: row.attempts });
      replies = [politeTextMessage(DEAD_LETTER_REPLY)];
      deadLetter = true;
    } else {
      // Counted (and written) before the handler runs.
      const attempts = row.attempts + 1;
      await inboxEventWrites.update(row._id, { $set: { state: "processing", attempts } });
      row.attempts = attempts;
      try {
        const flow = await deps.flowStore.read(row.chatKey);
        const ctx = new BotContext(event, row.chatKey, deps, now, log, flow);
        const started = performance.now();
        const route = await runRoutes(routes, ctx);
        const ms = performance.now() - started;
        observeHandlerSeconds(ms / 1000);
        // Who said what only in the dev terminal's format (logger-pretty.ts), never in JSON lines.
        const dev = deps.config.logFormat === "pretty" ? { dev: devPreview(event) } : {};
        const action = ctx.action ?? (route === "flow" && flow ? `${flow.flowId}.${flow.step}` : undefined);
        log.info("event handled", { type: row.type, route, action, replies: ctx.replies.length, ms: Math.round(ms), ...dev });
        replies = ctx.replies;
        flowUpdate = ctx.flowUpdate;
      } catch (err) {
        if (err instanceof DomainError && err.userMessage) {
          replies = [politeTextMessage(err.userMessage)];
        } else if (attempts < MAX_HANDLER_ATTEMPTS) {
          log.error("handler failed; will retry", { err: err as Error, attempts });
          await inboxEventWrites.update(row._id, {
            $set: { state: "pending", error: String((err as Error).message).slice(0, 300), nextAttemptAt: new Date(now.getTime() + 500 * attempts) },
          });
          return "retry-later";
        } else {
          log.error("handler failed; giving up", { err: err as Error, attempts });
          replies = [politeTextMessage(SORRY)];
          deadLetter = true;
        }
      }
    }
    if (deadLetter) {
      outcome = "dead-letter";
      await recordDeadLetter(row, now);
    }
    const committed = {
      state: "committed" as const,
      outMessages: JSON.stringify(replies),
      ...(flowUpdate ? { flowUpdate: JSON.stringify(flowUpdate) } : {}),
      ...(deadLetter ? { deadLetter: true } : {}),
    };
    await inboxEventWrites.update(row._id, { $set: committed });
    Object.assign(row, committed);
  }
  if (row.flowUpdate) {
    const upd = JSON.parse(row.flowUpdate) as FlowUpdate;
    if (upd.kind === "delete") await deps.flowStore.delete(row.chatKey);
    else await deps.flowStore.write(row.chatKey, { ...upd.state, expiresAt: new Date(upd.state.expiresAt) }, row.webhookEventId);
  }
  const via = await deliverReplies(row, event, deps, resumed);
  // Delivered: the stored answer (it may hold the person's display name) and flow update are not kept,
  // nor the chat key, and its times are coarsened to the hour: a finished row names no
  // chat and no exact moment, so it cannot join one person's records (an anonymous
  // report and a pledge) by key or by time (docs/security.md).
  await inboxEventWrites.update(row._id, {
    $set: { state: "done", deliveredVia: via, ...coarseTimes(row, deps.now()) },
    $unset: { outMessages: "", flowUpdate: "", chatKey: "" },
  });
  return outcome;
}

/** A dead letter is written to the audit log (the dashboard shows it); never the text, only what identifies the row. */
async function recordDeadLetter(row: InboxEventDoc, at: Date): Promise<void> {
  await AuditLog.create({
    at,
    actor: { kind: "system" },
    action: "inbox.dead_lettered",
    detail: { webhookEventId: row.webhookEventId, type: row.type, attempts: row.attempts, error: row.error ? String(row.error).slice(0, 200) : undefined },
  });
}

const HOUR_MS = 3_600_000;
const toHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** A finished row's times, to the hour (retention needs no more; exact ones would match a complaint's or pledge's). */
function coarseTimes(row: InboxEventDoc, now: Date): { receivedAt: Date; timestamp: number; nextAttemptAt: Date; doneAt: Date } {
  const received = new Date(toHour(row.receivedAt.getTime()));
  return { receivedAt: received, timestamp: toHour(row.timestamp), nextAttemptAt: received, doneAt: new Date(toHour(now.getTime())) };
}
