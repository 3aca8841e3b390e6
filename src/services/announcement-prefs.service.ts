import { Member } from "../models/member.model";
import { ensureMember } from "./member.service";

// "ปิดการแจ้งข่าว" / "เปิดการแจ้งข่าว": a resident turns officer announcements off or on.
// Meeting reminders are a separate choice (meetingReminders) and stay as they are.
export async function setAnnouncementsMuted(lineUserId: string, muted: boolean, at: Date): Promise<void> {
  const m = await ensureMember(lineUserId, at);
  await Member.updateOne({ _id: m._id }, { $set: { announcementsMuted: muted } });
}
