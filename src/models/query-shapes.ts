import { Types, type Model } from "mongoose";
import { EVIDENCE_BUCKET, EVIDENCE_FILE_INDEXES } from "../services/evidence.service";
import { Claim } from "./claim.model";
import { Complaint } from "./complaint.model";
import { ComplaintMessage } from "./complaint-message.model";
import { FlowState } from "./flow-state.model";
import { InboxEvent, OPEN_INBOX_STATES } from "./inbox-event.model";
import { InboxJournal } from "./inbox-journal.model";
import { LoginAttempt } from "./login-attempt.model";
import { Member } from "./member.model";
import { OfficerSession } from "./officer-session.model";
import { Officer } from "./officer.model";
import { OutboxMessage } from "./outbox-message.model";
import { Pledge } from "./pledge.model";
import { PledgeCounter } from "./pledge-counter.model";
import { Reminder } from "./reminder.model";
import type { DeclaredIndex, IndexKey } from "./index-coverage";

// Every query shape the hot paths issue (webhook and inbox worker, pledges,
// complaints in chat and on the dashboard, sessions, outbox, reminders, sweeps),
// with example values. A filter with $or is listed once per branch. `residual`
// names fields filtered after the index on purpose. Each shape must be served by a
// declared index (index-coverage.ts; test/unit/models/query-shapes.test.ts), and
// `npm run check:indexes` runs them with explain() on a real MongoDB.
export interface QueryShape {
  name: string;
  collection: string;
  filter: Record<string, unknown>;
  sort?: IndexKey;
  residual?: string[];
}

const at = new Date("2026-12-01T03:00:00Z");
const oid = new Types.ObjectId("65a1b2c3d4e5f60718293a4b");
const DISTRICTS = ["4001", "4007"];

/** A collection's declared indexes: a model's schema, or a list kept beside raw collection code. */
export const declaredIndexes = new Map<string, DeclaredIndex[]>();
function fromModel(model: Model<any>): string {
  const name = model.collection.collectionName;
  declaredIndexes.set(
    name,
    model.schema.indexes().map(([key, opts]) => ({ key: key as IndexKey, unique: Boolean((opts as { unique?: boolean }).unique) })),
  );
  return name;
}
const complaints = fromModel(Complaint);
const messages = fromModel(ComplaintMessage);
const inbox = fromModel(InboxEvent);
const journal = fromModel(InboxJournal);
const outbox = fromModel(OutboxMessage);
const members = fromModel(Member);
const reminders = fromModel(Reminder);
const claims = fromModel(Claim);
const sessions = fromModel(OfficerSession);
const officers = fromModel(Officer);
const logins = fromModel(LoginAttempt);
const pledges = fromModel(Pledge);
const counters = fromModel(PledgeCounter);
const flows = fromModel(FlowState);
const evidence = `${EVIDENCE_BUCKET}.files`;
declaredIndexes.set(evidence, EVIDENCE_FILE_INDEXES.map((key) => ({ key })));

const scope = { "routedTo.level": "district", "routedTo.districtCode": { $in: DISTRICTS } };
const newest: IndexKey = { submittedAt: -1, _id: -1 };
const open = [...OPEN_INBOX_STATES];
const inboxOrder: IndexKey = { timestamp: 1, receivedAt: 1, _id: 1 };

