import { getDistrict } from "../../content/areas/areas";
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from "../../models/complaint.model";
import { CATEGORY_LABELS } from "../complaint-labels";
import { StaleCache } from "../pledge-stats-cache";
import type { ResponseTimeRow } from "../case-clock/response-stats";
import { NO_DISTRICT, countTransparencyFigures, type FigureOptions, type TransparencyFigures } from "./transparency-figures";
import { primaryMarks, protectSharedColumns, publishCell, publishTotal, type Mark, type PublicCount } from "./small-counts";

// The public transparency figures (issue 23): what /transparency shows and
// /api/public/* serves as open data. Built from the exact figures with the
// small-count rule applied (small-counts.ts), at most once a minute: every request
// is answered from the last build (stale-while-revalidate), never counted per request.

export const OPEN_DATA_LICENCE = { name: "ครีเอทีฟคอมมอนส์ แสดงที่มา 4.0 (CC BY 4.0)", url: "https://creativecommons.org/licenses/by/4.0/deed.th" } as const;
export const BUILD_INTERVAL_MS = 60_000;

interface AreaRow {
  districtCode: string;
  district: string;
}

export interface PublicTransparency {
  campaignYear: number;
  generatedAt: string;
  licence: typeof OPEN_DATA_LICENCE;
  quarters: { quarter: number; from: string }[];
  pledges: { rows: (AreaRow & { line: PublicCount; meetings: PublicCount; total: PublicCount })[]; totals: { line: PublicCount; meetings: PublicCount; total: PublicCount } };
  meetings: { rows: (AreaRow & { held: PublicCount; attended: PublicCount })[]; totals: { held: PublicCount; attended: PublicCount } };
  complaints: {
    byDistrict: (AreaRow & { received: PublicCount[]; receivedTotal: PublicCount; closed: PublicCount[]; closedTotal: PublicCount })[];
    byCategory: { category: ComplaintCategory; label: string; received: PublicCount[]; receivedTotal: PublicCount; closed: PublicCount[]; closedTotal: PublicCount }[];
    totals: { received: PublicCount[]; receivedTotal: PublicCount; closed: PublicCount[]; closedTotal: PublicCount };
  };
  /**
   * Working days to the first response and to closing, and the share answered in time,
   * per district the cases went to (or "province") and quarter (issue 24). Without case
   * counts: they would group cases almost as the district table does and undo its
   * hidden cells. A figure resting on fewer than 5 cases is null (withheld).
   */
  responseTimes: { area: string; areaName: string; quarter: number; medianDaysToFirstResponse: number | null; medianDaysToClose: number | null; shareAnsweredInTime: number | null }[];
}

export type ResponseTimesSource = (range: { from: Date; to: Date }, now: Date) => Promise<ResponseTimeRow[]>;

function publishResponseTimes(rows: readonly ResponseTimeRow[], campaignYear: number): PublicTransparency["responseTimes"] {
  return rows
    .filter((r) => r.fiscalYear === campaignYear)
    .map((r) => ({
      area: r.area,
      areaName: r.area === "province" ? "ส่งถึงจังหวัด" : districtName(r.area),
      quarter: r.quarter,
      medianDaysToFirstResponse: r.medianDaysToFirstResponse,
      medianDaysToClose: r.medianDaysToClose,
      shareAnsweredInTime: r.shareAnsweredInTime === null ? null : Math.round(r.shareAnsweredInTime * 100) / 100,
    }));
}

const districtName = (code: string) => (code === NO_DISTRICT ? "ไม่ระบุอำเภอ" : (getDistrict(code)?.nameTh ?? code));
const column = <T>(grid: readonly (readonly T[])[], c: number): T[] => grid.map((row) => row[c]!);
const quarters = [0, 1, 2, 3];

/** A one-measure column over districts: cells and the column total. */
function publishColumn(values: number[]): { cells: PublicCount[]; total: PublicCount; marks: Mark[] } {
  const marks = primaryMarks([values])[0]!;
  return { cells: values.map((n, i) => publishCell(n, marks[i]!)), total: publishTotal(values, marks), marks };
}

function publishQuarterGrids(byDistrict: number[][], byCategory: number[][]) {
  const [md, mc] = protectSharedColumns(byDistrict, byCategory, 4);
  const cells = (grid: number[][], marks: Mark[][]) => grid.map((row, r) => row.map((n, q) => publishCell(n, marks[r]![q]!)));
  const rowTotals = (grid: number[][], marks: Mark[][]) => grid.map((row, r) => publishTotal(row, marks[r]!));
  return {
    district: { cells: cells(byDistrict, md), totals: rowTotals(byDistrict, md) },
    category: { cells: cells(byCategory, mc), totals: rowTotals(byCategory, mc) },
    columnTotals: quarters.map((q) => publishTotal(column(byDistrict, q), column(md, q))),
    grandTotal: publishTotal(byDistrict.flat(), md.flat()),
  };
}

