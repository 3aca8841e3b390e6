import type { FlowDefinition } from "../flows/flow-engine";
import type { BotModule } from "../webhook/router";
import { explainerModule } from "./explainer.handler";

// Every domain's actions, commands and flows, in one list. Add a module here.
export const BOT_MODULES: readonly BotModule[] = [explainerModule];

export function allFlows(modules: readonly BotModule[] = BOT_MODULES): FlowDefinition[] {
  return modules.flatMap((m) => m.flows ?? []);
}
