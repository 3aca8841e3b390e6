import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { UTF8_BOM } from "../../src/dashboard/csv/csv-writer";
import { AuditLog } from "../../src/models/audit-log.model";
import { Complaint } from "../../src/models/complaint.model";
import { addReporterMessage } from "../../src/services/complaint.service";
import { createMeeting } from "../../src/services/meeting.service";
import { startHarness, type Harness } from "../helpers/harness";
import { DashboardClient, PNG_1PX, TEST_PASSWORD, baseUrlOf, makeOfficer, seedComplaint } from "./dashboard-client";

// The complaint log as officers use it: scope, identity protection, audit, the
// status workflow with its LINE push, XSS and CSV injection.
let h: Harness;
let base: string;
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)> "onmouseover="alert(2)`;
const named = makeUserId("named-reporter");
const anon = makeUserId("anon-reporter");
const other = makeUserId("other-reporter");
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};
const clients: Record<string, DashboardClient> = {};

before(async () => {
  h = await startHarness("dash-complaints");
  base = baseUrlOf(h.webhookUrl);
  const deps = h.bot.deps;
  ids.admin = await makeOfficer("c-admin", "admin");
  ids.kk = await makeOfficer("c-kk", "officer", ["4001"]);
  ids.bp = await makeOfficer("c-bp", "officer", ["4002"]);
  ids.viewer = await makeOfficer("c-view", "viewer");
  const a = await seedComplaint(deps, {
    lineUserId: named, districtCode: "4001", anonymous: false, contact: { name: "สมชาย ใจดี", phone: "0812345678" },
    what: `เจ้าหน้าที่เรียกเงินค่าดำเนินการ ${XSS}`, who: "=HYPERLINK(\"http://evil.example\",\"คลิก\")", photo: true, location: { latitude: 16.4419, longitude: 102.8359 },
  });
  const b = await seedComplaint(deps, { lineUserId: anon, districtCode: "4002", anonymous: true, what: "ANON-SECRET-TEXT มีการเรียกรับเงินใต้โต๊ะ", who: "@SUM(1+1)" });
  const c = await seedComplaint(deps, { lineUserId: other, districtCode: "4001", anonymous: true, what: "นายอำเภอเรียกรับเงิน PROVINCE-ONLY-TEXT" });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  ids.photo = String((await Complaint.findById(a.id))!.evidence[0]!.fileId);
  const meeting = await createMeeting({ scope: "district", districtCode: "4001", place: "ที่ว่าการอำเภอ", recurrence: { kind: "monthly-day", day: 3, time: "09:00" } }, { timezone: "Asia/Bangkok", reminderOffsets: "1d@08:00" }, new Date());
  ids.meeting = String(meeting._id);
  Object.assign(codes, { a: a.trackingCode, b: b.trackingCode, c: c.trackingCode });
  for (const [k, u] of [["admin", "c-admin"], ["kk", "c-kk"], ["bp", "c-bp"], ["viewer", "c-view"]] as const) {
    clients[k] = new DashboardClient(base);
    await clients[k].login(u, TEST_PASSWORD);
  }
});
after(async () => h.close());

describe("authorization matrix", () => {
  // Expected status per role for every dashboard route (no redirects followed).
  // "anon" is a visitor without a session: pages send it to the login page (303).
  type Row = [method: "GET" | "POST", path: () => string, expect: { admin: number; kk: number; bp: number; viewer: number; anon: number }, form?: Record<string, string>];
  const rows: Row[] = [
    ["GET", () => "/officer", { admin: 303, kk: 303, bp: 303, viewer: 303, anon: 303 }],
    ["GET", () => "/officer/complaints", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => `/officer/complaints/${ids.a}`, { admin: 200, kk: 200, bp: 404, viewer: 403, anon: 303 }],
    ["GET", () => `/officer/complaints/${ids.b}`, { admin: 200, kk: 404, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => `/officer/complaints/${ids.c}`, { admin: 200, kk: 404, bp: 404, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/complaints/export.csv", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/complaints/export.json", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["POST", () => `/officer/complaints/${ids.a}/notes`, { admin: 303, kk: 303, bp: 404, viewer: 403, anon: 303 }, { text: "ตรวจสอบแล้ว" }],
    ["POST", () => `/officer/complaints/${ids.a}/identity`, { admin: 200, kk: 200, bp: 404, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/meetings", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/meetings/new", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/headmen", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/progress", { admin: 200, kk: 200, bp: 200, viewer: 200, anon: 303 }],
    ["GET", () => "/officer/progress/pledges.csv", { admin: 200, kk: 200, bp: 200, viewer: 200, anon: 303 }],
    ["GET", () => "/officer/progress/complaints.csv", { admin: 200, kk: 200, bp: 200, viewer: 200, anon: 303 }],
    ["GET", () => "/officer/progress/coverage.csv", { admin: 200, kk: 200, bp: 200, viewer: 200, anon: 303 }],
    ["GET", () => "/officer/audit", { admin: 200, kk: 403, bp: 403, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/accounts", { admin: 200, kk: 403, bp: 403, viewer: 403, anon: 303 }],
    ["GET", () => "/officer/account", { admin: 200, kk: 200, bp: 200, viewer: 200, anon: 303 }],
    ["GET", () => "/officer/imports", { admin: 200, kk: 200, bp: 200, viewer: 403, anon: 303 }],
    ["GET", () => `/officer/complaints/${ids.a}/evidence/${ids.photo}`, { admin: 200, kk: 200, bp: 404, viewer: 403, anon: 303 }],
    // A stale expectedStatus: in scope answers 409 (nothing changes), out of scope 404.
    ["POST", () => `/officer/complaints/${ids.a}/status`, { admin: 409, kk: 409, bp: 404, viewer: 403, anon: 303 }, { to: "dismissed", note: "x", expectedStatus: "resolved" }],
    ["POST", () => `/officer/complaints/${ids.a}/messages`, { admin: 303, kk: 303, bp: 404, viewer: 403, anon: 303 }, { text: "สวัสดีค่ะ" }],
    ["GET", () => `/officer/meetings/${ids.meeting}`, { admin: 200, kk: 200, bp: 404, viewer: 403, anon: 303 }],
    ["POST", () => `/officer/meetings/${ids.meeting}/cancel`, { admin: 303, kk: 303, bp: 404, viewer: 403, anon: 303 }],
    ["POST", () => "/officer/meetings", { admin: 400, kk: 400, bp: 400, viewer: 403, anon: 303 }, { scope: "village", place: "" }],
    ["POST", () => "/officer/headmen/codes", { admin: 400, kk: 400, bp: 400, viewer: 403, anon: 303 }, { tambonCode: "400101", villageNo: "0" }],
    ["POST", () => "/officer/accounts", { admin: 400, kk: 403, bp: 403, viewer: 403, anon: 303 }, { username: "x", role: "officer" }],
    ["POST", () => `/officer/accounts/${ids.viewer}/unlock`, { admin: 303, kk: 403, bp: 403, viewer: 403, anon: 303 }],
    ["POST", () => "/officer/account/password", { admin: 400, kk: 400, bp: 400, viewer: 400, anon: 303 }, { current: "wrong-password-x", password: "a-new-password-long" }],
    // Everyone who can reveal identities can turn TOTP on (issue 18, item 17); viewers cannot.
    ["POST", () => "/officer/account/totp/start", { admin: 303, kk: 303, bp: 303, viewer: 403, anon: 303 }],
  ];
  for (const [method, path, expect, form] of rows) {
    test(`${method} ${path().replace(/undefined|[0-9a-f]{24}/, ":id")}`, async () => {
      for (const role of ["admin", "kk", "bp", "viewer", "anon"] as const) {
        const c = role === "anon" ? new DashboardClient(base) : clients[role]!;
        let res;
        if (method === "GET") res = await c.get(path(), false);
        else {
          if (role !== "anon") await c.get("/officer/account");
          res = await c.post(path(), form ?? {}, { follow: false, csrf: role === "anon" ? null : undefined });
        }
        assert.equal(res.status, expect[role], `${role} ${method} ${path()}`);
      }
    });
  }
});

describe("scope and identity", () => {
  test("a district officer's list and export hold only their district's cases", async () => {
    const list = await clients.kk!.get("/officer/complaints");
    assert.match(list.text, new RegExp(codes.a!));
    assert.doesNotMatch(list.text, new RegExp(codes.b!));
    assert.doesNotMatch(list.text, new RegExp(codes.c!), "province-level cases are not shown to the district");
    const csv = await clients.kk!.get("/officer/complaints/export.csv");
    assert.match(csv.text, new RegExp(codes.a!));
    assert.doesNotMatch(csv.text, /ANON-SECRET-TEXT|PROVINCE-ONLY-TEXT/);
    const ev = await clients.bp!.get(`/officer/complaints/${ids.a}/evidence/${(await Complaint.findById(ids.a))!.evidence[0]!.fileId}`, false);
    assert.equal(ev.status, 404);
  });

  test("the viewer sees statistics but no complaint text anywhere", async () => {
    for (const path of ["/officer/progress", "/officer/progress/complaints.csv", "/officer/complaints", `/officer/complaints/${ids.a}`, "/officer/complaints/export.csv"]) {
      const page = await clients.viewer!.get(path);
      assert.doesNotMatch(page.text, /ANON-SECRET-TEXT|PROVINCE-ONLY-TEXT|เรียกเงินค่าดำเนินการ|KK-[A-Z0-9]{3}-/, path);
    }
  });

  test("an anonymous reporter's identity appears in no page, export or API answer", async () => {
    const deps = h.bot.deps;
    const c = (await Complaint.findById(ids.b))!;
    const secrets = [anon, deps.sealer.blindIndex(anon), c.reporterSealed!];
    const admin = clients.admin!;
    await admin.get("/officer/complaints");
    const identityCsv = (await admin.post("/officer/complaints/export.csv", { identity: "1" })).text;
    await admin.get("/officer/complaints");
    const identityJson = (await admin.post("/officer/complaints/export.json", { identity: "1" })).text;
    const bodies = [
      identityCsv,
      identityJson,
      (await admin.get("/officer/complaints")).text,
      (await admin.get(`/officer/complaints/${ids.b}`)).text,
      (await admin.get("/officer/complaints/export.csv")).text,
      (await admin.get("/officer/audit")).text,
    ];
    await admin.get(`/officer/complaints/${ids.b}`);
    const reveal = await admin.post(`/officer/complaints/${ids.b}/identity`, {});
    bodies.push(reveal.text);
    assert.equal(reveal.status, 403);
    for (const body of bodies) for (const s of secrets) assert.ok(!body.includes(s), `leaked ${s.slice(0, 8)}…`);
    assert.match((await admin.get(`/officer/complaints/${ids.b}`)).text, /ไม่เปิดเผยตัวตน/);
    assert.ok(await AuditLog.exists({ action: "complaint.identity_denied", complaintId: ids.b }));
  });

  test("a named reporter's contact shows only after an explicit, audited reveal", async () => {
    const kk = clients.kk!;
    const page = await kk.get(`/officer/complaints/${ids.a}`);
    assert.doesNotMatch(page.text, /สมชาย ใจดี|0812345678/);
    const before = await AuditLog.countDocuments({ action: "complaint.identity_viewed", complaintId: ids.a, "actor.id": ids.kk });
    const shown = await kk.post(`/officer/complaints/${ids.a}/identity`, {});
    assert.match(shown.text, /สมชาย ใจดี/);
    assert.match(shown.text, /0812345678/);
    assert.equal(await AuditLog.countDocuments({ action: "complaint.identity_viewed", complaintId: ids.a, "actor.id": ids.kk }), before + 1);
    assert.doesNotMatch((await kk.get(`/officer/complaints/${ids.a}`)).text, /สมชาย ใจดี/, "not kept after the reveal");
  });
});

describe("working a case", () => {
  test("complaint text with script is rendered inert", async () => {
    const page = await clients.admin!.get(`/officer/complaints/${ids.a}`);
    assert.ok(!page.text.includes("<script>alert"), "raw script tag in page");
    assert.ok(!page.text.includes("<img src=x"), "raw img tag in page");
    assert.ok(!/"onmouseover="/.test(page.text));
    assert.match(page.text, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    const csp = page.headers.get("content-security-policy")!;
    assert.match(csp, /script-src 'self'(;|$)/, "scripts from our own origin only");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  });

  test("the detail page shows location with an OpenStreetMap link, and the photo only to the right officers", async () => {
    const page = await clients.kk!.get(`/officer/complaints/${ids.a}`);
    assert.match(page.text, /16\.441900, 102\.835900/);
    assert.match(page.text, /https:\/\/www\.openstreetmap\.org\/\?mlat&#61;16\.441900&amp;mlon&#61;102\.835900/);
    const src = /<img src="(\/officer\/complaints\/[0-9a-f]{24}\/evidence\/[0-9a-f]{24})"/.exec(page.text)![1]!;
    const res = await fetch(base + src, { headers: { cookie: `sujarit_sid=${clients.kk!.cookies.get("sujarit_sid")}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "image/png");
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG_1PX);
    assert.equal((await fetch(base + src, { redirect: "manual" })).status, 303, "no session, no photo");
    assert.ok(await AuditLog.exists({ action: "complaint.evidence_viewed", complaintId: ids.a }));
  });

  test("a status change needs a note, is audited, and pushes to the reporter on LINE", async () => {
    const kk = clients.kk!;
    await kk.get(`/officer/complaints/${ids.a}`);
    const noNote = await kk.post(`/officer/complaints/${ids.a}/status`, { to: "under_review", note: "", expectedStatus: "received" });
    assert.equal(noNote.status, 400);
    assert.match(noNote.text, /กรุณาใส่บันทึก/);
    const ok = await kk.post(`/officer/complaints/${ids.a}/status`, { to: "under_review", note: "รับเรื่องไว้ตรวจสอบแล้วค่ะ", expectedStatus: "received" });
    assert.equal(ok.status, 200);
    assert.match(ok.text, /เปลี่ยนสถานะและแจ้งผู้ร้องเรียนแล้ว/);
    assert.match(ok.text, /กำลังตรวจสอบ/);
    await h.settle();
    const pushed = JSON.stringify(h.line.messagesTo(named));
    assert.match(pushed, /รับเรื่องไว้ตรวจสอบแล้วค่ะ/);
    assert.ok(await AuditLog.exists({ action: "complaint.status_changed", complaintId: ids.a, "actor.id": ids.kk }));
    const stale = await kk.post(`/officer/complaints/${ids.a}/status`, { to: "dismissed", note: "ซ้ำ", expectedStatus: "received" });
    assert.equal(stale.status, 409);
  });

  test("messages reach the reporter and the reply comes back into the thread; notes stay internal", async () => {
    const kk = clients.kk!;
    await kk.get(`/officer/complaints/${ids.a}`);
    await kk.post(`/officer/complaints/${ids.a}/messages`, { text: "ขอทราบเวลาที่เกิดเหตุเพิ่มเติมค่ะ", expectsReply: "on" });
    await kk.post(`/officer/complaints/${ids.a}/notes`, { text: "INTERNAL-ONLY-NOTE" });
    await h.settle();
    const pushed = JSON.stringify(h.line.messagesTo(named));
    assert.match(pushed, /ขอทราบเวลาที่เกิดเหตุเพิ่มเติม/);
    assert.doesNotMatch(pushed, /INTERNAL-ONLY-NOTE/);
    await addReporterMessage(h.bot.deps, named, ids.a!, "ประมาณบ่ายสองโมงค่ะ");
    const page = await kk.get(`/officer/complaints/${ids.a}`);
    assert.match(page.text, /ประมาณบ่ายสองโมงค่ะ/);
    assert.match(page.text, /INTERNAL-ONLY-NOTE/);
    for (const action of ["complaint.reporter_messaged", "complaint.note_added", "complaint.viewed"]) {
      assert.ok(await AuditLog.exists({ action, complaintId: ids.a }), action);
    }
  });
});

