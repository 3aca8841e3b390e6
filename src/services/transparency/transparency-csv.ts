import type { CsvValue } from "../../dashboard/csv/csv-writer";
import { countText, type PublicCount } from "./small-counts";
import type { PublicTransparency } from "./transparency.service";

// The open data as one long CSV: a row per published figure, so spreadsheets can
// pivot it. "value" is the figure as shown; "exact" only where it is published exactly.
export const TRANSPARENCY_CSV_HEADER = ["campaign_year", "table", "district_code", "district", "category", "quarter", "measure", "value", "exact"] as const;

export function transparencyCsvRows(t: PublicTransparency): CsvValue[][] {
  const rows: CsvValue[][] = [];
  const add = (table: string, area: { districtCode?: string; district?: string }, category: string, quarter: number | "all", measure: string, c: PublicCount) =>
    rows.push([t.campaignYear, table, area.districtCode ?? "", area.district ?? "ทั้งจังหวัด", category, quarter, measure, countText(c), c.kind === "exact" ? c.value : ""]);
  for (const r of t.pledges.rows) for (const m of ["line", "meetings", "total"] as const) add("pledges", r, "", "all", m, r[m]);
  for (const m of ["line", "meetings", "total"] as const) add("pledges", {}, "", "all", m, t.pledges.totals[m]);
  for (const r of t.meetings.rows) for (const m of ["held", "attended"] as const) add("meetings", r, "", "all", m, r[m]);
  for (const m of ["held", "attended"] as const) add("meetings", {}, "", "all", m, t.meetings.totals[m]);
  for (const measure of ["received", "closed"] as const) {
    const total = measure === "received" ? "receivedTotal" : "closedTotal";
    for (const r of t.complaints.byDistrict) {
      r[measure].forEach((c, q) => add("complaints_by_district", r, "", q + 1, measure, c));
      add("complaints_by_district", r, "", "all", measure, r[total]);
    }
    for (const r of t.complaints.byCategory) {
      r[measure].forEach((c, q) => add("complaints_by_category", {}, r.category, q + 1, measure, c));
      add("complaints_by_category", {}, r.category, "all", measure, r[total]);
    }
    t.complaints.totals[measure].forEach((c, q) => add("complaints_by_district", {}, "", q + 1, measure, c));
    add("complaints_by_district", {}, "", "all", measure, t.complaints.totals[total]);
  }
  for (const r of t.responseTimes) {
    const area = { districtCode: r.area === "province" ? "" : r.area, district: r.areaName };
    for (const m of ["medianDaysToFirstResponse", "medianDaysToClose", "shareAnsweredInTime"] as const) {
      const v = r[m];
      rows.push([t.campaignYear, "response_times", area.districtCode, area.district, "", r.quarter, m, v === null ? "<5" : v, v ?? ""]);
    }
  }
  return rows;
}
