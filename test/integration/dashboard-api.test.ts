import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { makeUserId } from "../../src/dev/line-emulator";
import { createApiRouter } from "../../src/dashboard/api.router";
import { createTransparencySource } from "../../src/services/transparency/transparency.service";
import { buildOpenApiDocument } from "../../src/dashboard/openapi";
import { AuditLog } from "../../src/models/audit-log.model";
import { Complaint } from "../../src/models/complaint.model";
import { issueApiToken, createOfficer } from "../../src/services/officer.service";
import { startHarness, type Harness } from "../helpers/harness";
import { baseUrlOf, seedComplaint } from "./dashboard-client";

// The JSON API: the OpenAPI document matches the express routes both ways, and
// every answer validates against the documented schema (closed objects).
let h: Harness;
let base: string;
const tokens: Record<string, string> = {};
const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, "openapi");
const ids: Record<string, string> = {};
const anon = makeUserId("api-anon");

/** Checks a JSON answer against the documented schema of (path, method, status). */
function checkAgainstDoc(path: string, method: string, status: number, body: unknown): void {
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  assert.ok(response, `${method.toUpperCase()} ${path} does not document ${status}`);
  const schema = response.content?.["application/json"]?.schema;
  assert.ok(schema, `${method.toUpperCase()} ${path} ${status} has no JSON schema`);
  const validate = ajv.compile({ $ref: `openapi#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/responses/${status}/content/application~1json/schema` });
  assert.ok(validate(body), `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}`);
}

