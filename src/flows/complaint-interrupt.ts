import type { StepResult } from "./flow-engine";
import { detectIntent } from "../intents/intent";
import { normalizeText } from "../intents/normalize";
import type { BotContext } from "../webhook/bot-context";
import { ActionRegistry, type BotModule } from "../webhook/router";
import { complaintResumeFlex } from "../../flex-messages/complaint-resume.flex";

// A question in the middle of a complaint ("รับของขวัญได้ไหม") is answered by the
// rest of the routing table while the flow waits: the step returns "pass". The
// reporter first gets a bubble with "ทำรายการต่อ" (a=complaint.resume), which
// shows the pending step again. Only text the router would act on (an intent or
// another module's command) passes; anything else is treated as an answer.
let registry: ActionRegistry | undefined;

function otherCommands(): ActionRegistry | undefined {
  if (!registry) {
    try {
      // Read lazily: handlers/index.ts imports this flow, so the module list exists only at call time.
      const { BOT_MODULES } = require("../handlers") as { BOT_MODULES: readonly BotModule[] };
      registry = new ActionRegistry(BOT_MODULES);
    } catch {
      return undefined;
    }
  }
  return registry;
}

/** Actions the complaint flow answers itself (it shows the pending step again). */
export const FLOW_OWN = new Set(["complaint.start", "complaint.resume", "complaint.report"]);

/** The action of a whole-message command ("แจ้งเรื่อง", "ติดตามเรื่อง" …), if the text is one. */
export function commandAction(text: string | undefined): string | undefined {
  return text === undefined ? undefined : otherCommands()?.matchCommand(normalizeText(text))?.action;
}

/**
 * True when another part of the bot would answer this text (tracking a case
 * included; starting a complaint is the flow's own business). In free-text steps
 * (the account, the accused, a name) only whole-message commands count: an
 * intent may fire on words inside a genuine account ("…บอกว่าไม่รับไม่ให้…").
 */
export function isTopicQuestion(text: string | undefined, opts: { commandsOnly?: boolean } = {}): boolean {
  if (text === undefined) return false;
  const intent = opts.commandsOnly ? undefined : detectIntent(text);
  if (intent?.kind === "action" && !FLOW_OWN.has(intent.action)) return true;
  const action = commandAction(text);
  return action !== undefined && !FLOW_OWN.has(action);
}

/** Lets the router answer; the flow stays active. */
export function passWithResumeHint(ctx: BotContext): StepResult {
  ctx.reply(complaintResumeFlex());
  return "pass";
}
