import type { Request, RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { importMeetingsCsv, importVillagesCsv, type ImportResult } from "../../services/meeting-import.service";
import { clearStatsCache } from "../../services/stats.service";
import { csrfTokenOf, inScope, principalOf, scopeOf } from "../auth/principal";
import type { UploadedFile } from "../http/multipart";
import { field, flashFrom, sendPage } from "../http/render";
import { outOfScopeLines } from "../queries/import-scope.query";
import { writeAudit } from "../queries/audit.query";
import { importsView } from "../views/imports.view";

// CSV imports of villages and meetings (file upload or pasted text).
export function csvFromRequest(req: Request): string {
  const file = ((req.body as { files?: Record<string, UploadedFile> } | undefined)?.files ?? {}).file;
  if (file && file.data.length > 0) return file.data.toString("utf8");
  return field(req.body, "csv");
}

export function createImportsController(deps: AppDeps): Record<"show" | "villages" | "meetings", RequestHandler> {
  const cfg = { timezone: deps.config.timezone, reminderOffsets: deps.config.reminderOffsets };

  async function run(req: Request, res: Response, kind: "villages" | "meetings", load: (csv: string) => Promise<ImportResult>) {
    const p = principalOf(res);
    const csv = csvFromRequest(req);
    const scopeErrors = outOfScopeLines(csv, scopeOf(p));
    const result: ImportResult = scopeErrors.length ? { ok: false, errors: scopeErrors } : await load(csv);
    if (!result.ok) return sendPage(res, importsView({ principal: p, csrfToken: csrfTokenOf(res), errors: { kind, lines: result.errors } }), 400);
    clearStatsCache();
    await writeAudit({ at: deps.now(), actor: { kind: "officer", id: p.id }, action: `import.${kind}`, detail: { imported: result.imported, batchId: result.batchId } });
    res.redirect(303, `${kind === "villages" ? "/officer/headmen" : "/officer/meetings"}?msg=imported`);
  }

  return {
    show: (req, res) => sendPage(res, importsView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), flash: flashFrom(req) })),
    villages: (req, res) => run(req, res, "villages", (csv) => importVillagesCsv(csv)),
    meetings: (req, res) => run(req, res, "meetings", (csv) => importMeetingsCsv(csv, cfg, deps.now(), principalOf(res).id, (d) => inScope(scopeOf(principalOf(res)), d))),
  };
}
