import { reporterEscalationMessage } from "../../../flex-messages/case-alert.flex";
import type { Outbox } from "../../line/outbox";
import { AuditLog } from "../../models/audit-log.model";
import { CaseClockRow } from "../../models/case-clock.model";
import { Complaint } from "../../models/complaint.model";

// A case past its deadline is "เกินกำหนด": it shows in the province admins' queue
// (queue.query.ts), each deadline missed is escalated once, with one audit row, and
// the reporter is told once per case that the province follows it now.
//
// Once across replicas: the escalation of a deadline is a conditional update on the
// clock (atomic on MongoDB), and only its winner writes the audit row. The
// reporter's notice goes to the outbox under a dedupe key naming the case before
// the clock is marked, so a crash in between sends it on the next tick, still once.
export interface EscalationDeps {
  outbox: Outbox;
}

export async function escalateOverdue(deps: EscalationDeps, now: Date): Promise<{ escalated: number; told: number }> {
  const overdue = await CaseClockRow.find({ open: true, dueAt: { $ne: null, $lte: now } }, { dueDay: 1, escalatedDueDay: 1, reporterNotifiedAt: 1, level: 1, districtCode: 1, trackingCode: 1 }).lean();
  let escalated = 0;
  let told = 0;
  for (const c of overdue) {
    if (c.escalatedDueDay !== c.dueDay) {
      const won = await CaseClockRow.findOneAndUpdate(
        { _id: c._id, dueDay: c.dueDay, escalatedDueDay: { $ne: c.dueDay } },
        { $set: { escalatedDueDay: c.dueDay, escalatedAt: now } },
        { new: true, projection: { _id: 1 } },
      );
      if (won) {
        escalated += 1;
        await AuditLog.create({ at: now, actor: { kind: "system" }, action: "complaint.escalated", complaintId: c._id, detail: { to: "province", dueDay: c.dueDay, level: c.level, districtCode: c.districtCode ?? null } });
      }
    }
    if (!c.reporterNotifiedAt) {
      const complaint = await Complaint.findById(c._id, { reporterSealed: 1, trackingCode: 1 }).lean();
      if (complaint?.reporterSealed) {
        await deps.outbox.send({
          kind: "push",
          toSealed: complaint.reporterSealed,
          messages: [reporterEscalationMessage(complaint.trackingCode, String(c._id))],
          dedupeKey: `case-escalation:notice:${String(c._id)}`,
          purpose: "case-escalation-notice",
          refId: String(c._id),
        });
        told += 1;
      }
      await CaseClockRow.updateOne({ _id: c._id, reporterNotifiedAt: null }, { $set: { reporterNotifiedAt: now } });
    }
  }
  return { escalated, told };
}
