import { Types } from "mongoose";
import { Complaint } from "../../models/complaint.model";

// Tracking codes for audit rows, read by id with a projection (no complaint text).
// Thin query: the complaint service loads whole cases, with a scope and an audit entry.
export async function complaintCodesByIds(ids: string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
  if (valid.length === 0) return new Map();
  const docs = await Complaint.find({ _id: { $in: valid } }, { trackingCode: 1 }).lean();
  return new Map(docs.map((d) => [String(d._id), d.trackingCode]));
}
