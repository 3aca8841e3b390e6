import type { Router } from "express";
import type { AppDeps } from "../../app-deps";
import {
  addInternalNote,
  changeStatus,
  getComplaint,
  listComplaints,
  messageReporter,
  revealIdentity,
} from "../../services/complaint-query.service";
import { requireApi } from "../auth/auth.middleware";
import { principalOf } from "../auth/principal";
import { streamComplaintCsv, streamComplaintJson } from "../controllers/complaint-export";
import { field } from "../http/render";
import { actorOf, officerScopeOf, readComplaintFilterParams, toComplaintFilter } from "../queries/complaint-filter.query";
import { messageInput, noteInput, parseBody, statusInput } from "./api-input";

// /api/complaints: the complaint log for integrations, same rules as the pages.
const CASES = ["admin", "officer"] as const;

function intParam(v: unknown, def: number, min: number, max: number): number {
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : def;
  return Math.min(max, Math.max(min, n));
}

export function mountComplaintApi(r: Router, deps: AppDeps): void {
  const tz = deps.config.timezone;
  const wf = { outbox: deps.outbox, sealer: deps.sealer, config: deps.config, now: deps.now };
  const ctx = (res: Parameters<typeof principalOf>[0]) => {
    const p = principalOf(res);
    return { p, scope: officerScopeOf(p), actor: actorOf(p) };
  };

  r.get("/complaints", requireApi(...CASES), async (req, res) => {
    const { scope } = ctx(res);
    const page = await listComplaints(scope, toComplaintFilter(readComplaintFilterParams(req.query), tz), {
      page: intParam(req.query.page, 1, 1, 100_000),
      pageSize: intParam(req.query.pageSize, 20, 1, 100),
    });
    res.json(page);
  });

  r.get("/complaints/export", requireApi(...CASES), async (req, res) => {
    const { p } = ctx(res);
    const filter = toComplaintFilter(readComplaintFilterParams(req.query), tz);
    const identity = field(req.query, "identity") === "1";
    if (field(req.query, "format") === "csv") await streamComplaintCsv(deps, res, p, filter, identity);
    else await streamComplaintJson(deps, res, p, filter, identity, false);
  });

  r.get("/complaints/:id", requireApi(...CASES), async (req, res) => {
    const { scope, actor } = ctx(res);
    res.json(await getComplaint(deps, scope, actor, String(req.params.id)));
  });

  r.post("/complaints/:id/identity", requireApi(...CASES), async (req, res) => {
    const { scope, actor } = ctx(res);
    res.json(await revealIdentity(deps, scope, actor, String(req.params.id)));
  });

  r.post("/complaints/:id/status", requireApi(...CASES), async (req, res) => {
    const { scope, actor } = ctx(res);
    const b = parseBody(statusInput, req.body);
    res.json(await changeStatus(wf, scope, actor, { complaintId: String(req.params.id), ...b }));
  });

  r.post("/complaints/:id/notes", requireApi(...CASES), async (req, res) => {
    const { scope, actor } = ctx(res);
    const b = parseBody(noteInput, req.body);
    res.json(await addInternalNote(wf, scope, actor, { complaintId: String(req.params.id), text: b.text }));
  });

  r.post("/complaints/:id/messages", requireApi(...CASES), async (req, res) => {
    const { scope, actor } = ctx(res);
    const b = parseBody(messageInput, req.body);
    res.json(await messageReporter(wf, scope, actor, { complaintId: String(req.params.id), ...b }));
  });
}
