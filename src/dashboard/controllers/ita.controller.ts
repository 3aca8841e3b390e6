import type { RequestHandler } from "express";
import type { AppDeps } from "../../app-deps";
import { ForbiddenError } from "../../errors";
import { PROVINCE, buildItaPack, checkPackScope, type Agency } from "../../services/ita/ita-pack.service";
import { itaWorkbook } from "../../services/ita/ita-workbook";
import { openMeetingPhoto } from "../../services/meeting-photo.service";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { field, sendPage } from "../http/render";
import { currentCampaignYear, parseCampaignYear } from "../queries/progress.query";
import { writeAudit } from "../queries/audit.query";
import { itaFormView } from "../views/ita-form.view";
import { itaPackView } from "../views/ita-pack.view";

// /officer/ita: the ITA evidence pack (issue 23). Officers build packs for their own
// districts, admins for any agency; every generation is audited with its format. The
// pack links the headmen's meeting photos, served (and audited) one by one by `photo`.
export function createItaController(deps: AppDeps): Record<"form" | "pack" | "workbook" | "photo", RequestHandler> {
  async function build(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], format: "html" | "xlsx") {
    const p = principalOf(res);
    const agency: Agency = field(req.query, "agency") || (p.role === "admin" ? PROVINCE : (p.districts[0] ?? PROVINCE));
    checkPackScope(agency, p);
    const campaignYear = parseCampaignYear(deps, req.query.year);
    const pack = await buildItaPack({ agency, campaignYear, startMonth: deps.config.campaignYearStartMonth, timeZone: deps.config.timezone, now: deps.now() });
    await writeAudit({ at: deps.now(), actor: { kind: "officer", id: p.id }, action: "ita.pack_generated", detail: { agency, campaignYear, format } });
    return pack;
  }
  return {
    form(_req, res) {
      const p = principalOf(res);
      const current = currentCampaignYear(deps);
      if (p.role !== "admin" && p.districts.length === 0) throw new ForbiddenError("no districts");
      sendPage(res, itaFormView({ principal: p, csrfToken: csrfTokenOf(res), years: [current, current - 1, current - 2] }));
    },
    async pack(req, res) {
      const pack = await build(req, res, "html");
      res.type("html").send(itaPackView(pack, deps.config.timezone).toString());
    },
    async workbook(req, res) {
      const pack = await build(req, res, "xlsx");
      res
        .set("Content-Disposition", `attachment; filename="ita-${pack.agency}-${pack.campaignYear}.xlsx"`)
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send(await itaWorkbook(pack, deps.config.timezone));
    },
    /** GET /officer/ita/photos/:fileId: officers of the report's district, admins all; 404 otherwise. */
    async photo(req, res) {
      const p = principalOf(res);
      const file = await openMeetingPhoto({ id: p.id, districts: p.role === "admin" ? "all" : p.districts }, String(req.params.fileId), deps.now());
      res.status(200).set({ "Content-Type": file.contentType, "Content-Length": String(file.size), "Content-Disposition": "inline" });
      file.stream.on("error", (err) => {
        deps.logger.warn("meeting photo stream failed", { err: err.message });
        res.destroy(err);
      });
      file.stream.pipe(res);
    },
  };
}