/** The public figures from exact ones: pure, so tests can check the rule on any figures. */
export function publishTransparency(f: TransparencyFigures, generatedAt: Date, responseTimes: readonly ResponseTimeRow[] = []): PublicTransparency {
  const districts = f.districtCodes.filter((c) => c !== NO_DISTRICT).map((code, i) => ({ i, code }));
  const area = (code: string) => ({ districtCode: code, district: districtName(code) });

  const line = publishColumn(districts.map((d) => f.pledgesLine[d.i]!));
  const meet = publishColumn(districts.map((d) => f.pledgesMeetings[d.i]!));
  const pledgeRows = districts.map((d, k) => ({
    ...area(d.code),
    line: line.cells[k]!,
    meetings: meet.cells[k]!,
    total: publishTotal([f.pledgesLine[d.i]!, f.pledgesMeetings[d.i]!], [line.marks[k]!, meet.marks[k]!]),
  }));
  const all = districts.flatMap((d) => [f.pledgesLine[d.i]!, f.pledgesMeetings[d.i]!]);
  const allMarks = districts.flatMap((_, k) => [line.marks[k]!, meet.marks[k]!]);

  const held = publishColumn(districts.map((d) => f.meetingsHeld[d.i]!));
  const attended = publishColumn(districts.map((d) => f.meetingsAttended[d.i]!));

  // The no-district row is shown only when it has cases.
  const complaintRows = f.districtCodes.map((code, i) => ({ code, i })).filter(({ code, i }) => code !== NO_DISTRICT || f.received[i]!.some(Boolean) || f.closed[i]!.some(Boolean));
  const pick = (grid: number[][]) => complaintRows.map(({ i }) => grid[i]!);
  const rec = publishQuarterGrids(pick(f.received), f.receivedByCategory);
  const clo = publishQuarterGrids(pick(f.closed), f.closedByCategory);

  return {
    campaignYear: f.campaignYear,
    generatedAt: generatedAt.toISOString(),
    licence: OPEN_DATA_LICENCE,
    quarters: f.quarterStarts.map((d, q) => ({ quarter: q + 1, from: d.toISOString() })),
    pledges: { rows: pledgeRows, totals: { line: line.total, meetings: meet.total, total: publishTotal(all, allMarks) } },
    meetings: {
      rows: districts.map((d, k) => ({ ...area(d.code), held: held.cells[k]!, attended: attended.cells[k]! })),
      totals: { held: held.total, attended: attended.total },
    },
    complaints: {
      byDistrict: complaintRows.map(({ code }, k) => ({
        ...area(code),
        received: rec.district.cells[k]!,
        receivedTotal: rec.district.totals[k]!,
        closed: clo.district.cells[k]!,
        closedTotal: clo.district.totals[k]!,
      })),
      byCategory: COMPLAINT_CATEGORIES.map((category, k) => ({
        category,
        label: CATEGORY_LABELS[category],
        received: rec.category.cells[k]!,
        receivedTotal: rec.category.totals[k]!,
        closed: clo.category.cells[k]!,
        closedTotal: clo.category.totals[k]!,
      })),
      totals: { received: rec.columnTotals, receivedTotal: rec.grandTotal, closed: clo.columnTotals, closedTotal: clo.grandTotal },
    },
    responseTimes: publishResponseTimes(responseTimes, f.campaignYear),
  };
}

export interface TransparencySource {
  /** The last build, or the first one if none exists yet. */
  current(): Promise<PublicTransparency>;
  /** How many times the figures were counted (the cache's guarantee is measurable). */
  builds(): number;
}

export function createTransparencySource(o: Omit<FigureOptions, "now"> & { now: () => Date; intervalMs?: number; responseTimes?: ResponseTimesSource }): TransparencySource {
  const cache = new StaleCache<PublicTransparency>(o.intervalMs ?? BUILD_INTERVAL_MS, () => o.now().getTime());
  let count = 0;
  const build = async () => {
    count++;
    const now = o.now();
    const figures = await countTransparencyFigures({ now, startMonth: o.startMonth, timeZone: o.timeZone });
    const range = { from: figures.quarterStarts[0]!, to: now };
    return publishTransparency(figures, now, o.responseTimes ? await o.responseTimes(range, now) : []);
  };
  return { current: () => cache.get("public", build), builds: () => count };
}
