import { listDistricts } from "../src/content/areas/areas";
import { startEmbeddedDb, type EmbeddedDb } from "../src/dev/embedded-db";
import { makeUserId } from "../src/dev/line-emulator";
import { Announcement } from "../src/models/announcement.model";
import { Member } from "../src/models/member.model";
import { createAnnouncement, requestSend, type Actor } from "../src/services/announcement.service";
import { startHarness } from "../test/helpers/harness";

// Issue 22's benchmark: an announcement to a 200,000-recipient segment (every follower
// of 2 districts' villages), measured against LINE's bound in the same run: 200 multicast
// requests/s × 500 recipients (the emulator enforces the 200/s in a rolling window).
// Timed from the moment the send starts (sendNow: the lease, the quota check, the
// audience read from the database and every multicast) to the last request LINE
// accepted. Members outside the segment (other districts, muted, unfollowed) are seeded
// too, so the audience query has to pick. Duplicates and misses are counted at the emulator.
export interface AnnouncementBenchOptions {
  recipients?: number;
  log?: (line: string) => void;
}

const BOUND_RECIPIENTS_PER_S = 200 * 500;

export async function runAnnouncementBench(opts: AnnouncementBenchOptions = {}): Promise<Record<string, unknown>> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const n = opts.recipients ?? Number(process.env.BENCH_ANNOUNCEMENT_RECIPIENTS ?? 200_000);
  let db: EmbeddedDb | undefined;
  const hadUri = process.env.MONGODB_URI;
  if (!hadUri) {
    db = await startEmbeddedDb({ log });
    process.env.MONGODB_URI = db.uri;
  }
  const h = await startHarness("bench_announcement", { background: false, env: { LOG_LEVEL: "warn" } });
  try {
    const [d1, d2, d3] = ["4001", "4002", "4003"].map((c) => listDistricts().find((d) => d.code === c)!);
    const villagesOf = (d: typeof d1) => d!.tambons.flatMap((t) => Array.from({ length: 12 }, (_, i) => ({ districtCode: d!.code, tambonCode: t.code, villageNo: i + 1 })));
    const inside = [...villagesOf(d1), ...villagesOf(d2)];
    const outside = villagesOf(d3);
    const seeded = Date.now();
    const people: string[] = [];
    const extra = Math.round(n * 0.1);
    for (let i = 0; i < n + extra * 3; i += 5000) {
      const batch = [];
      for (let j = i; j < Math.min(n + extra * 3, i + 5000); j++) {
        const lineUserId = makeUserId(`bench-ann-${j}`);
        const kind = j < n ? "in" : j < n + extra ? "other-district" : j < n + 2 * extra ? "muted" : "unfollowed";
        const village = kind === "other-district" ? outside[j % outside.length]! : inside[j % inside.length]!;
        batch.push({ lineUserId, followed: kind !== "unfollowed", announcementsMuted: kind === "muted", role: j % 150 === 0 ? "headman" : "resident", meetingReminders: j % 3 === 0, village });
        if (kind === "in") people.push(lineUserId);
      }
      await Member.insertMany(batch, { ordered: false });
    }
    log(`seeded ${n + extra * 3} members (${n} in the segment) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const admin: Actor = { id: "64b0000000000000000000a1", role: "admin", districts: [] };
    const a = await createAnnouncement({ title: "วันต่อต้านคอร์รัปชันสากล", text: "ขอเชิญท่านร่วมประกาศเจตนารมณ์ ไม่รับ ไม่ให้ ในวันที่ 9 ธันวาคม", button: { kind: "action", label: "ประกาศเจตนารมณ์", action: "pledge.start" }, audience: { province: false, districts: ["4001", "4002"], tambons: [], villages: [], leaders: false, remindersOptIn: false } }, admin, new Date(), "https://sujarit.example");
    // Four eyes (2 districts, > 5,000 people) is set up outside the timing: approved directly.
    await requestSend(String(a._id), undefined, admin, new Date(), h.bot.deps.line);
    await Announcement.updateOne({ _id: a._id }, { $set: { state: "scheduled", approvedBy: "64b0000000000000000000a2", approvedRevision: a.revision, approvedAt: new Date() } });
    h.line.reset();
    const start = Date.now();
    const done = await h.bot.deps.announcements!.sendNow(String(a._id));
    const finished = Date.now();
    const multicasts = h.line.requests.filter((q) => q.endpoint === "multicast");
    const accepted = multicasts.filter((q) => q.status === 200);
    const lastAccepted = Math.max(...accepted.map((q) => q.at));
    const firstRequest = Math.min(...multicasts.map((q) => q.at));
    const counts = new Map<string, number>();
    for (const d of h.line.deliveries) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
    const boundMs = (n / BOUND_RECIPIENTS_PER_S) * 1000;
    const elapsedMs = lastAccepted - start;
    const out = {
      backend: process.env.BENCH_DATABASE ?? (hadUri ? "MONGODB_URI (as given)" : "embedded mongo-java-server (memory backend)"),
      segmentRecipients: n,
      membersSeeded: n + extra * 3,
      state: done?.state,
      plannedRecipients: done?.plannedRecipients,
      multicastRequests: multicasts.length,
      accepted: accepted.length,
      rateLimited429: multicasts.filter((q) => q.status === 429).length,
      startToFirstRequestMs: firstRequest - start,
      startToLastAcceptedMs: elapsedMs,
      sendCallMs: finished - start,
      lineBoundMs: Math.round(boundMs),
      ratioToLineBound: Math.round((boundMs / elapsedMs) * 1000) / 1000,
      achievedRecipientsPerS: Math.round(n / (elapsedMs / 1000)),
      duplicates: [...counts.values()].filter((c) => c > 1).length,
      misses: people.filter((u) => !counts.has(u)).length,
      outsiders: [...counts.keys()].length - people.filter((u) => counts.has(u)).length,
    };
    log(JSON.stringify(out, null, 2));
    return out;
  } finally {
    await h.close();
    if (db) {
      delete process.env.MONGODB_URI;
      await db.stop();
    }
  }
}

if (require.main === module) {
  runAnnouncementBench().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
}
