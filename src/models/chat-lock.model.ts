import { Schema, model } from "mongoose";

// One lease per chat: events of one chat are processed in order by one worker at a
// time, across replicas. A crashed holder's lease simply expires.
const chatLockSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
  },
  { versionKey: false },
);

export const ChatLock = model("ChatLock", chatLockSchema);
