import { CaseClockRow } from "../../models/case-clock.model";
import { formatThaiDate } from "../../util/thai-date";
import { startOfDay } from "../../util/working-days";
import { holidaySet } from "../holiday.service";
import { clockOf, type ClockDeps } from "./clock-sync";
import type { ClockFacts } from "./compute-clock";

// What the reporter's "ติดตามเรื่อง" says about the deadline, and whether it offers
// the one "ขอเร่งรัด" (the case's owner, past the deadline, not asked before).
export interface ReporterDeadline {
  text: string;
  expediteId?: string;
}

export async function reporterDeadline(deps: ClockDeps, c: ClockFacts & { _id: unknown }, isOwner: boolean, now: Date): Promise<ReporterDeadline | undefined> {
  const tz = deps.config.timezone;
  const clock = clockOf(deps, c, await holidaySet(now.getTime()), now);
  if (!clock.open || !clock.dueDay) return undefined;
  const due = formatThaiDate(startOfDay(clock.dueDay, tz), tz);
  if (!clock.overdue) {
    const what = clock.stage === "first_response" ? "ตอบรับเรื่องของท่าน" : "แจ้งผลหรือความคืบหน้าแก่ท่าน";
    return { text: `เจ้าหน้าที่จะ${what}ภายใน ${due} ค่ะ` };
  }
  const row = isOwner ? await CaseClockRow.findById(c._id, { expeditedAt: 1 }).lean() : null;
  const canAsk = !!row && !row.expeditedAt;
  return {
    text: `เรื่องนี้เกินกำหนดตอบกลับ (${due}) แล้วค่ะ เจ้าหน้าที่ระดับจังหวัดติดตามเรื่องนี้อยู่${canAsk ? " ท่านกด \"ขอเร่งรัด\" ได้หนึ่งครั้งค่ะ" : ""}`,
    expediteId: canAsk ? String(c._id) : undefined,
  };
}
