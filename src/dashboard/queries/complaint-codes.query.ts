import mongoose, { Types } from "mongoose";

// Tracking codes for audit rows. Reads the complaints collection by id only
// (no complaint text), so the audit page does not depend on the complaint service.
export async function complaintCodesByIds(ids: string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
  const out = new Map<string, string>();
  const db = mongoose.connection.db;
  if (valid.length === 0 || !db) return out;
  const docs = await db.collection("complaints").find({ _id: { $in: valid } }, { projection: { trackingCode: 1 } }).toArray();
  for (const d of docs) if (typeof d.trackingCode === "string") out.set(String(d._id), d.trackingCode);
  return out;
}
