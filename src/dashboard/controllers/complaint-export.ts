import type { Response } from "express";
import type { AppDeps } from "../../app-deps";
import { exportComplaintRows, type ComplaintExportRow, type ComplaintFilter } from "../../services/complaint-query.service";
import type { Principal } from "../auth/principal";
import { writeCsvStream, type CsvValue } from "../csv/csv-writer";
import { actorOf, officerScopeOf } from "../queries/complaint-filter.query";
import { zonedParts } from "../../util/thai-date";

// Streamed exports of the complaint log (CSV for Excel, JSON for systems). Rows
// come from a cursor, so memory stays flat however many cases there are. Scope
// and identity rules are the complaint service's; anonymous reporters never appear.
export const EXPORT_COLUMNS: { key: keyof ComplaintExportRow; label: string }[] = [
  { key: "trackingCode", label: "รหัสติดตาม" },
  { key: "submittedAtThai", label: "วันที่แจ้ง" },
  { key: "submittedAt", label: "วันที่แจ้ง (ISO)" },
  { key: "category", label: "ประเภท" },
  { key: "status", label: "สถานะ" },
  { key: "referredTo", label: "ส่งต่อไปยัง" },
  { key: "routedLevel", label: "ระดับที่รับผิดชอบ" },
  { key: "area", label: "พื้นที่" },
  { key: "latitude", label: "ละติจูด" },
  { key: "longitude", label: "ลองจิจูด" },
  { key: "when", label: "เกิดเหตุเมื่อ" },
  { key: "who", label: "ผู้ถูกกล่าวหา" },
  { key: "what", label: "เรื่องที่แจ้ง" },
  { key: "evidenceCount", label: "จำนวนรูปหลักฐาน" },
  { key: "anonymous", label: "ไม่เปิดเผยตัวตน" },
  { key: "lastUpdateAt", label: "อัปเดตล่าสุด" },
  { key: "lastUpdateNote", label: "บันทึกล่าสุด" },
  { key: "reporterName", label: "ชื่อผู้แจ้ง" },
  { key: "reporterPhone", label: "โทรศัพท์ผู้แจ้ง" },
];

/** The export's date in file names: the calendar day in Bangkok (APP_TIMEZONE), not UTC. */
export function stamp(deps: Pick<AppDeps, "now" | "config">): string {
  const p = zonedParts(deps.now(), deps.config.timezone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** Yes/no columns read as Thai words in Excel, not true/false. */
function thaiCell(v: CsvValue): CsvValue {
  return typeof v === "boolean" ? (v ? "ใช่" : "ไม่ใช่") : v;
}

export async function streamComplaintCsv(deps: AppDeps, res: Response, p: Principal, filter: ComplaintFilter, includeIdentity: boolean): Promise<number> {
  const rows = exportComplaintRows(deps, officerScopeOf(p), actorOf(p), filter, { includeIdentity });
  // Pull the first row before the headers: a refused export still gets a proper error page.
  const first = await rows.next();
  res.status(200).type("text/csv; charset=utf-8").set("Content-Disposition", `attachment; filename="complaints-${stamp(deps)}.csv"`);
  async function* cells(): AsyncGenerator<CsvValue[]> {
    if (!first.done) yield EXPORT_COLUMNS.map((c) => thaiCell(first.value[c.key]));
    for await (const r of rows) yield EXPORT_COLUMNS.map((c) => thaiCell(r[c.key]));
  }
  const n = await writeCsvStream(res, EXPORT_COLUMNS.map((c) => c.label), cells());
  res.end();
  return n;
}

export async function streamComplaintJson(deps: AppDeps, res: Response, p: Principal, filter: ComplaintFilter, includeIdentity: boolean, attachment: boolean): Promise<number> {
  const rows = exportComplaintRows(deps, officerScopeOf(p), actorOf(p), filter, { includeIdentity });
  const first = await rows.next();
  res.status(200).type("application/json; charset=utf-8");
  if (attachment) res.set("Content-Disposition", `attachment; filename="complaints-${stamp(deps)}.json"`);
  let n = 0;
  let buf = "[";
  const flush = async (force = false) => {
    if (!force && buf.length < 64 * 1024) return;
    if (!res.write(buf)) await new Promise((r) => res.once("drain", r));
    buf = "";
  };
  if (!first.done) {
    buf += JSON.stringify(first.value);
    n = 1;
    for await (const r of rows) {
      buf += "," + JSON.stringify(r);
      n += 1;
      await flush();
    }
  }
  buf += "]";
  await flush(true);
  res.end();
  return n;
}
