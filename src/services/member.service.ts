import { Member, type MemberDoc } from "../models/member.model";

// Members: follow state and profile. No LINE or HTTP types here.
export async function followMember(lineUserId: string, at: Date, displayName?: string, language?: string): Promise<MemberDoc> {
  const set: Record<string, unknown> = { followed: true, followedAt: at, consentAt: at };
  if (displayName) set.displayName = displayName;
  if (language) set.language = language;
  const doc = await Member.findOneAndUpdate(
    { lineUserId },
    { $set: set, $setOnInsert: { lineUserId, role: "resident", meetingReminders: false } },
    { upsert: true, new: true },
  );
  return doc!;
}

export async function unfollowMember(lineUserId: string, at: Date): Promise<void> {
  await Member.updateOne({ lineUserId }, { $set: { followed: false, unfollowedAt: at } });
}

/** A member is created on first contact too (not only on follow). */
export async function ensureMember(lineUserId: string, at: Date): Promise<MemberDoc> {
  const doc = await Member.findOneAndUpdate(
    { lineUserId },
    { $setOnInsert: { lineUserId, followed: true, followedAt: at, role: "resident", meetingReminders: false } },
    { upsert: true, new: true },
  );
  return doc!;
}

export async function isFollowing(lineUserId: string): Promise<boolean> {
  const m = await Member.findOne({ lineUserId }, { followed: 1 }).lean();
  return m ? m.followed !== false : true;
}
