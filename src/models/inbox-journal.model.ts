import { Schema, model, type Types } from "mongoose";

// The inbox's journal: in a flood, each webhook request is stored as one row
// holding its events' inbox rows, already prepared and sealed (webhook/inbox.ts),
// instead of one inbox row per event. One document and one index entry per
// request, against one document and three index entries per event, is what lets
// intake keep up with 10-event bodies (BENCHMARKS.md, "Webhook ingest"). The
// journal expander (webhook/inbox-journal.ts) then copies each row's events into
// the inbox in arrival order (_id: an ObjectId, so the _id index is that order)
// and deletes the row. The events are safe from the moment the row is stored.
export const MAX_JOURNAL_REFUSALS = 5;

const inboxJournalSchema = new Schema(
  {
    receivedAt: { type: Date, required: true },
    /** The request's inbox rows, exactly as they go into `inboxevents`. */
    rows: { type: [Schema.Types.Mixed], required: true },
    /** Times the database refused one of its events; at MAX_JOURNAL_REFUSALS the row is set aside (deadLetter) and logged. */
    refusals: { type: Number, default: 0 },
    deadLetter: { type: Boolean },
  },
  { versionKey: false },
);
// No secondary index: the expander reads in _id order, and a dead-lettered row is
// skipped as a residual filter (there should never be more than a handful).

export interface InboxJournalDoc {
  _id: Types.ObjectId;
  receivedAt: Date;
  rows: (Record<string, unknown> & { _id: string; chatKey: string })[];
  refusals: number;
  deadLetter?: boolean;
}
export const InboxJournal = model("InboxJournal", inboxJournalSchema);
