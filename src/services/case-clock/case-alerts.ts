import { caseDigestFlex, expediteAlertFlex, newCaseAlertFlex, type CaseAlertData } from "../../../flex-messages/case-alert.flex";
import { getDistrict, getTambon } from "../../content/areas/areas";
import type { Outbox } from "../../line/outbox";
import { Claim } from "../../models/claim.model";
import { CaseClockRow, type CaseClockFields } from "../../models/case-clock.model";
import { claimOnce } from "../../locks/claim";
import { formatThaiDate } from "../../util/thai-date";
import { dayKeyIn, endOfDay, isWorkingDay, startOfDay, workingDaysBetween, type HolidaySet } from "../../util/working-days";
import { CATEGORY_LABELS } from "../complaint-labels";
import { alertRecipients, recipientsForCase, type AlertRecipient } from "../officer-line.service";

// Officers hear about cases in LINE: one message per new case in their districts,
// a morning digest of cases due today or overdue, and a reporter's "ขอเร่งรัด".
// Every push goes through the outbox with a dedupe key naming the case (or day)
// and the officer, so two replicas and a restart send each one once.
export interface AlertDeps {
  outbox: Outbox;
  config: { timezone: string; dashboardBaseUrl: string; caseDigestTime: string };
}

type ClockRow = Pick<CaseClockFields, "trackingCode" | "category" | "level" | "districtCode" | "tambonCode" | "dueDay" | "dueAt"> & { _id: unknown };

export function areaLabel(c: { tambonCode?: string | null; districtCode?: string | null }): string {
  const t = c.tambonCode ? getTambon(c.tambonCode) : undefined;
  const d = c.districtCode ? getDistrict(c.districtCode) : undefined;
  const parts = [t ? `ต.${t.nameTh}` : "", d ? `อ.${d.nameTh}` : ""].filter(Boolean);
  return parts.length ? parts.join(" ") : "ไม่ระบุพื้นที่";
}

export function alertData(deps: AlertDeps, c: ClockRow): CaseAlertData {
  return {
    trackingCode: c.trackingCode,
    category: CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS] ?? c.category,
    area: areaLabel(c),
    due: c.dueAt && c.dueDay ? `ภายใน ${formatThaiDate(startOfDay(c.dueDay, deps.config.timezone), deps.config.timezone)}` : undefined,
    caseUrl: `${deps.config.dashboardBaseUrl}/officer/complaints/${String(c._id)}`,
  };
}

async function pushTo(deps: AlertDeps, r: AlertRecipient, messages: Parameters<Outbox["send"]>[0]["messages"], dedupeKey: string, purpose: string, refId: string): Promise<void> {
  await deps.outbox.send({ kind: "push", to: [r.lineUserId], messages, dedupeKey, purpose, refId });
}

/** New cases not yet alerted: each linked officer of the district gets one message, then the case is marked. */
export async function sendNewCaseAlerts(deps: AlertDeps, now: Date, limit = 200): Promise<number> {
  const fresh = await CaseClockRow.find({ alertedAt: null }).sort({ submittedAt: 1 }).limit(limit).lean();
  if (fresh.length === 0) return 0;
  const all = await alertRecipients();
  let sent = 0;
  for (const c of fresh) {
    const message = newCaseAlertFlex(alertData(deps, c));
    for (const r of recipientsForCase(all, c)) {
      await pushTo(deps, r, [message], `case-alert:new:${String(c._id)}:${r.officerId}`, "case-alert-new", String(c._id));
      sent += 1;
    }
    await CaseClockRow.updateOne({ _id: c._id, alertedAt: null }, { $set: { alertedAt: now } });
  }
  return sent;
}

/** A reporter's "ขอเร่งรัด": the case's officers hear again (once: the tap is once per case). */
export async function sendExpediteAlerts(deps: AlertDeps, c: ClockRow): Promise<number> {
  const targets = recipientsForCase(await alertRecipients(), c);
  for (const r of targets) await pushTo(deps, r, [expediteAlertFlex(alertData(deps, c))], `case-alert:expedite:${String(c._id)}:${r.officerId}`, "case-alert-expedite", String(c._id));
  return targets.length;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The morning digest: on working days, from CASE_DIGEST_TIME, each linked officer
 * with cases due today or overdue in their scope gets one message. The day is
 * marked done after every message is in the outbox; until then each tick tries
 * again, and the dedupe keys keep it to one message per officer and day.
 */
export async function sendDigests(deps: AlertDeps, holidays: HolidaySet, now: Date, owner: string): Promise<number> {
  const tz = deps.config.timezone;
  const today = dayKeyIn(now, tz);
  if (!isWorkingDay(today, holidays)) return 0;
  if ((now.getTime() - startOfDay(today, tz).getTime()) / 60_000 < minutesOf(deps.config.caseDigestTime)) return 0;
  const mark = `case-digest-done:${today}`;
  if (await Claim.exists({ _id: mark })) return 0;
  const due = await CaseClockRow.find({ open: true, dueAt: { $ne: null, $lte: endOfDay(today, tz) } }).sort({ dueAt: 1 }).lean();
  let sent = 0;
  for (const r of await alertRecipients()) {
    // Admins follow the whole province: every case due or late; officers their districts.
    const mine = due.filter((c) => r.role === "admin" || recipientsForCase([r], c).length > 0);
    if (mine.length === 0) continue;
    const items = mine.map((c) => {
      const overdue = c.dueAt!.getTime() <= now.getTime();
      const late = workingDaysBetween(c.dueDay!, today, holidays);
      return { trackingCode: c.trackingCode, area: `${CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS] ?? c.category} · ${areaLabel(c)}`, state: overdue ? (late > 0 ? `เกินกำหนด ${late} วันทำการ` : "เกินกำหนด") : "ครบกำหนดวันนี้", overdue };
    });
    const message = caseDigestFlex({
      day: formatThaiDate(now, tz),
      overdue: items.filter((i) => i.overdue).length,
      dueToday: items.filter((i) => !i.overdue).length,
      items,
      queueUrl: `${deps.config.dashboardBaseUrl}/officer/queue`,
    });
    await pushTo(deps, r, [message], `case-alert:digest:${today}:${r.officerId}`, "case-alert-digest", today);
    sent += 1;
  }
  await claimOnce(mark, owner, new Date(now.getTime() + 3 * 86_400_000));
  return sent;
}
