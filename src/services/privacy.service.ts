import type { Types } from "mongoose";
import { findMemberByLineId } from "./member.service";
import { Member } from "../models/member.model";
import type { Sealer } from "../security/sealer";
import { anonymizeMemberPledges } from "./pledge.service";

// "ลบข้อมูลของฉัน" (privacy explainer; PDPA B.E. 2562 right to erasure). Each domain
// removes what it holds about the person through a deletion hook; this service runs
// them, then anonymises pledges (the counts stay, without the person) and clears the
// member's display name and village. The member row itself stays: it records that
// the user follows the account, which LINE needs us to respect for pushes.
export interface DeletionSubject {
  lineUserId: string;
  /** Absent when the user never became a member (nothing else can refer to them then). */
  memberId?: Types.ObjectId;
  at: Date;
  /** DATA_ENCRYPTION_KEY's sealer, for hooks that find rows by blind index (complaints). */
  sealer: Sealer;
}

/**
 * Removes one domain's personal data. Must be idempotent: a failed deletion is retried
 * from the start. May return a short Thai line for the confirmation message.
 */
export type DeletionHook = (subject: DeletionSubject) => Promise<string | void>;

export interface DeletionSummary {
  pledgesAnonymized: number;
  /** Thai lines returned by hooks. */
  notes: string[];
}

const hooks: { name: string; fn: DeletionHook }[] = [];

/**
 * Adds a domain's part of "delete my data" (complaints: drop the reporter's sealed
 * identity, and so on). Call at module load. Returns a function that removes the hook.
 */
export function registerDeletionHook(fn: DeletionHook, name: string = fn.name || `hook${hooks.length + 1}`): () => void {
  const entry = { name, fn };
  hooks.push(entry);
  return () => {
    const i = hooks.indexOf(entry);
    if (i >= 0) hooks.splice(i, 1);
  };
}

export function deletionHookNames(): string[] {
  return hooks.map((h) => h.name);
}

export async function deleteMyData(lineUserId: string, at: Date, sealer: Sealer): Promise<DeletionSummary> {
  const member = await findMemberByLineId(lineUserId);
  const subject: DeletionSubject = { lineUserId, at, sealer, ...(member ? { memberId: member._id } : {}) };
  const notes: string[] = [];
  for (const h of hooks) {
    const note = await h.fn(subject);
    if (note) notes.push(note);
  }
  const pledgesAnonymized = member ? await anonymizeMemberPledges(member._id, at) : 0;
  if (member) {
    // Without a village there is nothing to remind about, so village reminders stop too.
    await Member.updateOne({ _id: member._id }, { $unset: { displayName: 1, village: 1, language: 1 }, $set: { meetingReminders: false } });
  }
  return { pledgesAnonymized, notes };
}
