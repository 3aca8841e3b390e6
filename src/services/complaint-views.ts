import { getDistrict } from "../content/areas/areas";
import type { ComplaintDoc, ReferralTarget } from "../models/complaint.model";
import type { ComplaintMessageDoc } from "../models/complaint-message.model";
import { formatThaiDate, formatThaiDateTime } from "../util/thai-date";
import type { ComplaintReceiptData } from "../../flex-messages/complaint-receipt.flex";
import type { ComplaintTimelineData, TimelineEvent } from "../../flex-messages/complaint-timeline.flex";
import type { MyReportItem } from "../../flex-messages/complaint-my-reports.flex";
import { CATEGORY_LABELS, STATUS_LABELS, describeArea, hotlineText, referralText } from "./complaint-labels";

// Plain data for the reporter-facing Flex builders, from a stored complaint.
// Dates are shown in the Buddhist Era in the app's time zone.

/** "เจ้าหน้าที่อำเภอชุมแพ" / "เจ้าหน้าที่ระดับจังหวัดขอนแก่น". */
export function routingText(routedTo: { level: string; districtCode?: string | null }): string {
  const d = routedTo.level === "district" && routedTo.districtCode ? getDistrict(routedTo.districtCode) : undefined;
  return d ? `เจ้าหน้าที่อำเภอ${d.nameTh}` : "เจ้าหน้าที่ระดับจังหวัดขอนแก่น";
}

/** The picker gives a calendar day "YYYY-MM-DD": shown as that day, whatever the zone. */
export function whenText(when: { date?: string | null; text?: string | null; unsure?: boolean | null } | null | undefined): string {
  if (when?.date) return formatThaiDate(new Date(`${when.date}T12:00:00Z`), "UTC");
  if (when?.text) return when.text;
  return "ไม่แน่ใจ";
}

export function receiptData(c: ComplaintDoc, timeZone: string, repeated = false): ComplaintReceiptData {
  return {
    trackingCode: c.trackingCode,
    category: CATEGORY_LABELS[c.category],
    submittedAt: formatThaiDateTime(c.submittedAt, timeZone),
    anonymous: c.anonymous,
    routing: routingText(c.routedTo!),
    photoCount: c.evidence.length,
    hotlines: hotlineText(),
    repeated,
  };
}

export function myReportItem(c: ComplaintDoc, timeZone: string): MyReportItem {
  return { trackingCode: c.trackingCode, category: CATEGORY_LABELS[c.category], status: STATUS_LABELS[c.status], submittedAt: formatThaiDate(c.submittedAt, timeZone) };
}

export function statusTitle(status: keyof typeof STATUS_LABELS, referredTo?: ReferralTarget | null, agency?: string | null): string {
  const to = status === "referred" ? referralText(referredTo, agency) : "";
  return to ? `${STATUS_LABELS[status]}: ${to}` : STATUS_LABELS[status];
}

/**
 * The timeline a reporter sees. Someone who only holds the code (not the filer)
 * sees status changes, not the message thread, which may hold questions meant
 * for the reporter alone. Staff-only notes are never part of it.
 */
export function timelineData(c: ComplaintDoc, thread: readonly ComplaintMessageDoc[], timeZone: string, isOwner: boolean): ComplaintTimelineData {
  const events: (TimelineEvent & { t: number })[] = c.statusHistory.map((s) => ({
    t: s.at.getTime(),
    at: formatThaiDateTime(s.at, timeZone),
    kind: "status" as const,
    title: statusTitle(s.status, s.referredTo, s.referredAgency),
    // The first entry's note repeats the status ("ได้รับเรื่องแล้ว"): say it once.
    text: s.note && s.note !== STATUS_LABELS[s.status] ? s.note : undefined,
  }));
  if (isOwner) {
    for (const m of thread) {
      if (m.kind === "note") continue; // staff only
      events.push({
        t: m.at.getTime(),
        at: formatThaiDateTime(m.at, timeZone),
        kind: m.kind,
        title: m.kind === "officer" ? "ข้อความจากเจ้าหน้าที่" : "ข้อความของท่าน",
        text: m.text,
      });
    }
  }
  events.sort((a, b) => a.t - b.t);
  const closed = c.status === "resolved" || c.status === "dismissed";
  return {
    trackingCode: c.trackingCode,
    category: CATEGORY_LABELS[c.category],
    status: statusTitle(c.status, c.referredTo, c.referredAgency),
    submittedAt: formatThaiDate(c.submittedAt, timeZone),
    events: events.map(({ t: _t, ...e }) => e),
    canReply: isOwner && !closed && Boolean(c.reporterSealed),
    awaitingReporter: isOwner && c.awaitingReporter,
  };
}

export function areaText(c: Pick<ComplaintDoc, "where">): string {
  const area = describeArea(c.where ?? {});
  if (area) return area;
  return c.where?.location ? "ตามตำแหน่งที่แชร์" : "";
}
