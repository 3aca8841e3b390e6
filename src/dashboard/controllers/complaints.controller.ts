import type { Request, RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { DomainError } from "../../errors";
import type { ComplaintStatus, ReferralTarget } from "../../models/complaint.model";
import {
  addInternalNote,
  changeStatus,
  getComplaint,
  listComplaints,
  messageReporter,
  openComplaintEvidence,
  revealIdentity,
  type ReporterIdentity,
} from "../../services/complaint-query.service";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { field, flashFrom, pageNumber, sendPage } from "../http/render";
import { actorOf, officerScopeOf, readComplaintFilterParams, toComplaintFilter } from "../queries/complaint-filter.query";
import { officerNames } from "../queries/officer-names.query";
import { streamComplaintCsv, streamComplaintJson } from "./complaint-export";
import { complaintDetailView } from "../views/complaint-detail.view";
import { caseClockPanelFor } from "./case-clock-panel";
import { complaintListView } from "../views/complaint-list.view";
import type { Flash } from "../views/layout.view";

// The complaint log pages. Scope, audit and pushes live in the complaint service;
// this file reads forms, calls it, and picks the page or redirect.
export const COMPLAINTS_PAGE_SIZE = 20;
type Handlers = "list" | "show" | "revealIdentity" | "changeStatus" | "addNote" | "message" | "evidence" | "exportCsv" | "exportJson";

export function createComplaintsController(deps: AppDeps): Record<Handlers, RequestHandler> {
  const tz = deps.config.timezone;
  const workflowDeps = { outbox: deps.outbox, sealer: deps.sealer, config: deps.config, now: deps.now };

  async function renderDetail(req: Request, res: Response, opts: { identity?: ReporterIdentity; flash?: Flash; status?: number } = {}) {
    const p = principalOf(res);
    const complaint = await getComplaint(deps, officerScopeOf(p), actorOf(p), String(req.params.id));
    const names = await officerNames([...complaint.statusHistory.map((s) => s.actor.id), ...complaint.thread.map((m) => m.actor?.id), ...complaint.internalNotes.map((n) => n.actor.id)]);
    const clock = await caseClockPanelFor(deps, complaint.id);
    sendPage(res, complaintDetailView({ principal: p, csrfToken: csrfTokenOf(res), complaint, names, identity: opts.identity, timezone: tz, flash: opts.flash ?? flashFrom(req), clock }), opts.status);
  }

  /** Runs a complaint action; a domain error re-renders the case with the Thai message. */
  async function act(req: Request, res: Response, msg: string, run: () => Promise<unknown>) {
    try {
      await run();
    } catch (err) {
      if (err instanceof DomainError && err.code !== "not_found") {
        return renderDetail(req, res, { flash: { kind: "error", text: err.userMessage ?? "ทำรายการไม่สำเร็จค่ะ" }, status: err.code === "conflict" ? 409 : 400 });
      }
      throw err;
    }
    res.redirect(303, `/officer/complaints/${String(req.params.id)}?msg=${msg}`);
  }

  return {
    async list(req, res) {
      const p = principalOf(res);
      const params = readComplaintFilterParams(req.query);
      const page = await listComplaints(officerScopeOf(p), toComplaintFilter(params, tz), { page: pageNumber(req.query.page), pageSize: COMPLAINTS_PAGE_SIZE });
      // A search by tracking code that finds exactly one case opens it.
      if (params.code && page.total === 1 && page.items.length === 1) return void res.redirect(303, `/officer/complaints/${page.items[0]!.id}`);
      sendPage(res, complaintListView({ principal: p, csrfToken: csrfTokenOf(res), page, params, timezone: tz, flash: flashFrom(req) }));
    },

    show: (req, res) => renderDetail(req, res),

    async revealIdentity(req, res) {
      const p = principalOf(res);
      let identity: ReporterIdentity;
      try {
        identity = await revealIdentity(deps, officerScopeOf(p), actorOf(p), String(req.params.id));
      } catch (err) {
        if (err instanceof DomainError && err.code === "forbidden") return renderDetail(req, res, { flash: { kind: "error", text: err.userMessage ?? "ไม่มีสิทธิ์ค่ะ" }, status: 403 });
        throw err;
      }
      await renderDetail(req, res, { identity });
    },

    changeStatus: (req, res) =>
      act(req, res, "status", () => {
        const p = principalOf(res);
        const referredTo = field(req.body, "referredTo");
        return changeStatus(workflowDeps, officerScopeOf(p), actorOf(p), {
          complaintId: String(req.params.id),
          to: field(req.body, "to") as ComplaintStatus,
          note: field(req.body, "note"),
          referredTo: referredTo ? (referredTo as ReferralTarget) : undefined,
          referredAgency: field(req.body, "referredAgency") || undefined,
          expectedStatus: (field(req.body, "expectedStatus") || undefined) as ComplaintStatus | undefined,
        });
      }),

    addNote: (req, res) =>
      act(req, res, "note", () => {
        const p = principalOf(res);
        return addInternalNote(workflowDeps, officerScopeOf(p), actorOf(p), { complaintId: String(req.params.id), text: field(req.body, "text") });
      }),

    message: (req, res) =>
      act(req, res, "message", () => {
        const p = principalOf(res);
        return messageReporter(workflowDeps, officerScopeOf(p), actorOf(p), { complaintId: String(req.params.id), text: field(req.body, "text"), expectsReply: field(req.body, "expectsReply") === "on" });
      }),

    async evidence(req, res) {
      const p = principalOf(res);
      const file = await openComplaintEvidence(deps, officerScopeOf(p), actorOf(p), String(req.params.id), String(req.params.fileId));
      res.status(200).set({ "Content-Type": file.contentType, "Content-Length": String(file.size), "Content-Disposition": "inline" });
      file.stream.on("error", (err) => {
        deps.logger.warn("evidence stream failed", { err: err.message });
        res.destroy(err);
      });
      file.stream.pipe(res);
    },

    // GET exports carry no identity. Reporter identities come only by POST with the
    // form's CSRF token (like the reveal button), so another site cannot trigger
    // an identity export or its audit entries.
    async exportCsv(req, res) {
      const p = principalOf(res);
      if (req.method === "GET" && field(req.query, "identity") === "1") return void res.status(405).set("Allow", "POST").type("text").send("identity exports are POST with the form token");
      const params = req.method === "POST" ? req.body : req.query;
      await streamComplaintCsv(deps, res, p, toComplaintFilter(readComplaintFilterParams(params), tz), req.method === "POST" && field(params, "identity") === "1");
    },

    async exportJson(req, res) {
      const p = principalOf(res);
      if (req.method === "GET" && field(req.query, "identity") === "1") return void res.status(405).set("Allow", "POST").type("text").send("identity exports are POST with the form token");
      const params = req.method === "POST" ? req.body : req.query;
      await streamComplaintJson(deps, res, p, toComplaintFilter(readComplaintFilterParams(params), tz), req.method === "POST" && field(params, "identity") === "1", true);
    },
  };
}
