import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { listDistricts } from "../../src/content/areas/areas";
import { Reminder } from "../../src/models/reminder.model";
import { startHarness, type Harness } from "../helpers/harness";
import { bkk, createTestMeeting, dispatch, multicastCounts, seedMembers, settableClock, villageMeeting, type VillageSeed } from "./reminder-fixtures";

// At the due tick the audience is read in parts of tambons (reminder-members.ts) and
// rows go out while later parts are still read. Villages of 40 tambons (two parts
// and more) meet at the same time and place, so their residents share one batch
// whose rows span parts: every row but the last must still be full, and everyone
// gets the reminder once.
const clock = settableClock(bkk("2026-12-01T10:00:00"));
let h: Harness;
before(async () => {
  h = await startHarness("reminder-parts", { now: clock.now, background: false });
});
after(async () => h.close());

describe("an audience read in parts", () => {
  test("rows of a batch shared by villages of many tambons are full across parts, and nobody is missed or sent twice", async () => {
    const tambons = listDistricts().flatMap((d) => d.tambons).slice(0, 40);
    const villages: VillageSeed[] = tambons.map((t) => ({ districtCode: t.districtCode, tambonCode: t.code, villageNo: 2 }));
    const people: string[] = [];
    for (const [i, v] of villages.entries()) {
      people.push(...(await seedMembers(`part-res-${i}`, 23, v)));
      people.push(...(await seedMembers(`part-head-${i}`, 1, v, { role: "headman", meetingReminders: false })));
      if (i % 3 === 0) people.push(...(await seedMembers(`part-kamnan-${i}`, 1, { ...v, villageNo: 1 }, { role: "kamnan", meetingReminders: false })));
    }
    for (const v of villages) await createTestMeeting(h, villageMeeting(v, "once:2026-12-09@09:30"), clock.now());
    assert.equal(await Reminder.countDocuments({ state: "pending" }), 120);

    h.line.reset();
    const r = await dispatch(h.bot, "parts", bkk("2026-12-06T08:00:00")); // the 3-day reminders
    assert.deepEqual([r.claimed, r.sent, r.failed, r.unfinished], [40, 40, 0, 0]);

    const counts = multicastCounts(h);
    assert.deepEqual([...counts.keys()].sort(), [...people].sort());
    assert.ok([...counts.values()].every((n) => n === 1), "nobody gets it twice");
    // 920 residents: rows of 500 and 420; the 54 leaders: one row.
    const sizes = h.line.requests.filter((q) => q.endpoint === "multicast" && q.status === 200).map((q) => (q.body as { to: string[] }).to.length);
    assert.deepEqual(sizes.sort((a, b) => b - a), [500, 420, 54]);
  });
});
