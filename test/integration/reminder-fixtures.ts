import { makeUserId } from "../../src/dev/line-emulator";
import { Member } from "../../src/models/member.model";
import { createMeeting, type MeetingInput } from "../../src/services/meeting.service";
import { sendDueReminders, type SendDueOptions } from "../../src/services/reminder-dispatch.service";
import type { Runtime } from "../../src/runtime";
import { parseRecurrence } from "../../src/util/recurrence";
import type { Harness } from "../helpers/harness";

// Shared by the meeting and reminder integration tests: a clock that can be set and
// then runs on, members seeded straight into MongoDB, and one dispatch call.
export const TZ = "Asia/Bangkok";
export const bkk = (s: string) => new Date(`${s}+07:00`);

/** A clock set to an instant that then moves with real time (so backoffs elapse). */
export function settableClock(start: Date): { now: () => Date; set(d: Date): void } {
  let base = start.getTime();
  let t0 = Date.now();
  return {
    now: () => new Date(base + (Date.now() - t0)),
    set(d: Date) {
      base = d.getTime();
      t0 = Date.now();
    },
  };
}

export interface VillageSeed {
  tambonCode: string;
  villageNo: number;
  districtCode: string;
}

export const IN_MUEANG_5: VillageSeed = { districtCode: "4001", tambonCode: "400101", villageNo: 5 };

export async function seedMembers(prefix: string, n: number, v: VillageSeed, extra: Partial<{ role: string; followed: boolean; meetingReminders: boolean }> = {}): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => makeUserId(`${prefix}-${i}`));
  await Member.insertMany(
    ids.map((lineUserId) => ({ lineUserId, followed: true, role: "resident", meetingReminders: true, village: v, ...extra })),
    { ordered: false },
  );
  return ids;
}

export function villageMeeting(v: VillageSeed, schedule: string, extra: Partial<MeetingInput> = {}): MeetingInput {
  return { scope: "village", village: v, place: "ศาลาประชาคมหมู่บ้าน", recurrence: parseRecurrence(schedule), ...extra };
}

export async function createTestMeeting(h: Harness, input: MeetingInput, now: Date) {
  return createMeeting(input, h.config, now);
}

export function dispatch(rt: Runtime, owner: string, now: Date, opts: SendDueOptions = {}) {
  return sendDueReminders({ config: rt.deps.config, logger: rt.deps.logger, outbox: rt.deps.outbox, owner, now: rt.deps.now }, now, opts);
}

/** Multicast recipients per user id as the emulator recorded them (accepted requests only). */
export function multicastCounts(h: Harness): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of h.line.deliveries) if (d.via === "multicast") counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
  return counts;
}
