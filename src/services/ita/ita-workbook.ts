import { getDistrict } from "../../content/areas/areas";
import { COMPLAINT_CATEGORIES } from "../../models/complaint.model";
import { CATEGORY_LABELS } from "../complaint-labels";
import { formatThaiDate } from "../../util/thai-date";
import { PACK_STATUS_GROUPS, type ItaPack } from "./ita-pack.service";
import { FILING_CHANNELS, FILING_STEPS, PACK_GROUP_LABELS, QUARTER_LABELS, ROUTING_RULE, monthLabel } from "./ita-text";

// The ITA pack as an XLSX workbook (write-excel-file, MIT, whose only dependency is
// fflate): the same tables as the printable page, one sheet each, with Thai headers, for
// agencies that paste them into their OIT forms. Strings are written as strings, never
// as formulas. (exceljs was dropped: its unzipper brings a package with no licence.)
type Cell = string | number | null;
type Sheet = { sheet: string; data: { value: Cell; type?: StringConstructor | NumberConstructor; fontWeight?: "bold" }[][]; columns: { width: number }[]; stickyRowsCount: number };

function sheet(name: string, header: string[], rows: Cell[][]): Sheet {
  const cell = (value: Cell) => (typeof value === "number" ? { value, type: Number } : { value: value ?? "", type: String });
  const width = (i: number) => Math.min(60, Math.max(10, ...[header[i] ?? "", ...rows.map((r) => String(r[i] ?? ""))].map((s) => s.length + 2)));
  return {
    sheet: name,
    data: [header.map((h) => ({ value: h, type: String, fontWeight: "bold" as const })), ...rows.map((r) => r.map(cell))],
    columns: header.map((_, i) => ({ width: width(i) })),
    stickyRowsCount: 1,
  };
}

export async function itaWorkbook(p: ItaPack, tz: string): Promise<Buffer> {
  const sheets: Sheet[] = [];
  sheets.push(sheet("ข้อมูลเอกสาร", ["รายการ", "ค่า"], [
    ["หน่วยงาน", p.agencyName],
    ["ปีงบประมาณ", p.campaignYear],
    ["จัดทำเมื่อ", formatThaiDate(p.generatedAt, tz)],
    ...FILING_CHANNELS.map((c, i) => [`ช่องทางร้องเรียน ${i + 1}`, c]),
    ...FILING_STEPS.map((s, i) => [`ขั้นตอน ${i + 1}`, s]),
    ["การส่งเรื่อง", ROUTING_RULE],
    ["เรื่องที่ปิดแล้ว", p.closing.closed],
    ["มัธยฐานวันถึงปิดเรื่อง", p.closing.medianDays],
    ["เปอร์เซ็นไทล์ที่ 90 วันถึงปิดเรื่อง", p.closing.p90Days],
  ]));
  sheets.push(sheet("การประชุม", ["วันที่", "อำเภอ", "ตำบล", "หมู่ที่", "ผู้เข้าประชุม", "ประกาศเจตนารมณ์", "จำนวนรูป"],
    p.meetings.map((m) => [formatThaiDate(m.occurrenceStart, tz), getDistrict(m.districtCode)?.nameTh ?? m.districtCode, m.tambon, m.villageNo, m.attended, m.pledged, m.photoIds.length])));
  const tallyRows = (rows: ItaPack["byDistrict"], label: (k: string) => string) => rows.map((r) => [label(r.key), r.meetings, r.attended, r.pledged, r.linePledges]);
  const tallyHead = ["", "ประชุม (ครั้ง)", "ผู้เข้าประชุม", "ประกาศในที่ประชุม", "ประกาศผ่าน LINE"];
  sheets.push(sheet("รายอำเภอ", ["อำเภอ", ...tallyHead.slice(1)], tallyRows(p.byDistrict, (k) => getDistrict(k)?.nameTh ?? k)));
  sheets.push(sheet("รายเดือน", ["เดือน", ...tallyHead.slice(1)], tallyRows(p.byMonth, monthLabel)));
  sheets.push(sheet("เรื่องร้องเรียนรายไตรมาส", ["ไตรมาส", "ประเภท", ...PACK_STATUS_GROUPS.map((g) => PACK_GROUP_LABELS[g])],
    p.complaintQuarters.flatMap((q, i) => COMPLAINT_CATEGORIES.map((c) => [QUARTER_LABELS[i]!, CATEGORY_LABELS[c], ...PACK_STATUS_GROUPS.map((g) => q[c][g])]))));
  // The package is ESM with a CommonJS build for require(); a dynamic import reaches that build.
  const { default: writeExcelFile } = await import("write-excel-file/node");
  return Buffer.from(await writeExcelFile(sheets as never).toBuffer());
}
