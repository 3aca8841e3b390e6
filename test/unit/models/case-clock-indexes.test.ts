import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Model } from "mongoose";
import { CaseClockRow } from "../../../src/models/case-clock.model";
import { Complaint } from "../../../src/models/complaint.model";
import { ComplaintMessage } from "../../../src/models/complaint-message.model";
import { Holiday } from "../../../src/models/holiday.model";

// The test database ignores secondary indexes, so each query the case clock runs is
// mapped here to a declared index whose leading fields are the query's filter and
// sort fields (in that order: equality fields first, then the sort or range field).
function served(model: Model<never>, fields: string[]): boolean {
  const declared = [["_id"], ...model.schema.indexes().map(([spec]) => Object.keys(spec))];
  return declared.some((keys) => fields.every((f, i) => keys[i] === f) || (fields.length === 1 && keys[0] === fields[0]));
}

const SHAPES: [string, Model<never>, string[]][] = [
  ["sync: open complaints", Complaint as never, ["status"]],
  ["sync: open clocks; escalation: open and past due", CaseClockRow as never, ["open", "dueAt"]],
  ["sync and stats: the threads of many cases", ComplaintMessage as never, ["complaintId"]],
  ["new-case alerts: not yet alerted, oldest first", CaseClockRow as never, ["alertedAt", "submittedAt"]],
  ["officer queue: scope, then time left", CaseClockRow as never, ["open", "level", "districtCode", "dueAt"]],
  ["stats: cases by submission time", Complaint as never, ["submittedAt"]],
  ["holiday list of a year", Holiday as never, ["year"]],
];

describe("indexes of the case clock's queries", () => {
  for (const [name, model, fields] of SHAPES) {
    test(name, () => assert.ok(served(model, fields), `${model.modelName} has no index starting with ${fields.join(", ")}`));
  }
});
