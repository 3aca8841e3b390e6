import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { Complaint } from "../../src/models/complaint.model";
import { InboxEvent } from "../../src/models/inbox-event.model";
import { startHarness, type Harness } from "../helpers/harness";
import { codeIn, fileComplaint } from "./complaint-driver";
let h: Harness;
before(async () => { h = await startHarness("complaint-tmp"); });
after(async () => h.close());
test("20 concurrent", async () => {
  const t0 = Date.now();
  const timer = setInterval(async () => {
    const agg = await InboxEvent.aggregate([{ $group: { _id: "$state", n: { $sum: 1 } } }]);
    console.error(((Date.now() - t0) / 1000).toFixed(0), JSON.stringify(agg), await Complaint.countDocuments());
  }, 5000);
  const users = Array.from({ length: 20 }, (_, i) => makeUserId(`tmp-many-${i}`));
  const receipts = await Promise.all(users.map((u, i) => fileComplaint(h, u, { what: `เรื่องพร้อมกันที่ ${i} มีการเรียกรับเงิน`, anonymous: i % 2 === 0 })));
  clearInterval(timer);
  assert.equal(new Set(receipts.map(codeIn)).size, 20);
  console.error("total", (Date.now() - t0) / 1000);
});