async function call(token: string | undefined, method: string, path: string, docPath: string, body?: unknown, type = "application/json"): Promise<{ status: number; json: unknown; text: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = type;
  const res = await fetch(`${base}/api${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const text = await res.text();
  const json = (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : undefined;
  if (json !== undefined) checkAgainstDoc(docPath, method.toLowerCase(), res.status, json);
  return { status: res.status, json, text };
}

before(async () => {
  h = await startHarness("dash-api");
  base = baseUrlOf(h.webhookUrl);
  const now = new Date();
  for (const [name, role, districts] of [["api-admin", "admin", []], ["api-kk", "officer", ["4001"]], ["api-view", "viewer", []]] as const) {
    const o = await createOfficer({ username: name, role, districts: [...districts], kind: "service" });
    tokens[name] = (await issueApiToken(String(o._id), "test", now, { scope: "case" })).token;
  }
  ids.named = (await seedComplaint(h.bot.deps, { lineUserId: makeUserId("api-named"), districtCode: "4001", anonymous: false, contact: { name: "วิภา ทดสอบ", phone: "0898765432" }, what: "ขอเงินค่าทำบัตรโดยไม่มีใบเสร็จ" })).id;
  ids.anon = (await seedComplaint(h.bot.deps, { lineUserId: anon, districtCode: "4002", anonymous: true, what: "เรียกรับเงินในการออกใบอนุญาต" })).id;
});
after(async () => h.close());

describe("OpenAPI document", () => {
  test("lists exactly the routes express serves under /api, and each needs a token except the document and the open data", async () => {
    const source = createTransparencySource({ now: h.bot.deps.now, startMonth: 10, timeZone: "Asia/Bangkok" });
    const router = createApiRouter(h.bot.deps, source) as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const served = new Set<string>();
    for (const layer of router.stack) {
      if (!layer.route) continue;
      for (const m of Object.keys(layer.route.methods)) served.add(`${m.toUpperCase()} ${layer.route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
    }
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    assert.deepEqual([...served].sort(), [...documented].sort());
    for (const key of documented) {
      const [method, path] = key.split(" ") as [string, string];
      const res = await fetch(`${base}/api${path.replace("{id}", "0123456789abcdef01234567")}`, { method });
      const open = path === "/openapi.json" || path.startsWith("/public/");
      assert.equal(res.status, open ? 200 : 401, key);
    }
    const served404 = await fetch(`${base}/api/nothing-here`, { headers: { authorization: `Bearer ${tokens["api-admin"]}` } });
    assert.equal(served404.status, 404);
  });

  test("/api/openapi.json serves the same document", async () => {
    assert.deepEqual(await (await fetch(`${base}/api/openapi.json`)).json(), JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});

describe("answers follow the document", () => {
  test("complaints: list, get, identity, status, notes, messages, export", async () => {
    const t = tokens["api-admin"]!;
    assert.equal((await call(t, "GET", "/me", "/me")).status, 200);
    const list = await call(t, "GET", "/complaints?status=received&pageSize=5", "/complaints");
    assert.equal((list.json as { total: number }).total, 2);
    assert.equal((await call(t, "GET", `/complaints/${ids.named}`, "/complaints/{id}")).status, 200);
    const who = await call(t, "POST", `/complaints/${ids.named}/identity`, "/complaints/{id}/identity");
    assert.deepEqual(who.json, { name: "วิภา ทดสอบ", phone: "0898765432" });
    assert.equal((await call(t, "POST", `/complaints/${ids.anon}/identity`, "/complaints/{id}/identity")).status, 403);
    const changed = await call(t, "POST", `/complaints/${ids.named}/status`, "/complaints/{id}/status", { to: "referred", note: "ส่งต่อ ป.ป.ช. แล้วค่ะ", referredTo: "nacc" });
    assert.equal((changed.json as { status: string }).status, "referred");
    assert.equal((await call(t, "POST", `/complaints/${ids.named}/status`, "/complaints/{id}/status", { to: "resolved" })).status, 400);
    assert.equal((await call(t, "POST", `/complaints/${ids.named}/status`, "/complaints/{id}/status", { to: "resolved", note: "x", extra: 1 })).status, 400);
    assert.equal((await call(t, "POST", `/complaints/${ids.named}/notes`, "/complaints/{id}/notes", { text: "โทรยืนยันแล้ว" })).status, 200);
    assert.equal((await call(t, "POST", `/complaints/${ids.named}/messages`, "/complaints/{id}/messages", { text: "ขอบคุณสำหรับข้อมูลค่ะ", expectsReply: false })).status, 200);
    const rows = await call(t, "GET", "/complaints/export", "/complaints/export");
    assert.equal((rows.json as unknown[]).length, 2);
    const csv = await fetch(`${base}/api/complaints/export?format=csv`, { headers: { authorization: `Bearer ${t}` } });
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    assert.deepEqual([...Buffer.from(await csv.arrayBuffer()).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    await h.settle();
    assert.ok(await AuditLog.exists({ action: "complaint.status_changed", complaintId: ids.named }));
  });

  test("scope: a district officer gets 404 for another district; a viewer gets 403 and no complaint text", async () => {
    const kk = tokens["api-kk"]!;
    assert.equal((await call(kk, "GET", `/complaints/${ids.anon}`, "/complaints/{id}")).status, 404);
    assert.equal((await call(kk, "POST", `/complaints/${ids.anon}/notes`, "/complaints/{id}/notes", { text: "x" })).status, 404);
    const mine = await call(kk, "GET", "/complaints", "/complaints");
    assert.deepEqual((mine.json as { items: { id: string }[] }).items.map((i) => i.id), [ids.named]);
    const v = tokens["api-view"]!;
    for (const [path, docPath] of [["/complaints", "/complaints"], [`/complaints/${ids.named}`, "/complaints/{id}"], ["/complaints/export", "/complaints/export"]] as const) {
      const r = await call(v, "GET", path, docPath);
      assert.equal(r.status, 403, path);
      assert.doesNotMatch(r.text, /เรียกรับเงิน|ขอเงินค่าทำบัตร/);
    }
    assert.equal((await call(v, "GET", "/stats/complaints", "/stats/complaints")).status, 200);
    assert.equal((await call(v, "GET", "/audit", "/audit")).status, 403);
  });

  test("an anonymous reporter's LINE id never appears in an API answer", async () => {
    const t = tokens["api-admin"]!;
    const c = (await Complaint.findById(ids.anon))!;
    const secrets = [anon, h.bot.deps.sealer.blindIndex(anon), c.reporterSealed!];
    const texts = [
      (await call(t, "GET", "/complaints", "/complaints")).text,
      (await call(t, "GET", `/complaints/${ids.anon}`, "/complaints/{id}")).text,
      (await call(t, "GET", "/complaints/export?identity=1", "/complaints/export")).text,
      (await call(t, "GET", "/audit", "/audit")).text,
    ];
    for (const text of texts) for (const s of secrets) assert.ok(!text.includes(s));
  });

  test("meetings, reminders, reports, imports and headman codes", async () => {
    const t = tokens["api-kk"]!;
    const created = await call(t, "POST", "/meetings", "/meetings", { scope: "village", tambonCode: "400101", villageNo: 3, place: "ศาลาประชาคม", recurrence: { kind: "monthly-day", day: 5, time: "09:00" } });
    assert.equal(created.status, 201);
    const id = (created.json as { id: string }).id;
    assert.equal((await call(t, "POST", "/meetings", "/meetings", { scope: "district", districtCode: "4002", place: "x", recurrence: { kind: "once", date: "2030-01-01", time: "09:00" } })).status, 403);
    assert.equal((await call(t, "GET", "/meetings", "/meetings")).status, 200);
    assert.equal((await call(t, "GET", `/meetings/${id}`, "/meetings/{id}")).status, 200);
    const patched = await call(t, "PATCH", `/meetings/${id}`, "/meetings/{id}", { place: "วัดกลาง", recurrence: { kind: "monthly-weekday", nth: 2, weekday: 2, time: "13:30" } });
    assert.equal((patched.json as { place: string }).place, "วัดกลาง");
    assert.equal((await call(t, "GET", `/meetings/${id}/reminders`, "/meetings/{id}/reminders")).status, 200);
    assert.equal((await call(t, "GET", `/meetings/${id}/reports`, "/meetings/{id}/reports")).status, 200);
    assert.equal(((await call(t, "POST", `/meetings/${id}/cancel`, "/meetings/{id}/cancel")).json as { state: string }).state, "cancelled");
    const villages = await call(t, "POST", "/imports/villages", "/imports/villages", "tambon,village,name,place\n400101,7,บ้านทดสอบ,ศาลา\n", "text/csv");
    assert.equal((villages.json as { imported: number }).imported, 1);
    const foreign = await call(t, "POST", "/imports/villages", "/imports/villages", "tambon,village,name\n400201,1,บ้านอื่น\n", "text/csv");
    assert.equal(foreign.status, 400);
    assert.equal((foreign.json as { lines: { line: number }[] }).lines[0]!.line, 2);
    const meetings = await call(t, "POST", "/imports/meetings", "/imports/meetings", "scope,tambon,village,place,schedule\nvillage,400101,7,ศาลา,monthly:10@09:00\n", "text/csv");
    assert.equal(meetings.status, 200);
    const code = await call(t, "POST", "/headman-codes", "/headman-codes", { tambonCode: "400101", villageNo: 7 });
    assert.match((code.json as { code: string }).code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  test("statistics and the audit log", async () => {
    const t = tokens["api-admin"]!;
    const pledges = await call(t, "GET", "/stats/pledges", "/stats/pledges");
    assert.equal((pledges.json as { districts: unknown[] }).districts.length, 26);
    assert.equal((await call(t, "GET", "/stats/coverage?month=2569-03", "/stats/coverage")).status, 200);
    const audit = await call(t, "GET", "/audit?action=complaint.identity_viewed", "/audit");
    assert.ok((audit.json as { total: number }).total >= 1);
    assert.equal((await call(undefined, "GET", "/stats/pledges", "/stats/pledges")).status, 401);
  });
});
