import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { base32Decode, totp } from "../../src/dashboard/auth/totp";
import { LOGIN_LIMITS } from "../../src/dashboard/auth/login-guard";
import { SESSION_LIMITS } from "../../src/dashboard/auth/session-store";
import { AuditLog } from "../../src/models/audit-log.model";
import { Officer } from "../../src/models/officer.model";
import { OfficerSession } from "../../src/models/officer-session.model";
import { startHarness, type Harness } from "../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "./dashboard-client";

// Accounts, sessions, CSRF, lockout, TOTP and API tokens of the officer dashboard.
let h: Harness;
let base: string;
let clock = new Date("2026-03-01T03:00:00Z");
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

before(async () => {
  h = await startHarness("dash-auth", { now: () => clock, env: { TRUST_PROXY: "1" } });
  base = baseUrlOf(h.webhookUrl);
  await makeOfficer("admin1", "admin");
  await makeOfficer("khon1", "officer", ["4001"]);
  await makeOfficer("view1", "viewer");
});
after(async () => h.close());

describe("login and sessions", () => {
  test("the login page sets an httpOnly, SameSite=Lax cookie scoped to /officer and sends security headers", async () => {
    const res = await fetch(`${base}/officer/login`);
    assert.equal(res.status, 200);
    const cookie = res.headers.getSetCookie()[0]!;
    assert.match(cookie, /^sujarit_sid=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\/officer/);
    assert.doesNotMatch(cookie, /Secure/);
    const csp = res.headers.get("content-security-policy")!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("referrer-policy"), "no-referrer");
    const text = await res.text();
    assert.match(text, /<html lang="th">/);
    assert.match(text, /<label for="username">/);
    assert.match(text, /name="viewport"/);
  });

  test("behind TLS (X-Forwarded-Proto: https with TRUST_PROXY) the cookie is Secure", async () => {
    const res = await fetch(`${base}/officer/login`, { headers: { "x-forwarded-proto": "https" } });
    assert.match(res.headers.getSetCookie()[0]!, /Secure/);
    assert.equal(res.headers.get("strict-transport-security"), "max-age=31536000");
    assert.equal((await fetch(`${base}/officer/login`)).headers.get("strict-transport-security"), null);
  });

  test("a right password logs in with a new session id; logout ends the session", async () => {
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    const before = c.cookies.get("sujarit_sid");
    const page = await c.post("/officer/login", { username: "KHON1", password: TEST_PASSWORD, next: "/officer/account" });
    assert.equal(page.status, 200);
    assert.match(page.text, /บัญชีของฉัน/);
    assert.match(page.text, /khon1/);
    const after1 = c.cookies.get("sujarit_sid");
    assert.notEqual(after1, before, "session id must change at login (fixation)");
    const out = await c.post("/officer/logout", {});
    assert.match(out.text, /ออกจากระบบแล้ว/);
    const replay = new DashboardClient(base);
    replay.cookies.set("sujarit_sid", after1!);
    const again = await replay.get("/officer/account", false);
    assert.equal(again.status, 303);
    assert.match(again.location!, /^\/officer\/login/);
  });

  test("a login's next= never leaves the dashboard", async () => {
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    const res = await c.post("/officer/login", { username: "khon1", password: TEST_PASSWORD, next: "//evil.example/x" }, { follow: false });
    assert.equal(res.status, 303);
    assert.equal(res.location, "/officer");
  });

  test("an idle session expires after the idle limit (checked on read, no TTL index)", async () => {
    const c = new DashboardClient(base);
    await c.login("view1", TEST_PASSWORD);
    assert.equal((await c.get("/officer/account")).status, 200);
    advance(SESSION_LIMITS.idleMs + 1000);
    const res = await c.get("/officer/account", false);
    assert.equal(res.status, 303);
  });

  test("the cookie value is not stored: the session row holds only its HMAC", async () => {
    const c = new DashboardClient(base);
    await c.login("view1", TEST_PASSWORD);
    const sid = c.cookies.get("sujarit_sid")!;
    assert.equal(await OfficerSession.countDocuments({ sidHash: sid }), 0);
    assert.ok((await OfficerSession.countDocuments({ stage: "active" })) >= 1);
  });
});

