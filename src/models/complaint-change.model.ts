import { Schema, model, type Types } from "mongoose";

// The complaint change log (services/complaint-index/): an insert-only sequence
// that tells each process's in-memory complaint list which cases changed, read
// row by row by _id (the one lookup FerretDB answers from an index).
//
// - Rows have numeric _ids 1, 2, 3, … without gaps. A writer inserts at n only
//   after it saw n − 1 exist, so "row n exists" holds for every n up to the end.
// - The row {_id: "head"} names the log's epoch (a new one after the database
//   was reset) and a lower bound of the end (`n`), so a reader or writer that
//   starts fresh probes forward from there instead of from 1.
export interface ComplaintChangeRow {
  _id: number;
  /** The complaints written just before this row was inserted. */
  ids: Types.ObjectId[];
  at: Date;
}

export interface ComplaintChangeHead {
  _id: "head";
  epoch: string;
  /** Every row up to n exists (a lower bound of the end, raised now and then). */
  n: number;
}

const schema = new Schema({ _id: Schema.Types.Mixed }, { strict: false, versionKey: false, collection: "complaintchanges" });

export const ComplaintChange = model("ComplaintChange", schema);