export const QUERY_SHAPES: readonly QueryShape[] = [
  // Webhook and inbox worker (webhook/).
  { name: "inbox: a chat's unfinished events, in order", collection: inbox, filter: { chatKey: { $in: ["c1", "c2"] }, state: { $in: open } }, sort: inboxOrder, residual: ["state"] },
  { name: "inbox: the poller's oldest unfinished events", collection: inbox, filter: { state: { $in: open } }, sort: inboxOrder },
  { name: "metrics: the backlog and its oldest open event", collection: inbox, filter: { state: { $in: open } }, sort: inboxOrder },
  { name: "inbox: a row by webhookEventId", collection: inbox, filter: { _id: "01JEVENT" } },
  { name: "inbox journal: the oldest requests not set aside", collection: journal, filter: { deadLetter: { $ne: true } }, sort: { _id: 1 }, residual: ["deadLetter"] },
  { name: "inbox journal: rows by id (count an attempt, set aside, delete)", collection: journal, filter: { _id: { $in: [oid] } } },
  { name: "metrics: the oldest journaled request", collection: journal, filter: {}, sort: { _id: 1 } },
  { name: "flow state of a chat", collection: flows, filter: { _id: "chat-key" } },
  { name: "member of a LINE user", collection: members, filter: { _id: "m-key" } },
  { name: "member by LINE id (older members)", collection: members, filter: { lineUserId: "U0123" } },
  { name: "claim or lease slot", collection: claims, filter: { _id: "lease:chat@123" } },
  { name: "claims: sweep of expired claims", collection: claims, filter: { expiresAt: { $lt: at } } },
  // Outbox (line/).
  { name: "outbox: a row by dedupe key", collection: outbox, filter: { dedupeKey: "reply:01JEVENT" } },
  { name: "outbox: due rows", collection: outbox, filter: { state: "pending", nextAttemptAt: { $lte: at } }, sort: { nextAttemptAt: 1 } },
  { name: "outbox: rows whose sender's lease ran out", collection: outbox, filter: { state: "sending", leaseUntil: { $lt: at } }, sort: { nextAttemptAt: 1 } },
  { name: "outbox: recipients who unfollowed", collection: members, filter: { lineUserId: { $in: ["U1", "U2"] }, followed: false } },
  // Pledges.
  { name: "pledge of a member and year", collection: pledges, filter: { _id: "2570:m:65a1" } },
  { name: "pledges of a member (data deletion)", collection: pledges, filter: { memberId: oid } },
  { name: "pledge counter (year or district)", collection: counters, filter: { _id: "2570" } },
  { name: "pledges of a year by status and district (rebuild)", collection: pledges, filter: { campaignYear: 2570, status: "active" } },
  // Complaints in chat (services/complaint-*.ts).
  { name: "complaint by tracking code", collection: complaints, filter: { trackingCode: "KK7F3Q9M2XA" } },
  { name: "complaint by draft (a second confirm)", collection: complaints, filter: { draftId: "d1" } },
  { name: "own complaint by draft", collection: complaints, filter: { draftId: "d1", reporterIndex: "idx" } },
  { name: "my reports, newest first", collection: complaints, filter: { reporterIndex: "idx" }, sort: { submittedAt: -1 } },
  { name: "a case's thread, oldest first", collection: messages, filter: { complaintId: oid }, sort: { at: 1, _id: 1 } },
  { name: "a case's latest thread message", collection: messages, filter: { complaintId: oid, kind: { $in: ["officer", "reporter"] } }, sort: { at: -1, _id: -1 }, residual: ["kind"] },
  { name: "evidence photo already stored for this message", collection: evidence, filter: { "metadata.draftId": "d1", "metadata.messageId": "m1" } },
  { name: "a reporter's unattached photos", collection: evidence, filter: { "metadata.reporterIndex": "idx", "metadata.complaintId": { $exists: false } } },
  // The officers' complaint list (services/complaint-query.service.ts) and export.
  { name: "list: every case, newest first", collection: complaints, filter: {}, sort: newest },
  { name: "list: by status, newest first", collection: complaints, filter: { status: { $in: ["received", "under_review"] } }, sort: newest },
  { name: "list: a district officer's cases, newest first", collection: complaints, filter: scope, sort: newest },
  { name: "list: a district officer's cases by status", collection: complaints, filter: { ...scope, status: { $in: ["received"] } }, sort: newest },
  { name: "list: counts per status ($group after this match)", collection: complaints, filter: { status: { $in: ["received", "under_review", "referred", "resolved", "dismissed"] } } },
  { name: "list: counts per status in an officer's districts", collection: complaints, filter: { ...scope, status: { $in: ["received", "under_review", "referred", "resolved", "dismissed"] } } },
  { name: "list: a tracking code typed in the filter", collection: complaints, filter: { trackingCode: "KK7F3Q9M2XA", status: { $in: ["received"] } } },
  { name: "progress: complaints of an officer's districts", collection: complaints, filter: scope },
  // Dashboard sessions and sign-in.
  { name: "session by cookie", collection: sessions, filter: { sidHash: "h" } },
  { name: "sessions: sweep of expired ones", collection: sessions, filter: { expiresAt: { $lte: at } } },
  { name: "officer by API token", collection: officers, filter: { "apiTokens.hash": "h" } },
  { name: "officer by username", collection: officers, filter: { username: "somchai", kind: "human" } },
  { name: "sign-in lockouts", collection: logins, filter: { key: { $in: ["u:somchai", "ip:1"] }, lockedUntil: { $gt: at } } },
  // Meeting reminders (services/reminder-*.ts, observability/reminder-lag.ts).
  { name: "reminders: due ones", collection: reminders, filter: { state: "pending", dueAt: { $lte: at } } },
  { name: "reminders: those whose holder's lease ran out", collection: reminders, filter: { state: { $in: ["sending", "planned"] }, leaseUntil: { $lt: at } } },
  { name: "reminders: those due within the plan-ahead window", collection: reminders, filter: { state: "pending", dueAt: { $gt: at, $lte: at } } },
  { name: "reminders: the ones this claim took", collection: reminders, filter: { claimToken: "t", state: "sending" }, sort: { reminderKey: 1 } },
  { name: "reminders: a plan given back", collection: reminders, filter: { claimToken: { $in: ["t"] }, dueAt: at, state: "planned" }, residual: ["dueAt"] },
  { name: "reminders: the oldest unsent due one", collection: reminders, filter: { state: { $in: ["pending", "planned", "sending"] }, dueAt: { $lte: at } }, sort: { dueAt: 1 } },
  { name: "audience: residents and leaders of villages", collection: members, filter: { followed: true, "village.tambonCode": { $in: ["400101"] } } },
  { name: "audience: leaders of districts", collection: members, filter: { followed: true, "village.districtCode": { $in: DISTRICTS }, role: { $in: ["headman", "kamnan"] } }, residual: ["role"] },
  // Housekeeping (hourly).
  { name: "housekeeping: finished inbox rows", collection: inbox, filter: { state: { $in: ["done", "skipped", "failed"] }, timestamp: { $lt: 1 } } },
  { name: "housekeeping: journal rows set aside, past the retention", collection: journal, filter: { _id: { $lt: oid }, deadLetter: true }, residual: ["deadLetter"] },
];