describe("CSRF", () => {
  test("login without a token, or with another session's token, is rejected with 403", async () => {
    const a = new DashboardClient(base);
    await a.get("/officer/login");
    assert.equal((await a.post("/officer/login", { username: "khon1", password: TEST_PASSWORD }, { csrf: null })).status, 403);
    const b = new DashboardClient(base);
    await b.get("/officer/login");
    assert.equal((await a.post("/officer/login", { username: "khon1", password: TEST_PASSWORD }, { csrf: b.csrf() })).status, 403);
  });

  test("a logged-in form post without the token changes nothing", async () => {
    const c = new DashboardClient(base);
    await c.login("khon1", TEST_PASSWORD);
    const beforeHash = (await Officer.findOne({ username: "khon1" }))!.passwordHash;
    const res = await c.post("/officer/account/password", { current: TEST_PASSWORD, password: "a-brand-new-password-1" }, { csrf: "forged" });
    assert.equal(res.status, 403);
    assert.equal((await Officer.findOne({ username: "khon1" }))!.passwordHash, beforeHash);
    const noBody = await c.request("POST", "/officer/logout", undefined, undefined, false);
    assert.equal(noBody.status, 403);
  });
});

describe("lockout", () => {
  test(`${LOGIN_LIMITS.perUser} wrong passwords lock the username, even for the right password, until an admin unlocks it`, async () => {
    const id = await makeOfficer("locky", "officer", ["4002"]);
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    for (let i = 0; i < LOGIN_LIMITS.perUser - 1; i++) {
      const r = await c.post("/officer/login", { username: "locky", password: `wrong-${i}` });
      assert.equal(r.status, 401);
      assert.match(r.text, /ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง/);
    }
    const last = await c.post("/officer/login", { username: "locky", password: "wrong-last" });
    assert.equal(last.status, 429);
    assert.match(last.text, /ล็อก/);
    const right = await c.post("/officer/login", { username: "locky", password: TEST_PASSWORD });
    assert.equal(right.status, 429);
    assert.ok((await AuditLog.countDocuments({ action: "officer.login_failed" })) >= LOGIN_LIMITS.perUser);

    const admin = new DashboardClient(base);
    await admin.login("admin1", TEST_PASSWORD);
    await admin.get("/officer/accounts");
    await admin.post(`/officer/accounts/${id}/unlock`, {});
    const ok = await c.login("locky", TEST_PASSWORD);
    assert.equal(ok.status, 200);
    assert.doesNotMatch(ok.text, /ล็อก/);
  });

  test("the lock ends by itself after the lock period", async () => {
    await makeOfficer("locky2", "viewer");
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    for (let i = 0; i < LOGIN_LIMITS.perUser; i++) await c.post("/officer/login", { username: "locky2", password: "nope-nope" });
    assert.equal((await c.post("/officer/login", { username: "locky2", password: TEST_PASSWORD })).status, 429);
    advance(LOGIN_LIMITS.lockMs + 1000);
    assert.equal((await c.login("locky2", TEST_PASSWORD)).status, 200);
  });

  test("one address spraying many usernames is locked too", async () => {
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    const ip = "203.0.113.77";
    let status = 0;
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      const body = new URLSearchParams({ _csrf: c.csrf(), username: `ghost${i}`, password: "x-y-z-w" });
      const res = await fetch(`${base}/officer/login`, {
        method: "POST",
        headers: { cookie: `sujarit_sid=${c.cookies.get("sujarit_sid")}`, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body: body.toString(),
      });
      status = res.status;
    }
    assert.equal(status, 429);
  });
});

