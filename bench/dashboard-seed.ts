import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { listDistricts, listTambons } from "../src/content/areas/areas";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, Complaint } from "../src/models/complaint.model";
import { MeetingReport } from "../src/models/meeting-report.model";
import { PledgeCounter, districtCounterId, districtKey, tambonKey, villageKey, yearCounterId } from "../src/models/pledge-counter.model";
import { Pledge } from "../src/models/pledge.model";
import { Village } from "../src/models/village.model";
import { sealedAt } from "../src/security/seal-places";
import type { Sealer } from "../src/security/sealer";
import { generateTrackingCode } from "../src/services/tracking-code";
import { seededRandom } from "../src/util/seeded-random";
import { monthKeyBE } from "../src/util/thai-date";

// Bulk data for the dashboard benchmark, written with insertMany in batches (no
// service calls: loading 600,000 documents one by one would measure the loader).
// A seeded PRNG (src/util/seeded-random.ts) makes runs comparable.

const AREAS = listDistricts().flatMap((d) => listTambons(d.code).map((t) => ({ districtCode: d.code, tambonCode: t.code })));
const WHAT = "เจ้าหน้าที่เรียกรับเงินค่าอำนวยความสะดวกในการออกใบอนุญาต โดยไม่มีใบเสร็จรับเงิน และบอกว่าถ้าไม่จ่ายเรื่องจะล่าช้า";
const DAY_MS = 86_400_000;

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function dayKey(d: Date): string {
  const b = new Date(d.getTime() + 7 * 3_600_000); // Asia/Bangkok, no DST
  return b.toISOString().slice(0, 10);
}

export async function seedComplaints(n: number, sealer: Sealer, now: Date, log: (s: string) => void): Promise<void> {
  const rnd = seededRandom(7);
  const contact = JSON.stringify({ name: "ผู้แจ้ง ทดสอบ", phone: "0812345678" });
  const reporter = "U" + "0".repeat(32);
  const batch = 5000;
  for (let done = 0; done < n; done += batch) {
    const docs = [];
    for (let i = done; i < Math.min(n, done + batch); i++) {
      const area = pick(rnd, AREAS);
      const at = new Date(now.getTime() - Math.floor(rnd() * 365 * DAY_MS));
      const status = pick(rnd, COMPLAINT_STATUSES);
      const anonymous = rnd() < 0.6;
      const province = rnd() < 0.05;
      const _id = new Types.ObjectId();
      docs.push({
        _id,
        draftId: `bench-${i}-${randomBytes(4).toString("hex")}`,
        trackingCode: generateTrackingCode(),
        category: pick(rnd, COMPLAINT_CATEGORIES),
        what: `${WHAT} (${i})`,
        who: "เจ้าหน้าที่ผู้รับผิดชอบ",
        where: { districtCode: area.districtCode, tambonCode: area.tambonCode, villageNo: 1 + Math.floor(rnd() * 15) },
        when: { text: "สัปดาห์ที่แล้ว", unsure: false },
        evidence: [],
        anonymous,
        reporterSealed: sealer.seal(reporter, sealedAt.complaintReporter(String(_id))),
        reporterIndex: `bench-${i % 20000}`,
        contactSealed: anonymous ? undefined : sealer.seal(contact, sealedAt.complaintContact(String(_id))),
        routedTo: province ? { level: "province", reason: "bench" } : { level: "district", districtCode: area.districtCode },
        status,
        statusHistory: [{ _id: new Types.ObjectId(), status: "received", at, note: "ได้รับเรื่องแล้ว", actor: { kind: "system" } }],
        dayKey: dayKey(at),
        submittedAt: at,
        awaitingReporter: false,
      });
    }
    await Complaint.insertMany(docs, { ordered: false, lean: true });
    if ((done / batch) % 5 === 4) log(`  complaints: ${Math.min(n, done + batch).toLocaleString("en-US")}`);
  }
}

/**
 * Pledges, and the running counters they would have produced (pledge-tally.service
 * keeps them as pledges arrive). The counters are written from the generator's own
 * counts, which is quicker than rebuildPledgeTallies() grouping 500,000 pledges.
 */
export async function seedPledges(n: number, campaignYear: number, now: Date, log: (s: string) => void): Promise<void> {
  const rnd = seededRandom(11);
  const districts: Record<string, number> = {};
  const perDistrict = new Map<string, { tambons: Record<string, number>; villages: Record<string, number> }>();
  let total = 0;
  const batch = 10_000;
  for (let done = 0; done < n; done += batch) {
    const docs = [];
    for (let i = done; i < Math.min(n, done + batch); i++) {
      const area = pick(rnd, AREAS);
      const at = new Date(now.getTime() - Math.floor(rnd() * 200 * DAY_MS));
      const villageNo = 1 + Math.floor(rnd() * 15);
      const active = rnd() < 0.97;
      if (active) {
        total += 1;
        districts[districtKey(area.districtCode)] = (districts[districtKey(area.districtCode)] ?? 0) + 1;
        const d = perDistrict.get(area.districtCode) ?? { tambons: {}, villages: {} };
        d.tambons[tambonKey(area.tambonCode)] = (d.tambons[tambonKey(area.tambonCode)] ?? 0) + 1;
        d.villages[villageKey(area.tambonCode, villageNo)] = (d.villages[villageKey(area.tambonCode, villageNo)] ?? 0) + 1;
        perDistrict.set(area.districtCode, d);
      }
      docs.push({
        _id: `${campaignYear}:m:${new Types.ObjectId().toHexString()}`,
        campaignYear,
        memberId: new Types.ObjectId(),
        number: i + 1,
        ...area,
        villageNo,
        status: active ? "active" : "withdrawn",
        source: "line",
        pledgedAt: at,
        monthKey: monthKeyBE(at),
      });
    }
    await Pledge.insertMany(docs, { ordered: false, lean: true });
    if ((done / batch) % 10 === 9) log(`  pledges: ${Math.min(n, done + batch).toLocaleString("en-US")}`);
  }
  await PledgeCounter.updateOne({ _id: yearCounterId(campaignYear) }, { $set: { campaignYear, seq: n, total, districts } }, { upsert: true });
  for (const [code, d] of perDistrict) {
    await PledgeCounter.updateOne({ _id: districtCounterId(campaignYear, code) }, { $set: { campaignYear, districtCode: code, tambons: d.tambons, villages: d.villages } }, { upsert: true });
  }
}

/** Villages (15 per tambon) and this month's meeting reports for about half of them. */
export async function seedVillagesAndReports(now: Date): Promise<void> {
  const rnd = seededRandom(13);
  const villages = [];
  const reports = [];
  const monthKey = monthKeyBE(now);
  for (const a of AREAS) {
    for (let v = 1; v <= 15; v++) {
      villages.push({ ...a, villageNo: v, villageKey: `${a.tambonCode}-${v}` });
      if (rnd() < 0.5) {
        const id = new Types.ObjectId();
        reports.push({
          reportKey: `${id}|bench|${a.tambonCode}-${v}`, meetingId: id, occurrenceStart: now, ...a, villageNo: v,
          attendedCount: 20 + Math.floor(rnd() * 80), pledgedCount: 10 + Math.floor(rnd() * 60), reportedBy: "bench", reporterRole: "headman", reportedAt: now, monthKey,
        });
      }
    }
  }
  await Village.insertMany(villages, { ordered: false, lean: true });
  await MeetingReport.insertMany(reports, { ordered: false, lean: true });
}
