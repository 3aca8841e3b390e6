import type { BotContext } from "./bot-context";
import type { RouteResult } from "./router";

// Runs the active flow's current step. An expired or outdated flow is ended
// politely; a step may "pass" to let the rest of the table answer (e.g. a topic
// question in the middle of a pledge) while the flow stays active.
export async function runFlowStep(ctx: BotContext): Promise<RouteResult> {
  const active = ctx.flow!;
  const def = ctx.deps.flows.get(active.flowId);
  if (!def || def.version !== active.version) {
    ctx.endFlow();
    return "pass";
  }
  if (active.expiresAt.getTime() <= ctx.now.getTime()) {
    ctx.endFlow();
    return (await def.onExpired(ctx, active)) === "pass" ? "pass" : "handled";
  }
  const step = def.steps[active.step];
  if (!step) {
    ctx.endFlow();
    return "pass";
  }
  const result = await step(ctx);
  return result === "pass" ? "pass" : "handled";
}