describe("TOTP for admins", () => {
  test("enrol, then log in with password + code; a reused code is refused", async () => {
    await makeOfficer("admin2", "admin");
    const c = new DashboardClient(base);
    await c.login("admin2", TEST_PASSWORD);
    await c.get("/officer/account");
    const page = await c.post("/officer/account/totp/start", {});
    const secret = /รหัสลับ: <strong class="mono">([A-Z2-7 ]+)<\/strong>/.exec(page.text)![1]!.replace(/ /g, "");
    const key = base32Decode(secret);
    assert.equal((await c.post("/officer/account/totp/confirm", { code: "000000" === totp(key, clock) ? "111111" : "000000" })).status, 400);
    const on = await c.post("/officer/account/totp/confirm", { code: totp(key, clock) });
    assert.match(on.text, /เปิดใช้การยืนยันตัวตนสองขั้นแล้ว/);
    assert.equal((await Officer.findOne({ username: "admin2" }))!.totpEnabled, true);
    assert.doesNotMatch(JSON.stringify(await Officer.findOne({ username: "admin2" }).lean()), new RegExp(secret), "secret is sealed at rest");
    await c.post("/officer/logout", {});

    advance(30_000);
    const l = new DashboardClient(base);
    const step1 = await l.login("admin2", TEST_PASSWORD);
    assert.match(step1.text, /รหัส 6 หลัก/);
    assert.equal((await l.get("/officer/account", false)).status, 303, "not logged in before the code");
    const wrong = await l.post("/officer/login/totp", { code: totp(key, new Date(clock.getTime() + 600_000)) });
    assert.equal(wrong.status, 401);
    const code = totp(key, clock);
    const ok = await l.post("/officer/login/totp", { code, next: "/officer/account" });
    assert.equal(ok.status, 200);
    assert.match(ok.text, /เปิดใช้อยู่/);

    const replay = new DashboardClient(base);
    await replay.login("admin2", TEST_PASSWORD);
    assert.equal((await replay.post("/officer/login/totp", { code })).status, 401);
  });

  test("viewers cannot turn TOTP on (they cannot reveal identities)", async () => {
    const c = new DashboardClient(base);
    await c.login("view1", TEST_PASSWORD);
    await c.get("/officer/account");
    assert.equal((await c.post("/officer/account/totp/start", {})).status, 403);
  });
});

describe("accounts and API tokens", () => {
  test("only admins reach the accounts page; others get 403, strangers the login page", async () => {
    for (const [u, status] of [["admin1", 200], ["khon1", 403], ["view1", 403]] as const) {
      const c = new DashboardClient(base);
      await c.login(u, TEST_PASSWORD);
      assert.equal((await c.get("/officer/accounts")).status, status, u);
    }
    const anon = await new DashboardClient(base).get("/officer/accounts", false);
    assert.equal(anon.status, 303);
    assert.equal(anon.location, "/officer/login?next=%2Fofficer%2Faccounts");
  });

  test("an admin creates a service account and a token; the token works on /api until revoked, and is stored hashed", async () => {
    const c = new DashboardClient(base);
    await c.login("admin1", TEST_PASSWORD);
    await c.get("/officer/accounts");
    const created = await c.post("/officer/accounts", { username: "svc-stats", role: "viewer", kind: "service", displayName: "ระบบสถิติ" });
    assert.match(created.text, /บันทึกเรียบร้อยแล้ว/);
    const svc = (await Officer.findOne({ username: "svc-stats" }))!;
    assert.equal(svc.passwordHash, "");
    const issued = await c.post(`/officer/accounts/${svc._id}/tokens`, { label: "Power BI" });
    const token = /(sjt_[0-9a-f]{12}_[A-Za-z0-9_-]{43})/.exec(issued.text)![1]!;
    assert.doesNotMatch(JSON.stringify(await Officer.findById(svc._id).lean()), new RegExp(token));
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), { id: String(svc._id), username: "svc-stats", role: "viewer", districts: [] });
    assert.equal((await fetch(`${base}/api/me`)).status, 401);
    assert.equal((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } })).status, 401);
    const tokenId = token.split("_")[1]!;
    await c.get("/officer/accounts");
    await c.post(`/officer/accounts/${svc._id}/tokens/${tokenId}/revoke`, {});
    assert.equal((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status, 401);
    assert.ok(await AuditLog.exists({ action: "officer.token_issued" }));
  });

  test("a disabled account loses its sessions at once", async () => {
    const id = await makeOfficer("leaver", "officer", ["4003"]);
    const u = new DashboardClient(base);
    await u.login("leaver", TEST_PASSWORD);
    assert.equal((await u.get("/officer/account")).status, 200);
    const admin = new DashboardClient(base);
    await admin.login("admin1", TEST_PASSWORD);
    await admin.get("/officer/accounts");
    await admin.post(`/officer/accounts/${id}/disable`, {});
    assert.equal((await u.get("/officer/account", false)).status, 303);
    const again = await new DashboardClient(base).login("leaver", TEST_PASSWORD);
    assert.equal(again.status, 401);
  });
});
