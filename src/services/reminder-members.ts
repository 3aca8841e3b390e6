import { Member } from "../models/member.model";
import type { ReminderDoc } from "../models/reminder.model";

// The members the due reminders go to, read once per dispatch and indexed by village,
// so that each reminder finds its audience without looking at anyone else's.
// On the province fan-out (2,400 villages, 202,400 members) this read is most of the
// time before the first multicast; how it is read is measured below.
export interface VillageMembers {
  headmen: string[];
  /** Role "resident" with meeting reminders on. */
  residents: string[];
}

export interface TambonMembers {
  kamnans: string[];
  villages: Map<number, VillageMembers>;
}

export interface MemberIndex {
  byTambon: Map<string, TambonMembers>;
  /** Headmen and kamnans per district (district-wide meetings). */
  leadersByDistrict: Map<string, string[]>;
}

interface MemberLite {
  lineUserId: string;
  role: string;
  meetingReminders: boolean;
  village?: { districtCode: string; tambonCode: string; villageNo: number } | null;
}

const LEADER_ROLES = ["headman", "kamnan"];
const PROJECTION = { _id: 0, lineUserId: 1, role: 1, meetingReminders: 1, village: 1 };
/**
 * Tambons per query. Parts are read concurrently: each is a range of the
 * {followed, village.tambonCode, village.villageNo} index, and while the bot decodes
 * one part's batch the database prepares another's.
 */
const TAMBONS_PER_QUERY = 50;
const BATCH_SIZE = 5000;

/** Every row of a query, without a promise per document (next() once per batch, then the buffered rest). */
async function readAll(filter: Record<string, unknown>): Promise<MemberLite[]> {
  const cursor = Member.collection.find(filter, { projection: PROJECTION, batchSize: BATCH_SIZE });
  const rows: MemberLite[] = [];
  try {
    for (let doc = await cursor.next(); doc; doc = await cursor.next()) {
      rows.push(doc as unknown as MemberLite);
      for (const d of cursor.readBufferedDocuments()) rows.push(d as unknown as MemberLite);
    }
  } finally {
    await cursor.close();
  }
  return rows;
}

function queriesFor(reminders: ReminderDoc[]): Record<string, unknown>[] {
  const tambons = new Set<string>();
  const districts = new Set<string>();
  for (const r of reminders) {
    if (r.scope === "village") tambons.add(r.tambonCode!);
    else if (r.scope === "district") districts.add(r.districtCode);
  }
  const out: Record<string, unknown>[] = [];
  const list = [...tambons].sort();
  for (let i = 0; i < list.length; i += TAMBONS_PER_QUERY) {
    const part = list.slice(i, i + TAMBONS_PER_QUERY);
    out.push({ followed: true, "village.tambonCode": { $in: part }, $or: [{ meetingReminders: true }, { role: { $in: LEADER_ROLES } }] });
  }
  if (districts.size > 0) out.push({ followed: true, "village.districtCode": { $in: [...districts] }, role: { $in: LEADER_ROLES } });
  return out;
}

/** Followed members of the reminders' villages and districts, by village and by district. */
export async function loadMemberIndex(reminders: ReminderDoc[]): Promise<MemberIndex> {
  const parts = await Promise.all(queriesFor(reminders).map(readAll));
  const index: MemberIndex = { byTambon: new Map(), leadersByDistrict: new Map() };
  const seen = new Set<string>(); // a leader can be in a tambon's part and the districts' part
  for (const rows of parts) {
    for (const m of rows) {
      if (!m.village || seen.has(m.lineUserId)) continue;
      seen.add(m.lineUserId);
      const leader = m.role === "headman" || m.role === "kamnan";
      if (leader) {
        const d = index.leadersByDistrict.get(m.village.districtCode);
        if (d) d.push(m.lineUserId);
        else index.leadersByDistrict.set(m.village.districtCode, [m.lineUserId]);
      }
      let t = index.byTambon.get(m.village.tambonCode);
      if (!t) index.byTambon.set(m.village.tambonCode, (t = { kamnans: [], villages: new Map() }));
      if (m.role === "kamnan") {
        t.kamnans.push(m.lineUserId);
        continue;
      }
      let v = t.villages.get(m.village.villageNo);
      if (!v) t.villages.set(m.village.villageNo, (v = { headmen: [], residents: [] }));
      if (m.role === "headman") v.headmen.push(m.lineUserId);
      else if (m.meetingReminders) v.residents.push(m.lineUserId);
    }
  }
  return index;
}
