import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Meeting } from "../../../src/models/meeting.model";
import { createOfficer, issueApiToken } from "../../../src/services/officer.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "../dashboard-client";

// Issue 18: what a probe of the dashboard and API found, one regression test each.
let h: Harness;
let base: string;
before(async () => {
  h = await startHarness("sec-dash");
  base = baseUrlOf(h.webhookUrl);
  await makeOfficer("khon4001", "officer", ["4001"]);
});
after(async () => h.close());

async function loggedIn(username: string, password = TEST_PASSWORD): Promise<DashboardClient> {
  const c = new DashboardClient(base);
  await c.get("/officer/login");
  const page = await c.post("/officer/login", { username, password });
  assert.equal(page.status, 200, `login of ${username}`);
  return c;
}

describe("item 2: meeting import checks the district each row writes", () => {
  const HEADER = "scope,tambon,village,district,title,place,agenda,schedule,duration";
  const foreign = `${HEADER}\ndistrict,400101,1,4002,,ที่ว่าการอำเภออื่น,,monthly:5@09:00,120\n`;

  test("API: an officer of 4001 cannot import a district meeting for 4002 behind a 4001 tambon", async () => {
    const svc = await createOfficer({ username: "svc4001", role: "officer", districts: ["4001"], kind: "service" });
    const { token } = await issueApiToken(String(svc._id), "t", new Date());
    const res = await fetch(`${base}/api/imports/meetings`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body: foreign });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /4002/);
    assert.equal(await Meeting.countDocuments({ districtCode: "4002" }), 0);
  });

  test("dashboard: the same file is refused, and so is a village row whose tambon and district disagree", async () => {
    const c = await loggedIn("khon4001");
    await c.get("/officer/imports");
    const res = await c.postMultipart("/officer/imports/meetings", { csv: foreign });
    assert.equal(res.status, 400);
    assert.equal(await Meeting.countDocuments({ districtCode: "4002" }), 0);
    await c.get("/officer/imports");
    const mismatch = await c.postMultipart("/officer/imports/meetings", { csv: `${HEADER}\nvillage,400101,1,4002,,ศาลา,,monthly:5@09:00,120\n` });
    assert.equal(mismatch.status, 400);
    assert.equal(await Meeting.countDocuments({}), 0);
  });
});
