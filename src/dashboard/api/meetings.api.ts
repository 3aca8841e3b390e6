import type { Router } from "express";
import express from "express";
import type { AppDeps } from "../../app-deps";
import { ForbiddenError } from "../../errors";
import type { MeetingDoc } from "../../models/meeting.model";
import { issueHeadmanCode } from "../../services/headman.service";
import { importMeetingsCsv, importVillagesCsv, type ImportResult } from "../../services/meeting-import.service";
import { cancelMeeting, createMeeting, updateMeeting } from "../../services/meeting.service";
import { getDeliveryLog, recurrenceOf } from "../../services/reminder.service";
import { clearStatsCache } from "../../services/stats.service";
import { villageRef } from "../../services/village.service";
import { requireApi } from "../auth/auth.middleware";
import { inScope, principalOf, scopeOf, type Scope } from "../auth/principal";
import { field } from "../http/render";
import { writeAudit } from "../queries/audit.query";
import { outOfScopeLines } from "../queries/import-scope.query";
import { meetingInScope, meetingReports, meetingsInScope, nextStart } from "../queries/meetings.query";
import { headmanCodeInput, meetingCreateInput, meetingPatchInput, parseBody } from "./api-input";

// /api/meetings, /api/imports, /api/headman-codes: meetings and headmen for integrations.
const CASES = ["admin", "officer"] as const;

export function meetingJson(m: MeetingDoc, next: Date | null) {
  return {
    id: String(m._id),
    scope: m.scope,
    districtCode: m.districtCode,
    ...(m.tambonCode ? { tambonCode: m.tambonCode } : {}),
    ...(m.villageNo ? { villageNo: m.villageNo } : {}),
    title: m.title,
    place: m.place,
    agenda: [...m.agenda],
    recurrence: recurrenceOf(m),
    durationMinutes: m.durationMinutes ?? 120,
    state: m.state,
    ...(m.cancelledAt ? { cancelledAt: m.cancelledAt } : {}),
    ...(next ? { nextStart: next } : {}),
  };
}

export function mountMeetingApi(r: Router, deps: AppDeps): void {
  const cfg = { timezone: deps.config.timezone, reminderOffsets: deps.config.reminderOffsets };
  const json = (m: MeetingDoc) => meetingJson(m, nextStart(m, deps.now(), deps.config.timezone));

  r.get("/meetings", requireApi(...CASES), async (req, res) => {
    const list = await meetingsInScope(scopeOf(principalOf(res)), field(req.query, "district") || undefined, field(req.query, "includeCancelled") === "true");
    res.json({ items: list.map(json) });
  });

  r.post("/meetings", requireApi(...CASES), async (req, res) => {
    const p = principalOf(res);
    const b = parseBody(meetingCreateInput, req.body);
    const village = b.scope === "village" ? villageRef(b.tambonCode ?? "", b.villageNo ?? 0) : undefined;
    const districtCode = village?.districtCode ?? b.districtCode;
    if (!inScope(scopeOf(p), districtCode)) throw new ForbiddenError("district out of scope", "not one of your districts");
    const m = await createMeeting({ ...b, village, districtCode, createdBy: p.id }, cfg, deps.now());
    res.status(201).json(json(m));
  });

  r.get("/meetings/:id", requireApi(...CASES), async (req, res) => {
    res.json(json(await meetingInScope(scopeOf(principalOf(res)), String(req.params.id))));
  });

  r.patch("/meetings/:id", requireApi(...CASES), async (req, res) => {
    const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
    res.json(json(await updateMeeting(m._id, parseBody(meetingPatchInput, req.body), cfg, deps.now())));
  });

  r.post("/meetings/:id/cancel", requireApi(...CASES), async (req, res) => {
    const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
    res.json(json(await cancelMeeting(m._id, deps.now())));
  });

  r.get("/meetings/:id/reminders", requireApi(...CASES), async (req, res) => {
    const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
    res.json({ items: await getDeliveryLog(m._id) });
  });

  r.get("/meetings/:id/reports", requireApi(...CASES), async (req, res) => {
    const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
    const items = (await meetingReports(m._id)).map((x) => ({
      occurrenceStart: x.occurrenceStart, districtCode: x.districtCode, tambonCode: x.tambonCode, villageNo: x.villageNo,
      attendedCount: x.attendedCount, pledgedCount: x.pledgedCount, reporterRole: x.reporterRole, reportedAt: x.reportedAt, monthKey: x.monthKey,
    }));
    res.json({ items });
  });

  const csvBody = express.text({ type: ["text/csv", "text/plain"], limit: "2mb" });
  const runImport = (kind: "villages" | "meetings", load: (csv: string, officerId: string, scope: Scope) => Promise<ImportResult>) =>
    [requireApi(...CASES), csvBody, async (req: express.Request, res: express.Response) => {
      const p = principalOf(res);
      const csv = typeof req.body === "string" ? req.body : "";
      const scopeErrors = outOfScopeLines(csv, scopeOf(p));
      const result: ImportResult = scopeErrors.length ? { ok: false, errors: scopeErrors } : await load(csv, p.id, scopeOf(p));
      if (!result.ok) return void res.status(400).json({ error: "validation", message: "the CSV has errors; nothing was imported", lines: result.errors });
      clearStatsCache();
      await writeAudit({ at: deps.now(), actor: { kind: "officer", id: p.id }, action: `import.${kind}`, detail: { imported: result.imported, batchId: result.batchId } });
      res.json({ imported: result.imported, batchId: result.batchId });
    }] as const;
  r.post("/imports/villages", ...runImport("villages", (csv) => importVillagesCsv(csv)));
  r.post("/imports/meetings", ...runImport("meetings", (csv, id, scope) => importMeetingsCsv(csv, cfg, deps.now(), id, (d) => inScope(scope, d))));

  r.post("/headman-codes", requireApi(...CASES), async (req, res) => {
    const p = principalOf(res);
    const b = parseBody(headmanCodeInput, req.body);
    const village = villageRef(b.tambonCode, b.villageNo);
    if (!inScope(scopeOf(p), village.districtCode)) throw new ForbiddenError("district out of scope", "not one of your districts");
    const issued = await issueHeadmanCode({ village, role: b.role, issuedBy: p.id, now: deps.now() });
    await writeAudit({ at: deps.now(), actor: { kind: "officer", id: p.id }, action: "headman.code_issued", detail: { tambonCode: village.tambonCode, villageNo: village.villageNo, role: issued.role } });
    res.status(201).json({ code: issued.code, role: issued.role, ...issued.village, expiresAt: issued.expiresAt });
  });
}
