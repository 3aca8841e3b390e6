import type { messagingApi } from "@line/bot-sdk";
import type { Outbox } from "../line/outbox";
import { sealedAt } from "../security/seal-places";
import type { Sealer } from "../security/sealer";
import type { ComplaintDoc } from "../models/complaint.model";
import { formatThaiDateTime } from "../util/thai-date";
import { complaintOfficerMessageFlex } from "../../flex-messages/complaint-officer-message.flex";
import { complaintStatusUpdateFlex } from "../../flex-messages/complaint-timeline.flex";
import { STATUS_LABELS, referralText } from "./complaint-labels";

// Pushes to the reporter about their case. They go through the outbox to the
// sealed LINE id (anonymous reporters included), with one dedupe key per status
// change or message, so a retried officer action never pushes twice.
export interface NotifyDeps {
  outbox: Outbox;
  sealer: Sealer;
  config: { timezone: string };
}

async function pushToReporter(deps: NotifyDeps, c: ComplaintDoc, messages: messagingApi.Message[], dedupeKey: string, purpose: string): Promise<boolean> {
  // Unlinked on a data-deletion request: nobody to tell.
  if (!c.reporterSealed) return false;
  // Opened here and sealed again for the outbox row (bound to it), never stored in clear.
  const to = deps.sealer.open(c.reporterSealed, sealedAt.complaintReporter(String(c._id)));
  await deps.outbox.send({ kind: "push", to: [to], sealTo: true, messages, dedupeKey, purpose, refId: String(c._id) });
  return true;
}

export interface StatusEntryLike {
  _id: unknown;
  status: keyof typeof STATUS_LABELS;
  at: Date;
  note: string;
  referredTo?: string | null;
  referredAgency?: string | null;
}

export function notifyStatusChange(deps: NotifyDeps, c: ComplaintDoc, entry: StatusEntryLike): Promise<boolean> {
  const referredTo = entry.status === "referred" ? referralText(entry.referredTo as never, entry.referredAgency) : undefined;
  const message = complaintStatusUpdateFlex({
    trackingCode: c.trackingCode,
    status: STATUS_LABELS[entry.status],
    at: formatThaiDateTime(entry.at, deps.config.timezone),
    note: entry.note,
    referredTo: referredTo || undefined,
  });
  return pushToReporter(deps, c, [message], `complaint:${String(c._id)}:status:${String(entry._id)}`, "complaint-status");
}

export interface ThreadEntryLike {
  _id: unknown;
  at: Date;
  text: string;
  expectsReply?: boolean | null;
}

export function notifyOfficerMessage(deps: NotifyDeps, c: ComplaintDoc, entry: ThreadEntryLike): Promise<boolean> {
  const message = complaintOfficerMessageFlex({
    trackingCode: c.trackingCode,
    text: entry.text,
    at: formatThaiDateTime(entry.at, deps.config.timezone),
    expectsReply: Boolean(entry.expectsReply),
  });
  return pushToReporter(deps, c, [message], `complaint:${String(c._id)}:msg:${String(entry._id)}`, "complaint-message");
}
