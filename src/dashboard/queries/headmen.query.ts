import { HeadmanCode } from "../../models/headman-code.model";
import { Member } from "../../models/member.model";
import type { VillageDoc } from "../../models/village.model";
import { listVillages } from "../../services/village.service";

// The headmen page of one district: its villages, who registered as headman or
// kamnan, and the codes issued (only their state: the codes themselves are hashed).
// Thin queries: headman.service has no listing of leaders or codes.
export interface VillageLeaderRow {
  village: VillageDoc;
  headman?: string;
}

export interface CodeRow {
  role: string;
  tambonCode: string;
  villageNo: number;
  issuedAt: Date;
  expiresAt: Date;
  usedAt?: Date;
}

export async function districtLeaders(districtCode: string): Promise<{ villages: VillageLeaderRow[]; kamnans: Map<string, string>; codes: CodeRow[] }> {
  const [villages, leaders, codes] = await Promise.all([
    listVillages({ districtCode }),
    Member.find({ role: { $in: ["headman", "kamnan"] }, "village.districtCode": String(districtCode) }, { role: 1, village: 1, displayName: 1 }).lean(),
    HeadmanCode.find({ districtCode: String(districtCode) }).sort({ issuedAt: -1 }).limit(100).lean(),
  ]);
  const headmen = new Map<string, string>();
  const kamnans = new Map<string, string>();
  for (const l of leaders) {
    if (!l.village) continue;
    const name = l.displayName || "(ไม่ทราบชื่อ)";
    if (l.role === "kamnan") kamnans.set(l.village.tambonCode, name);
    else headmen.set(`${l.village.tambonCode}-${l.village.villageNo}`, name);
  }
  return {
    villages: villages.map((v) => ({ village: v, headman: headmen.get(`${v.tambonCode}-${v.villageNo}`) })),
    kamnans,
    codes: codes.map((c) => ({ role: c.role, tambonCode: c.tambonCode, villageNo: c.villageNo, issuedAt: c.issuedAt, expiresAt: c.expiresAt, usedAt: c.usedAt ?? undefined })),
  };
}
