import type { BotContext } from "../webhook/bot-context";

// Conversation flows are small explicit state machines with named steps, a
// version and an expiry (ARCHITECTURE.md). Steps are named, never numbered, so
// adding a step does not move people who are mid-conversation.
export type StepResult = "handled" | "pass";

export interface FlowDefinition {
  id: string;
  version: number;
  ttlMs: number;
  /** Each step gets every event while the flow is active; "pass" lets the router continue. */
  steps: Record<string, (ctx: BotContext) => Promise<StepResult | void>>;
  /** Said when an expired flow is touched (`ended`: the state it had); "pass" lets the router answer the event instead. */
  onExpired(ctx: BotContext, ended: ActiveFlow): void | StepResult | Promise<void | StepResult>;
  /** Said on "ยกเลิก" (`ended`: the state it had). */
  onCancel(ctx: BotContext, ended: ActiveFlow): void | Promise<void>;
}

export interface ActiveFlow {
  flowId: string;
  version: number;
  step: string;
  data: Record<string, unknown>;
  expiresAt: Date;
}

export type FlowUpdate = { kind: "write"; state: ActiveFlow } | { kind: "delete" };

export class FlowRegistry {
  private readonly flows = new Map<string, FlowDefinition>();

  register(def: FlowDefinition): this {
    if (this.flows.has(def.id)) throw new Error(`flow ${def.id} registered twice`);
    this.flows.set(def.id, def);
    return this;
  }

  get(id: string): FlowDefinition | undefined {
    return this.flows.get(id);
  }
}
