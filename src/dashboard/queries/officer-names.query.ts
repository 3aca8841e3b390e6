import { Types } from "mongoose";
import { Officer } from "../../models/officer.model";

// Display names of officers named in a complaint's timeline and thread.
export async function officerNames(ids: (string | undefined)[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter((x): x is string => !!x && Types.ObjectId.isValid(x)))];
  if (valid.length === 0) return new Map();
  const rows = await Officer.find({ _id: { $in: valid } }, { username: 1, displayName: 1 }).lean();
  return new Map(rows.map((o) => [String(o._id), o.displayName || o.username]));
}