describe("list, search and export", () => {
  test("filters by status and category, counts per status, and a tracking-code search opens the case", async () => {
    const admin = clients.admin!;
    const list = await admin.get("/officer/complaints?status=received");
    assert.doesNotMatch(list.text, new RegExp(codes.a!));
    assert.match(list.text, new RegExp(codes.b!));
    assert.match(list.text, /data-status="under_review">1</);
    const none = await admin.get("/officer/complaints?category=procurement");
    assert.match(none.text, /ไม่พบเรื่องตามเงื่อนไข/);
    const found = await admin.get(`/officer/complaints?code=${encodeURIComponent(codes.b!.toLowerCase().replace(/-/g, " "))}`, false);
    assert.equal(found.status, 303);
    assert.equal(found.location, `/officer/complaints/${ids.b}`);
  });

  test("the CSV export has a BOM, Thai headers, and neutralised formula cells; it is audited", async () => {
    const res = await fetch(`${base}/officer/complaints/export.csv`, { headers: { cookie: `sujarit_sid=${clients.admin!.cookies.get("sujarit_sid")}` } });
    assert.match(res.headers.get("content-type")!, /text\/csv/);
    assert.match(res.headers.get("content-disposition")!, /attachment; filename="complaints-/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    assert.ok(text.startsWith(UTF8_BOM + "รหัสติดตาม,"));
    assert.match(text, /"'=HYPERLINK\(""http:\/\/evil\.example"",""คลิก""\)"/);
    assert.match(text, /,'@SUM\(1\+1\),/);
    assert.doesNotMatch(text, /,=HYPERLINK|,@SUM/);
    assert.match(text, /,(ใช่|ไม่ใช่),/, "yes/no columns in Thai");
    assert.doesNotMatch(text, /,(true|false),/);
    assert.ok(await AuditLog.exists({ action: "complaint.exported", "actor.id": ids.admin }));
  });

  test("the JSON export is an array of rows in scope", async () => {
    const rows = JSON.parse((await clients.bp!.get("/officer/complaints/export.json")).text) as { trackingCode: string; reporterName: string }[];
    assert.deepEqual(rows.map((r) => r.trackingCode), [codes.b]);
    assert.equal(rows[0]!.reporterName, "");
  });
});
