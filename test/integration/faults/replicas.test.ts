import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import mongoose from "mongoose";
import { botEnv, startBotProcess, type BotProcess } from "../../../bench/lib/bot-process";
import { explainerFlex } from "../../../flex-messages";
import { EXPLAINERS } from "../../../src/content/explainers";
import { connectDb, disconnectDb } from "../../../src/db";
import { makeUserId, startLineEmulator, type LineEmulator, type WebhookEventInput } from "../../../src/dev/line-emulator";
import { InboxEvent } from "../../../src/models/inbox-event.model";
import { Member } from "../../../src/models/member.model";
import { Reminder } from "../../../src/models/reminder.model";
import { createMeeting } from "../../../src/services/meeting.service";
import { postbackData } from "../../../src/webhook/postback";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../../helpers/test-config";
import { startRoundRobinProxy, waitUntil, type RoundRobinProxy } from "./fault-helpers";

// Two bot processes behind a round-robin load balancer, one database. Each event
// is handled once, each user's answers come in the order the user wrote, and both
// schedulers ticking every second send a meeting reminder once per resident.
const uri = process.env.MONGODB_URI!;
const dbName = `t_replicas_${randomBytes(3).toString("hex")}`;
const TZ = "Asia/Bangkok";
let line: LineEmulator;
let replicas: BotProcess[] = [];
let proxy: RoundRobinProxy;

before(async () => {
  line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN });
  const env = botEnv({
    mongoUri: uri,
    dbName,
    lineUrl: line.url,
    channelSecret: TEST_CHANNEL_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    extra: { SCHEDULER_ENABLED: "true", SCHEDULER_CRON: "* * * * * *", REMINDER_OFFSETS: "2h", APP_TIMEZONE: TZ },
  });
  replicas = await Promise.all([startBotProcess({ env }), startBotProcess({ env })]);
  proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
  line.setWebhookUrl(`${proxy.url}/webhook`);
  await connectDb(uri, dbName);
});

after(async () => {
  await Promise.all(replicas.map((r) => r.kill("SIGTERM")));
  await proxy.close();
  await line.close();
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectDb();
});

const altOf = (m: unknown) => (m as { altText?: string }).altText;

/** Sends until a 2xx, as LINE redelivers a non-2xx (a loaded test machine can make the bot say 503). */
async function sendUntilStored(ev: WebhookEventInput): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const body = attempt === 0 ? ev : { ...ev, deliveryContext: { isRedelivery: true } };
    const res = await line.sendWebhook([body as WebhookEventInput]);
    if (res.status >= 200 && res.status < 300) return;
    await delay(200);
  }
  assert.fail("the webhook was never accepted");
}

test("each event handled once, in each user's order, across two replicas", { timeout: 60_000 }, async () => {
  const topics = EXPLAINERS.slice(0, 6);
  const users = Array.from({ length: 12 }, (_, i) => makeUserId(`replica-${i}`));
  const expected = new Map<string, string[]>();
  await Promise.all(
    users.map(async (user, u) => {
      // A different order of topics per user, sent one after another like a person tapping.
      const order = topics.map((_, i) => topics[(i + u) % topics.length]!);
      expected.set(user, order.map((t) => explainerFlex(t).altText));
      for (const t of order) {
        await sendUntilStored(line.events.postback(user, postbackData("topic.show", { t: t.id })));
        await delay(3); // LINE orders a chat's events by timestamp (ms)
      }
    }),
  );
  assert.ok(proxy.forwarded.every((n) => n > 10), `both replicas took webhooks (${proxy.forwarded.join(", ")})`);
  const total = users.length * topics.length;
  await waitUntil(() => line.deliveries.length >= total, 30_000, "all answers");
  await delay(1000);
  assert.equal(line.deliveries.length, total, "one answer per event");
  for (const user of users) {
    const got = line.deliveries.filter((d) => d.to === user).map((d) => altOf(d.messages[0]));
    assert.deepEqual(got, expected.get(user), `answers to ${user.slice(0, 8)} in the order asked`);
  }
  assert.equal(await InboxEvent.countDocuments({ state: "done" }), total);
});

test("a due meeting reminder goes out once per resident while both schedulers tick", { timeout: 60_000 }, async () => {
  const village = { districtCode: "4001", tambonCode: "400101", villageNo: 9 };
  const residents = Array.from({ length: 40 }, (_, i) => makeUserId(`replica-resident-${i}`));
  await Member.insertMany(residents.map((lineUserId) => ({ lineUserId, followed: true, role: "resident", meetingReminders: true, village })));
  // A one-off meeting 1 h 50 min from now: its 2-hour reminder is already due.
  const start = new Date(Date.now() + 110 * 60_000);
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, dateStyle: "short", timeStyle: "short" }).format(start).split(" ");
  const before = line.deliveries.length;
  await createMeeting(
    { scope: "village", village, place: "ศาลาประชาคมหมู่บ้าน", recurrence: { kind: "once", date: local[0]!, time: local[1]! } },
    { timezone: TZ, reminderOffsets: "2h" },
    new Date(Date.now() - 20 * 60_000), // made 20 minutes ago, when the reminder was still ahead
  );
  const reminded = () => new Set(line.deliveries.slice(before).filter((d) => d.via === "multicast").map((d) => d.to));
  await waitUntil(() => residents.every((r) => reminded().has(r)), 30_000, "every resident to be reminded").catch(async (err: Error) => {
    const rs = await Reminder.find({}, { state: 1, dueAt: 1, occurrenceStart: 1, reason: 1, attempts: 1 }).lean();
    throw new Error(`${err.message}: reminded ${reminded().size}; reminders ${JSON.stringify(rs)}\n${replicas.map((r) => r.tail()).join("\n")}`);
  });
  await delay(3000); // three more ticks of each scheduler
  const perResident = residents.map((r) => line.deliveries.filter((d) => d.via === "multicast" && d.to === r).length);
  assert.deepEqual([...new Set(perResident)], [1], "each resident reminded exactly once");
  assert.equal(await Reminder.countDocuments({ state: "sent" }), 1);
});
