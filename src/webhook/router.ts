import type { FlowDefinition } from "../flows/flow-engine";
import type { BotContext } from "./bot-context";

// One routing table, read top to bottom (STYLE.md rule 2): global words, the
// active flow, postback actions keyed domain.verb, text commands and intents,
// then the fallback. Domains plug in as BotModules; nobody nests a switch.
export type Handler = (ctx: BotContext) => Promise<void> | void;
export type RouteResult = "handled" | "pass";

export interface BotModule {
  name: string;
  /** Postback actions keyed "domain.verb". */
  actions?: Record<string, Handler>;
  /** Whole-message commands (after normalisation), mapped to an action. */
  commands?: { pattern: RegExp; action: string; params?: Record<string, string> }[];
  flows?: FlowDefinition[];
}

export interface Route {
  name: string;
  when(ctx: BotContext): boolean;
  run(ctx: BotContext): Promise<RouteResult | void> | RouteResult | void;
}

export async function runRoutes(table: readonly Route[], ctx: BotContext): Promise<string> {
  for (const route of table) {
    if (!route.when(ctx)) continue;
    const result = await route.run(ctx);
    if (result !== "pass") return route.name;
  }
  return "none";
}

export class ActionRegistry {
  private readonly actions = new Map<string, Handler>();
  private readonly commands: { pattern: RegExp; action: string; params?: Record<string, string> }[] = [];

  constructor(modules: readonly BotModule[]) {
    for (const m of modules) {
      for (const [name, h] of Object.entries(m.actions ?? {})) {
        if (this.actions.has(name)) throw new Error(`action ${name} registered twice (module ${m.name})`);
        this.actions.set(name, h);
      }
      this.commands.push(...(m.commands ?? []));
    }
  }

  get(action: string): Handler | undefined {
    return this.actions.get(action);
  }

  matchCommand(normalized: string): { action: string; params?: Record<string, string> } | undefined {
    return this.commands.find((c) => c.pattern.test(normalized));
  }
}
