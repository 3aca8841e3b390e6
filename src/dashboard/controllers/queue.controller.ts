import type { RequestHandler } from "express";
import type { AppDeps } from "../../app-deps";
import { caseQueue } from "../../services/case-clock/case-queue";
import { holidaySet } from "../../services/holiday.service";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { field, flashFrom, sendPage } from "../http/render";
import { queueView } from "../views/queue.view";

// /officer/queue: open cases by time left (issue 24).
export function createQueueController(deps: AppDeps): Record<"show", RequestHandler> {
  return {
    async show(req, res) {
      const p = principalOf(res);
      const now = deps.now();
      const overdueOnly = field(req.query, "overdue") === "1";
      const queue = await caseQueue({ districts: p.role === "admin" ? "all" : p.districts }, now, deps.config.timezone, await holidaySet(now.getTime()), { overdueOnly });
      sendPage(res, queueView({ principal: p, csrfToken: csrfTokenOf(res), queue, overdueOnly, timezone: deps.config.timezone, flash: flashFrom(req) }));
    },
  };
}
