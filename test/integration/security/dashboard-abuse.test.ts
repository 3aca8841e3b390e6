import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "../../../src/config";
import { LOGIN_LIMITS } from "../../../src/dashboard/auth/login-guard";
import { Meeting } from "../../../src/models/meeting.model";
import { Officer } from "../../../src/models/officer.model";
import { OfficerSession } from "../../../src/models/officer-session.model";
import { createOfficer, findOfficerByApiToken, hashApiToken, issueApiToken } from "../../../src/services/officer.service";
import { startHarness, type Harness } from "../../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, loggedInClient, makeOfficer } from "../dashboard-client";

// Issue 18: what a probe of the dashboard and API found, one regression test each.
let h: Harness;
let base: string;
before(async () => {
  h = await startHarness("sec-dash", { env: { TRUST_PROXY: "1" } });
  base = baseUrlOf(h.webhookUrl);
  await makeOfficer("khon4001", "officer", ["4001"]);
  await makeOfficer("secadmin", "admin");
});
after(async () => h.close());

const loggedIn = (username: string, password?: string): Promise<DashboardClient> => loggedInClient(base, username, password);

describe("item 2: meeting import checks the district each row writes", () => {
  const HEADER = "scope,tambon,village,district,title,place,agenda,schedule,duration";
  const foreign = `${HEADER}\ndistrict,400101,1,4002,,ที่ว่าการอำเภออื่น,,monthly:5@09:00,120\n`;

  test("API: an officer of 4001 cannot import a district meeting for 4002 behind a 4001 tambon", async () => {
    const svc = await createOfficer({ username: "svc4001", role: "officer", districts: ["4001"], kind: "service" });
    const { token } = await issueApiToken(String(svc._id), "t", new Date(), { scope: "case" });
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

/** Posts a login form with a client's cookie and token, without following redirects. */
async function rawLogin(c: DashboardClient, token: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${base}/officer/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: `sujarit_sid=${c.cookies.get("sujarit_sid")}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, username, password }).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("item 4: the login lockout cannot be raced", () => {
  test("20 concurrent logins, 19 wrong and 1 right: at most the allowance runs the hash, no 500, and no session", async () => {
    const id = await makeOfficer("racer", "officer", ["4001"]);
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    const token = c.csrf();
    const tries = Array.from({ length: 20 }, (_, i) => (i === 10 ? TEST_PASSWORD : `wrong-guess-${i}`));
    const statuses = await Promise.all(tries.map((p) => rawLogin(c, token, "racer", p)));
    assert.ok(!statuses.includes(500), `statuses ${statuses.join(",")}`);
    const answeredWrong = statuses.filter((s) => s === 401).length;
    assert.ok(answeredWrong < LOGIN_LIMITS.perUser, `${answeredWrong} wrong guesses were checked (allowance ${LOGIN_LIMITS.perUser})`);
    assert.equal(statuses[10], 429, "the right password arrived among guesses that locked the account");
    assert.equal(await OfficerSession.countDocuments({ officerId: id, stage: "active" }), 0);
  });
});

describe("item 9: password change", () => {
  test("wrong current passwords count like login failures and lock the account", async () => {
    await makeOfficer("changer1", "officer", ["4001"]);
    const c = await loggedIn("changer1");
    let last = 0;
    for (let i = 0; i < LOGIN_LIMITS.perUser; i++) {
      await c.get("/officer/account");
      last = (await c.post("/officer/account/password", { current: `not-it-${i}`, password: "a-brand-new-password-1" })).status;
    }
    assert.equal(last, 400);
    const other = new DashboardClient(base);
    await other.get("/officer/login");
    assert.equal((await other.post("/officer/login", { username: "changer1", password: TEST_PASSWORD })).status, 429, "the account is locked");
  });

  test("a password change ends the officer's other sessions and API tokens, not the current session", async () => {
    const id = await makeOfficer("changer2", "officer", ["4001"]);
    const a = await loggedIn("changer2");
    const b = await loggedIn("changer2");
    // A token left on a person's account from before tokens were for service accounts only.
    const legacy = "sjt_0123456789ab_" + "A".repeat(43);
    await Officer.updateOne({ _id: id }, { $push: { apiTokens: { tokenId: "0123456789ab", hash: hashApiToken(legacy), label: "old", createdAt: new Date() } } });
    await a.get("/officer/account");
    const changed = await a.post("/officer/account/password", { current: TEST_PASSWORD, password: "a-brand-new-password-1" });
    assert.equal(changed.status, 200);
    assert.equal((await a.get("/officer/account", false)).status, 200, "the current session stays");
    const bPage = await b.get("/officer/account", false);
    assert.equal(bPage.status, 303);
    assert.match(bPage.location ?? "", /\/officer\/login/);
    assert.equal((await Officer.findById(id).lean())!.apiTokens.length, 0, "the account's tokens are gone");
    assert.equal(await findOfficerByApiToken(legacy), null);
  });
});

describe("item 11: the login page stores no session until the form is posted", () => {
  test("300 cookieless GETs add no session row, and logging in still works", async () => {
    const before = await OfficerSession.countDocuments({});
    for (let i = 0; i < 300; i += 30) await Promise.all(Array.from({ length: 30 }, () => fetch(`${base}/officer/login`).then((r) => r.arrayBuffer())));
    assert.equal(await OfficerSession.countDocuments({}), before);
    await loggedIn("khon4001");
  });
});

describe("item 12: common and breached passwords are refused", () => {
  for (const weak of ["aaaaaaaaaaaa", "password1234", "qwertyuiop12", "iloveyou2024", "1234567890ab"]) {
    test(`"${weak}" is refused`, async () => {
      await assert.rejects(createOfficer({ username: `weak${weak.length}${weak[0]}`, role: "viewer", password: weak }), /weak password/);
    });
  }
  test("a long passphrase is accepted", async () => {
    await createOfficer({ username: "strong1", role: "viewer", password: "ทุ่งนา-ควาย-ฝนตก-2569" });
  });
});

describe("item 5: per-address limits behind a proxy", () => {
  test("TRUST_PROXY=true is refused at boot; a hop count or address range is accepted", () => {
    const env = { MONGODB_URI: "mongodb://x", LINE_CHANNEL_SECRET: "0123456789abcdef0123456789abcdef", LINE_CHANNEL_ACCESS_TOKEN: "token-token", DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), SESSION_SECRET: "s".repeat(32) };
    assert.throws(() => loadConfig({ ...env, TRUST_PROXY: "true" }), /TRUST_PROXY/);
    assert.equal(loadConfig({ ...env, TRUST_PROXY: "1" }).trustProxy, 1);
    assert.deepEqual(loadConfig({ ...env, TRUST_PROXY: "10.0.0.0/8, 192.168.1.5" }).trustProxy, ["10.0.0.0/8", "192.168.1.5"]);
  });

  test("35 failures from rotating forged X-Forwarded-For entries lock the real address (one proxy hop)", async () => {
    const c = new DashboardClient(base);
    await c.get("/officer/login");
    const token = c.csrf();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await fetch(`${base}/officer/login`, {
        method: "POST",
        redirect: "manual",
        // The client forges the first entry; the load balancer appends the address it saw.
        headers: { cookie: `sujarit_sid=${c.cookies.get("sujarit_sid")}`, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `198.18.${i}.${i + 1}, 203.0.113.50` },
        body: new URLSearchParams({ _csrf: token, username: `spray${i}`, password: "x-y-z-w-v-u" }).toString(),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    assert.equal(statuses.at(-1), 429, `statuses ${statuses.join(",")}`);
    assert.equal(statuses.filter((s) => s === 401).length, LOGIN_LIMITS.perIp - 1);
  });
});

describe("item 10: malformed bodies get a 4xx, never a 500", () => {
  const send = async (path: string, headers: Record<string, string>, body: string | Buffer) => {
    const res = await fetch(`${base}${path}`, { method: "POST", headers, body });
    await res.arrayBuffer();
    return res.status;
  };
  for (const encoding of ["gzip", "br", "deflate", "x-unknown"]) {
    test(`Content-Encoding: ${encoding} on plain bytes at /webhook`, async () => {
      const status = await send("/webhook", { "content-type": "application/json", "content-encoding": encoding, "x-line-signature": "x" }, '{"events":[]}');
      assert.ok(status >= 400 && status < 500, `got ${status}`);
    });
  }
  test("300 form fields on /officer/login", async () => {
    const body = Array.from({ length: 300 }, (_, i) => `f${i}=${i}`).join("&");
    const status = await send("/officer/login", { "content-type": "application/x-www-form-urlencoded" }, body);
    assert.ok(status >= 400 && status < 500, `got ${status}`);
  });
  test("charset=utf-7 on /officer/login", async () => {
    const status = await send("/officer/login", { "content-type": "application/x-www-form-urlencoded; charset=utf-7" }, "username=a&password=b");
    assert.ok(status >= 400 && status < 500, `got ${status}`);
  });
  test("charset=latin1 on /api/meetings", async () => {
    const status = await send("/api/meetings", { "content-type": "application/json; charset=latin1", authorization: "Bearer sjt_x" }, "{}");
    assert.ok(status >= 400 && status < 500, `got ${status}`);
  });
  test("gzip on plain bytes on /api/meetings", async () => {
    const status = await send("/api/meetings", { "content-type": "application/json", "content-encoding": "gzip" }, "{}");
    assert.ok(status >= 400 && status < 500, `got ${status}`);
  });
});
