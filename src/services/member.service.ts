import { isDuplicateKeyError } from "../errors";
import { Member, memberIdFor, type MemberDoc } from "../models/member.model";

// Members: follow state and profile. No LINE or HTTP types here. A member is
// found by the _id derived from the LINE user id (member.model.ts), and by
// lineUserId only when it predates that rule.
export async function findMemberByLineId(lineUserId: string): Promise<MemberDoc | null> {
  return (await Member.findById(memberIdFor(lineUserId))) ?? (await Member.findOne({ lineUserId }));
}

/**
 * Sets `set` on the user's member (`found`, when the caller already looked it up),
 * creating it under its derived _id with `onInsert` when there is none.
 */
async function upsertMember(lineUserId: string, found: MemberDoc | null, set: Record<string, unknown>, onInsert: Record<string, unknown>): Promise<MemberDoc> {
  const filter = { _id: found?._id ?? memberIdFor(lineUserId) };
  const update = { ...(Object.keys(set).length > 0 ? { $set: set } : {}), $setOnInsert: { lineUserId, ...onInsert } };
  const options = { upsert: true, new: true } as const;
  try {
    return (await Member.findOneAndUpdate(filter, update, options))!;
  } catch (err) {
    // Two first contacts at once: one insert wins, the other updates what it stored.
    if (!isDuplicateKeyError(err)) throw err;
    return (await Member.findOneAndUpdate(filter, update, options))!;
  }
}

export async function followMember(lineUserId: string, at: Date, displayName?: string, language?: string): Promise<MemberDoc> {
  const set: Record<string, unknown> = { followed: true, followedAt: at, consentAt: at };
  if (displayName) set.displayName = displayName;
  if (language) set.language = language;
  return upsertMember(lineUserId, await findMemberByLineId(lineUserId), set, { role: "resident", meetingReminders: false });
}

export async function unfollowMember(lineUserId: string, at: Date): Promise<void> {
  const m = await findMemberByLineId(lineUserId);
  if (m) await Member.updateOne({ _id: m._id }, { $set: { followed: false, unfollowedAt: at } });
}

/** A member is created on first contact too (not only on follow). */
export async function ensureMember(lineUserId: string, at: Date): Promise<MemberDoc> {
  return (await findMemberByLineId(lineUserId)) ?? upsertMember(lineUserId, null, {}, { followed: true, followedAt: at, role: "resident", meetingReminders: false });
}

export async function isFollowing(lineUserId: string): Promise<boolean> {
  const m = await findMemberByLineId(lineUserId);
  return m ? m.followed !== false : true;
}
