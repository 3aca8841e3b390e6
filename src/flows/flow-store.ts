import { FlowState, flowStateWrites } from "../models/flow-state.model";

// Flow state behind read/write/delete (STYLE.md rule 3). Expiry is checked on read.
export interface FlowSnapshot {
  flowId: string;
  version: number;
  step: string;
  data: Record<string, unknown>;
  expiresAt: Date;
}

export interface FlowStore {
  read(chatKey: string): Promise<FlowSnapshot | null>;
  write(chatKey: string, state: FlowSnapshot, eventId?: string): Promise<void>;
  delete(chatKey: string): Promise<void>;
}

export function createMongoFlowStore(): FlowStore {
  return {
    async read(chatKey) {
      const doc = await FlowState.findById(chatKey).lean();
      if (!doc) return null;
      return {
        flowId: doc.flowId,
        version: doc.version,
        step: doc.step,
        data: (doc.data ?? {}) as Record<string, unknown>,
        expiresAt: doc.expiresAt,
      };
    },
    async write(chatKey, state, eventId) {
      const at = new Date();
      const set = { flowId: state.flowId, version: state.version, step: state.step, data: state.data, expiresAt: state.expiresAt, updatedAt: at, ...(eventId ? { lastEventId: eventId } : {}) };
      await flowStateWrites.update(chatKey, { $setOnInsert: { chatKey, createdAt: at }, $set: set }, { upsert: true });
    },
    async delete(chatKey) {
      await flowStateWrites.delete(chatKey);
    },
  };
}
