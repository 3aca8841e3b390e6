import type { RequestHandler } from "express";
import type { AppDeps } from "../../app-deps";
import { importHolidaysCsv, listHolidays } from "../../services/holiday.service";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { field, flashFrom, sendPage } from "../http/render";
import { writeAudit } from "../queries/audit.query";
import { dayKeyIn } from "../../util/working-days";
import { csvFromRequest } from "./imports.controller";
import { holidaysView } from "../views/holidays.view";

// /officer/holidays (admins): the yearly holiday list the deadlines skip.
export function createHolidaysController(deps: AppDeps): Record<"show" | "import", RequestHandler> {
  const yearOf = (raw: string) => {
    const y = Number(raw);
    return Number.isInteger(y) && y >= 2000 && y <= 2200 ? y : Number(dayKeyIn(deps.now(), deps.config.timezone).slice(0, 4));
  };
  return {
    async show(req, res) {
      const year = yearOf(field(req.query, "year"));
      sendPage(res, holidaysView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), year, holidays: await listHolidays(year), timezone: deps.config.timezone, flash: flashFrom(req) }));
    },
    async import(req, res) {
      const p = principalOf(res);
      const year = yearOf(field(req.body, "year"));
      const result = await importHolidaysCsv(csvFromRequest(req), year, p.id, deps.now());
      if (!result.ok) {
        return sendPage(res, holidaysView({ principal: p, csrfToken: csrfTokenOf(res), year, holidays: await listHolidays(year), errors: result.errors, timezone: deps.config.timezone }), 400);
      }
      await writeAudit({ at: deps.now(), actor: { kind: "officer", id: p.id }, action: "import.holidays", detail: { year, imported: result.imported } });
      res.redirect(303, `/officer/holidays?year=${year}&msg=imported`);
    },
  };
}
