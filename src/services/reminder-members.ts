import { Member } from "../models/member.model";
import { readAll } from "../models/read-all";
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

export interface MemberLite {
  lineUserId: string;
  role: string;
  meetingReminders: boolean;
  village?: { districtCode: string; tambonCode: string; villageNo: number } | null;
}

const LEADER_ROLES = ["headman", "kamnan"];
/**
 * Tambons per query, and queries read at once. Each part is a range of the
 * {followed, village.tambonCode, village.villageNo} index. At the due tick rows go out
 * as parts arrive (reminder-batches.ts streamedBatches), so the first part should come
 * soon and the rest keep ahead of LINE's pace. Province fan-out, audiences read at the
 * due tick, ms to the last accepted multicast: 50 tambons all at once 3,479–3,751;
 * 25 two at a time 3,457; 25 one at a time 3,260; 15 one at a time 3,336 (one run each,
 * load average 1.5–2.5 on 2 cores; at 4 the chosen one took 4,834).
 */
const TAMBONS_PER_QUERY = 25;
const READS_AT_ONCE = 1;
const BATCH_SIZE = 5000;
const PROJECTION = { _id: 0, lineUserId: 1, role: 1, meetingReminders: 1, village: 1 } as const;

/** One query's rows: members of some tambons (`tambons`), or leaders of districts (`tambons` null). */
export interface MemberPart {
  tambons: Set<string> | null;
  rows: Promise<MemberLite[]>;
}

/**
 * Starts the reads: the opted-in residents and the leaders of the village meetings'
 * tambons, by parts of tambons (a part holds every recipient of its tambons'
 * reminders), and the leaders of the district-wide meetings' districts.
 */
export function readMemberParts(reminders: ReminderDoc[]): MemberPart[] {
  const tambons = new Set<string>();
  const districts = new Set<string>();
  for (const r of reminders) {
    if (r.scope === "village") tambons.add(r.tambonCode!);
    else if (r.scope === "district") districts.add(r.districtCode);
  }
  const parts: MemberPart[] = [];
  const list = [...tambons].sort();
  for (let i = 0; i < list.length; i += TAMBONS_PER_QUERY) {
    const part = list.slice(i, i + TAMBONS_PER_QUERY);
    const filter = { followed: true, "village.tambonCode": { $in: part }, $or: [{ meetingReminders: true }, { role: { $in: LEADER_ROLES } }] };
    const before = parts[parts.length - READS_AT_ONCE]?.rows.catch(() => undefined) ?? Promise.resolve();
    parts.push({ tambons: new Set(part), rows: before.then(() => readAll<MemberLite>(Member.collection, filter, { projection: PROJECTION, batchSize: BATCH_SIZE })) });
  }
  if (districts.size > 0) {
    const filter = { followed: true, "village.districtCode": { $in: [...districts] }, role: { $in: LEADER_ROLES } };
    parts.push({ tambons: null, rows: readAll<MemberLite>(Member.collection, filter, { projection: PROJECTION, batchSize: BATCH_SIZE }) });
  }
  return parts;
}

/** A part's rows by village (tambon parts) or its leaders by district (the districts' part). */
export function indexMembers(parts: { tambons: Set<string> | null; rows: MemberLite[] }[], index: MemberIndex = { byTambon: new Map(), leadersByDistrict: new Map() }): MemberIndex {
  for (const { tambons, rows } of parts) {
    for (const m of rows) {
      if (!m.village) continue;
      const leader = m.role === "headman" || m.role === "kamnan";
      if (!tambons) {
        if (!leader) continue;
        const d = index.leadersByDistrict.get(m.village.districtCode);
        if (d) d.push(m.lineUserId);
        else index.leadersByDistrict.set(m.village.districtCode, [m.lineUserId]);
        continue;
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

/** Followed members of the reminders' villages and districts, by village and by district. */
export async function loadMemberIndex(reminders: ReminderDoc[]): Promise<MemberIndex> {
  const parts = readMemberParts(reminders);
  const rows = await Promise.all(parts.map((p) => p.rows));
  return indexMembers(parts.map((p, i) => ({ tambons: p.tambons, rows: rows[i]! })));
}
