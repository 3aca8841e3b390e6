import { Types } from "mongoose";
import { NotFoundError, ValidationError } from "../../errors";
import { AuditLog } from "../../models/audit-log.model";
import { CaseClockRow } from "../../models/case-clock.model";
import { Complaint } from "../../models/complaint.model";
import type { Sealer } from "../../security/sealer";
import { formatThaiDate } from "../../util/thai-date";
import { startOfDay } from "../../util/working-days";
import { appendMessage, refreshAwaitingReporter } from "../complaint-messages";
import { NOT_FOUND_TEXT } from "../complaint-lookup";
import { sendExpediteAlerts, type AlertDeps } from "./case-alerts";
import { liveClock, type ClockDeps } from "./clock-sync";

// The reporter's one "ขอเร่งรัด" per case, allowed once the deadline has passed.
// It notes the thread, alerts the case's officers again and is audited. Once per
// case: a conditional update on the clock (expeditedAt null), atomic on MongoDB.
export interface ExpediteDeps {
  outbox: AlertDeps["outbox"];
  config: AlertDeps["config"] & ClockDeps["config"];
  sealer: Sealer;
}

export type ExpediteResult = { kind: "done"; trackingCode: string } | { kind: "already"; trackingCode: string } | { kind: "not_yet"; trackingCode: string; due?: string };

export const EXPEDITE_NOTE = "ผู้แจ้งขอเร่งรัด: เรื่องนี้เกินกำหนดเวลาตอบกลับแล้ว ผู้แจ้งขอให้เจ้าหน้าที่เร่งดำเนินการและแจ้งความคืบหน้า";

export async function requestExpedite(deps: ExpediteDeps, lineUserId: string, complaintId: string, now: Date): Promise<ExpediteResult> {
  const idx = deps.sealer.blindIndex(lineUserId);
  const c = Types.ObjectId.isValid(complaintId) && /^[0-9a-f]{24}$/i.test(complaintId) ? await Complaint.findOne({ _id: new Types.ObjectId(complaintId), reporterIndex: idx }, { trackingCode: 1 }).lean() : null;
  if (!c) throw new NotFoundError("not the reporter's complaint", NOT_FOUND_TEXT);
  const clock = await liveClock(deps, c._id, now);
  if (!clock?.open) throw new ValidationError("complaint is closed", "เรื่องนี้ปิดแล้วค่ะ หากมีข้อมูลใหม่ กรุณาแจ้งเป็นเรื่องใหม่ หรือโทรสายด่วน ป.ป.ช. 1205 ค่ะ");
  const row = await CaseClockRow.findById(c._id).lean();
  if (row?.expeditedAt) return { kind: "already", trackingCode: c.trackingCode };
  if (!clock.overdue) {
    const due = clock.dueDay ? formatThaiDate(startOfDay(clock.dueDay, deps.config.timezone), deps.config.timezone) : undefined;
    return { kind: "not_yet", trackingCode: c.trackingCode, due };
  }
  if (!row) throw new ValidationError("clock not kept yet", "ขออภัยค่ะ ระบบยังไม่พร้อมรับคำขอนี้ กรุณาลองใหม่ในอีกสักครู่ค่ะ");
  const won = await CaseClockRow.findOneAndUpdate({ _id: c._id, expeditedAt: null }, { $set: { expeditedAt: now } }, { new: true });
  if (!won) return { kind: "already", trackingCode: c.trackingCode };
  await appendMessage(c._id, { kind: "reporter", at: now, text: EXPEDITE_NOTE });
  await refreshAwaitingReporter(c._id);
  await AuditLog.create({ at: now, actor: { kind: "reporter", id: idx }, action: "complaint.expedite_requested", complaintId: c._id, detail: { dueDay: clock.dueDay } });
  await sendExpediteAlerts(deps, won);
  return { kind: "done", trackingCode: c.trackingCode };
}
