import type { Router } from "express";
import type { TransparencySource } from "../../services/transparency/transparency.service";
import { transparencyCsvRows, TRANSPARENCY_CSV_HEADER } from "../../services/transparency/transparency-csv";
import { csvDocument } from "../csv/csv-writer";

// /api/public/*: open data, no token (issue 23). Answers come from the last build
// (at most one a minute), so they may be cached by anyone for a minute.
const PUBLIC_CACHE = "public, max-age=60";

export function mountPublicApi(r: Router, source: TransparencySource): void {
  r.get("/public/transparency", async (_req, res) => {
    const t = await source.current();
    res.set({ "Cache-Control": PUBLIC_CACHE, "Access-Control-Allow-Origin": "*" }).json(t);
  });
  r.get("/public/transparency.csv", async (_req, res) => {
    const t = await source.current();
    res
      .set({ "Cache-Control": PUBLIC_CACHE, "Access-Control-Allow-Origin": "*", "Content-Disposition": `attachment; filename="sujarit-transparency-${t.campaignYear}.csv"` })
      .type("text/csv; charset=utf-8")
      .send(csvDocument(TRANSPARENCY_CSV_HEADER, transparencyCsvRows(t)));
  });
}
