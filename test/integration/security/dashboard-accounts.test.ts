import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AuditLog } from "../../../src/models/audit-log.model";
import { Officer } from "../../../src/models/officer.model";
import { OfficerSession } from "../../../src/models/officer-session.model";
import { createOfficer, issueApiToken } from "../../../src/services/officer.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { base32Decode, totp } from "../../../src/dashboard/auth/totp";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, loggedInClient, makeOfficer } from "../dashboard-client";

// Issue 18: identity export, API tokens and TOTP (items 7, 8, 13, 17); the rest of the
// dashboard findings are in dashboard-abuse.test.ts.
let h: Harness;
let base: string;
before(async () => {
  h = await startHarness("sec-accounts");
  base = baseUrlOf(h.webhookUrl);
  await makeOfficer("khon4001", "officer", ["4001"]);
  await makeOfficer("secadmin", "admin");
});
after(async () => h.close());

const loggedIn = (username: string, password?: string): Promise<DashboardClient> => loggedInClient(base, username, password);

describe("item 8: identity export is a POST with the form token", () => {
  test("a cross-site GET or a POST without the token exports no identity and writes no audit entry; the form's POST does", async () => {
    const c = await loggedIn("khon4001");
    const audits = () => AuditLog.countDocuments({ action: "complaint.exported" });
    const before = await audits();
    const get = await c.get("/officer/complaints/export.csv?identity=1");
    assert.equal(get.status, 405);
    const forged = await c.post("/officer/complaints/export.csv", { identity: "1" }, { csrf: null });
    assert.equal(forged.status, 403);
    assert.equal(await audits(), before, "no audit entry from a forged request");
    const list = await c.get("/officer/complaints");
    assert.match(list.text, /<form method="post" action="\/officer\/complaints\/export.csv">/);
    const real = await c.post("/officer/complaints/export.csv", { identity: "1" });
    assert.equal(real.status, 200);
    assert.match(real.headers.get("content-type") ?? "", /csv/);
    assert.equal(await audits(), before + 1);
  });
});

describe("item 13: API tokens belong to service accounts, expire, and have a scope", () => {
  const api = (token: string, method = "GET", path = "/api/me", body?: unknown) =>
    fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

  test("a person's account gets no token", async () => {
    const id = await makeOfficer("human-tok", "officer", ["4001"]);
    await assert.rejects(issueApiToken(id, "x", new Date()), /service accounts/);
    const c = await loggedIn("secadmin");
    await c.get("/officer/accounts");
    const page = await c.post(`/officer/accounts/${id}/tokens`, { label: "x" });
    assert.equal(page.status, 400);
    assert.equal((await Officer.findById(id).lean())!.apiTokens.length, 0);
  });

  test("a read-only token reads but cannot change; a case-work token can; an expired one is refused", async () => {
    const svc = await createOfficer({ username: "svc-scope", role: "officer", districts: ["4001"], kind: "service" });
    const at = new Date();
    const read = (await issueApiToken(String(svc._id), "r", at)).token;
    const kase = (await issueApiToken(String(svc._id), "c", at, { scope: "case" })).token;
    const meeting = { scope: "district", districtCode: "4001", place: "ที่ว่าการอำเภอ", recurrence: { kind: "monthly", day: 5, time: "09:00" } };
    assert.equal((await api(read)).status, 200);
    assert.equal((await api(read, "POST", "/api/meetings", meeting)).status, 403);
    assert.notEqual((await api(kase, "POST", "/api/meetings", meeting)).status, 403);
    const old = (await issueApiToken(String(svc._id), "old", new Date(Date.now() - 2 * 86_400_000), { days: 1 })).token;
    assert.equal((await api(old)).status, 401);
    await assert.rejects(issueApiToken(String(svc._id), "long", at, { days: 3650 }), /lifetime/);
  });
});

describe("item 7 and 17: TOTP for everyone who can reveal identities, single use, and required by an admin", () => {
  async function enrol(c: DashboardClient): Promise<Buffer> {
    await c.get("/officer/account");
    const page = await c.post("/officer/account/totp/start", {});
    assert.equal(page.status, 200);
    const secret = /รหัสลับ: <strong class="mono">([A-Z2-7 ]+)<\/strong>/.exec(page.text)![1]!.replace(/ /g, "");
    const key = base32Decode(secret);
    // The previous step's code (within the ±1-step window), so the current one is left for a login.
    const on = await c.post("/officer/account/totp/confirm", { code: totp(key, new Date(Date.now() - 30_000)) });
    assert.match(on.text, /เปิดใช้การยืนยันตัวตนสองขั้นแล้ว/);
    return key;
  }

  test("a district officer turns TOTP on; 12 parallel submissions of one code give one session", async () => {
    await makeOfficer("totp-off1", "officer", ["4001"]);
    const key = await enrol(await loggedIn("totp-off1"));
    const l = new DashboardClient(base);
    const step1 = await l.login("totp-off1", TEST_PASSWORD);
    assert.match(step1.text, /รหัส 6 หลัก/);
    const token = l.csrf();
    const code = totp(key, new Date());
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const res = await fetch(`${base}/officer/login/totp`, {
          method: "POST",
          redirect: "manual",
          headers: { cookie: `sujarit_sid=${l.cookies.get("sujarit_sid")}`, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ _csrf: token, code }).toString(),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    assert.equal(statuses.filter((s) => s === 303).length, 1, `statuses ${statuses.join(",")}`);
    const officer = await Officer.findOne({ username: "totp-off1" }).lean();
    assert.equal(await OfficerSession.countDocuments({ officerId: officer!._id, stage: "active" }), 2, "the enrolling session and one new one");
  });

  test("an admin requires TOTP: until it is on, the account sees only its account page", async () => {
    const id = await makeOfficer("totp-req", "officer", ["4001"]);
    const admin = await loggedIn("secadmin");
    await admin.get("/officer/accounts");
    await admin.post(`/officer/accounts/${id}/totp-required`, {});
    assert.equal((await Officer.findById(id).lean())!.totpRequired, true);
    const c = await loggedIn("totp-req");
    const list = await c.get("/officer/complaints", false);
    assert.equal(list.status, 303);
    assert.equal(list.location, "/officer/account?msg=totp_required");
    await enrol(c);
    assert.equal((await c.get("/officer/complaints", false)).status, 200);
  });
});
