import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "../../src/dashboard/openapi";
import { approveAnnouncement, requestSend } from "../../src/services/announcement.service";
import { createOfficer, issueApiToken } from "../../src/services/officer.service";
import { startHarness, type Harness } from "../helpers/harness";
import { baseUrlOf } from "./dashboard-client";
import { IN_MUEANG_5, seedMembers } from "./reminder-fixtures";

// /api/announcements: every answer validates against /api/openapi.json (closed objects),
// scope holds, and the report carries LINE's request ids.
let h: Harness;
let base: string;
const tokens: Record<string, string> = {};
const officers: Record<string, string> = {};
const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, "openapi");

async function call(token: string, method: string, path: string, docPath: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = (await res.json()) as Record<string, unknown>;
  const escaped = docPath.replace(/~/g, "~0").replace(/\//g, "~1");
  assert.ok(doc.paths[docPath]?.[method.toLowerCase()]?.responses[String(res.status)], `${method} ${docPath} does not document ${res.status}`);
  const validate = ajv.compile({ $ref: `openapi#/paths/${escaped}/${method.toLowerCase()}/responses/${res.status}/content/application~1json/schema` });
  assert.ok(validate(json), `${method} ${docPath} ${res.status}: ${ajv.errorsText(validate.errors)}`);
  return { status: res.status, json };
}

before(async () => {
  h = await startHarness("announcement-api", { background: false });
  base = baseUrlOf(h.webhookUrl);
  for (const [name, role, districts] of [["ann-admin", "admin", []], ["ann-admin2", "admin", []], ["ann-kk", "officer", ["4001"]]] as const) {
    const o = await createOfficer({ username: name, role, districts: [...districts], kind: "service" });
    officers[name] = String(o._id);
    tokens[name] = (await issueApiToken(String(o._id), "test", new Date(), { scope: "case" })).token;
  }
  await seedMembers("api", 620, IN_MUEANG_5);
  await seedMembers("api-h", 2, IN_MUEANG_5, { role: "headman" });
});
after(async () => h.close());

describe("/api/announcements", () => {
  test("audience size, create, get, list; an officer cannot reach another district or the province", async () => {
    const size = await call(tokens["ann-kk"]!, "POST", "/announcements/audience", "/announcements/audience", { villages: ["400101-5"], leaders: true });
    assert.deepEqual(size.json, { recipients: 2, districts: 1, approvalRequired: false });
    const created = await call(tokens["ann-kk"]!, "POST", "/announcements", "/announcements", {
      title: "แจ้งเตือนมิจฉาชีพ", text: "มีผู้แอบอ้างชื่อจังหวัดขอนแก่นโทรเรียกเงิน ขอท่านอย่าโอนเงิน", audience: { villages: ["400101-5"] }, button: { kind: "url", label: "อ่านเพิ่มเติม", url: "https://www.khonkaen.go.th/" },
    });
    assert.equal(created.status, 201);
    assert.equal(created.json.state, "draft");
    assert.equal(created.json.audienceSize, 622);
    const id = String(created.json.id);
    assert.equal((await call(tokens["ann-kk"]!, "GET", `/announcements/${id}`, "/announcements/{id}")).json.title, "แจ้งเตือนมิจฉาชีพ");
    assert.ok(((await call(tokens["ann-kk"]!, "GET", "/announcements", "/announcements")).json.items as { id: string }[]).some((x) => x.id === id));
    assert.equal((await call(tokens["ann-kk"]!, "POST", "/announcements", "/announcements", { title: "x", text: "y", audience: { districts: ["4002"] } })).status, 403);
    assert.equal((await call(tokens["ann-kk"]!, "POST", "/announcements", "/announcements", { title: "x", text: "y", audience: { province: true } })).status, 403);
    assert.equal((await call(tokens["ann-kk"]!, "POST", "/announcements", "/announcements", { title: "x", text: "y", audience: {} })).status, 400);
    assert.equal((await call(tokens["ann-kk"]!, "POST", "/announcements", "/announcements", { title: "x", text: "y".repeat(5001), audience: { districts: ["4001"] } })).status, 400);
    const foreign = await call(tokens["ann-admin"]!, "POST", "/announcements", "/announcements", { title: "x", text: "y", audience: { districts: ["4002"] } });
    assert.equal((await call(tokens["ann-kk"]!, "GET", `/announcements/${String(foreign.json.id)}`, "/announcements/{id}")).status, 404);
  });

  test("the report after a send: planned recipients, accepted requests and LINE's request ids", async () => {
    const created = await call(tokens["ann-admin"]!, "POST", "/announcements", "/announcements", { title: "วันต่อต้านคอร์รัปชัน", text: "ขอเชิญร่วมงาน", audience: { districts: ["4001", "4002"] } });
    const id = String(created.json.id);
    const adminActor = { id: officers["ann-admin"]!, role: "admin" as const, districts: [] };
    await requestSend(id, undefined, adminActor, new Date(), h.bot.deps.line);
    await approveAnnouncement(id, { id: officers["ann-admin2"]!, role: "admin", districts: [] }, new Date());
    await h.bot.deps.announcements!.sendNow(id);
    const report = await call(tokens["ann-admin"]!, "GET", `/announcements/${id}/report`, "/announcements/{id}/report");
    assert.equal(report.json.plannedRecipients, 622);
    assert.deepEqual(report.json.requests, { total: 2, accepted: 2, duplicate: 0, retried: 0, failed: 0 });
    const accepted = h.line.requests.filter((q) => q.endpoint === "multicast" && q.status === 200).map((q) => q.id).sort();
    assert.deepEqual([...(report.json.requestIds as string[])].sort(), accepted);
    assert.ok((report.json.timing as { durationMs: number }).durationMs >= 0);
  });
});
