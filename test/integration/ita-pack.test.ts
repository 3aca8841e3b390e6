import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { Types } from "mongoose";
import { AuditLog } from "../../src/models/audit-log.model";
import { Complaint } from "../../src/models/complaint.model";
import { Meeting } from "../../src/models/meeting.model";
import { MeetingReport } from "../../src/models/meeting-report.model";
import { Pledge } from "../../src/models/pledge.model";
import { campaignYearRange } from "../../src/services/pledge.service";
import { startHarness, type Harness } from "../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "./dashboard-client";

// The ITA evidence pack (issue 23): its figures match a recount from the collections,
// it holds no personal data or case text, officers reach only their own districts,
// and every generation (page or workbook) is audited.
const clock = new Date("2027-08-20T05:00:00Z"); // fiscal year 2570
const { start } = campaignYearRange(2570, 10, "Asia/Bangkok");
const day = 86_400_000;
const PII = ["สมหมาย ขี้โกง", "0871112222", "Uaaaabbbbccccdddd0000111122223333", "เรียกเงินใต้โต๊ะหกพันบาทหน้าอำเภอ"];
let h: Harness;
let kk: DashboardClient;
let admin: DashboardClient;

before(async () => {
  h = await startHarness("ita-pack", { now: () => clock });
  const base = baseUrlOf(h.webhookUrl);
  await makeOfficer("ita-kk", "officer", ["4001"]);
  await makeOfficer("ita-admin", "admin");
  kk = new DashboardClient(base);
  await kk.login("ita-kk", TEST_PASSWORD);
  admin = new DashboardClient(base);
  await admin.login("ita-admin", TEST_PASSWORD);

  const pledgeMeeting = new Types.ObjectId();
  const otherMeeting = new Types.ObjectId();
  await Meeting.collection.insertMany([
    { _id: pledgeMeeting, scope: "village", title: "ประชุมประจำเดือน", districtCode: "4001", place: "ศาลา", agenda: ['กิจกรรมประกาศเจตนารมณ์ "ไม่รับ ไม่ให้" (No Gift Policy)'] },
    { _id: otherMeeting, scope: "village", title: "ประชุมน้ำ", districtCode: "4001", place: "วัด", agenda: ["น้ำประปา"] },
  ] as never[]);
  const report = (i: number, meetingId: Types.ObjectId, districtCode: string, daysIn: number) => ({
    reportKey: `r${i}`, meetingId, occurrenceStart: new Date(start.getTime() + daysIn * day), districtCode, tambonCode: `${districtCode}01`, villageNo: i + 1,
    attendedCount: 30 + i, pledgedCount: 20 + i, reportedBy: PII[0], reporterRole: "headman", reportedAt: clock, monthKey: "2570-01",
  });
  await MeetingReport.collection.insertMany([report(0, pledgeMeeting, "4001", 10), report(1, pledgeMeeting, "4001", 100), report(2, otherMeeting, "4001", 50), report(3, pledgeMeeting, "4002", 20)] as never[]);
  await Pledge.collection.insertMany(
    [...Array(7)].map((_, i) => ({ _id: `2570:m:p${i}`, campaignYear: 2570, districtCode: i < 5 ? "4001" : "4002", tambonCode: "400101", villageNo: 1, status: "active", source: "line", monthKey: i < 3 ? "2569-11" : "2570-02" })) as never[],
  );
  // Five closed 4001 cases taking 2, 4, 6, 8 and 10 days; one open; one in 4002.
  const complaint = (i: number, districtCode: string, status: string, closeAfterDays?: number) => {
    const submittedAt = new Date(start.getTime() + (5 + i) * day);
    return {
      draftId: `d${i}`, trackingCode: `KK-ITA${i}-AAAA`, category: i % 2 ? "bribe" : "procurement", what: PII[3], who: PII[0], anonymous: false, contactSealed: PII[1],
      routedTo: { level: "district", districtCode }, where: { districtCode }, status, submittedAt, dayKey: "2569-10-10",
      statusHistory: [{ status: "received", at: submittedAt, note: PII[0] }, ...(closeAfterDays ? [{ status, at: new Date(submittedAt.getTime() + closeAfterDays * day), note: PII[1] }] : [])],
    };
  };
  await Complaint.collection.insertMany([
    complaint(0, "4001", "resolved", 2), complaint(1, "4001", "dismissed", 4), complaint(2, "4001", "resolved", 6), complaint(3, "4001", "resolved", 8), complaint(4, "4001", "resolved", 10),
    complaint(5, "4001", "under_review"), complaint(6, "4002", "referred"),
  ] as never[]);
});
after(async () => h.close());

describe("ITA evidence pack", () => {
  test("a district pack lists its pledge-agenda meetings, counts and closing times, and nothing personal", async () => {
    const page = await kk.get("/officer/ita/pack?agency=4001&year=2570");
    assert.equal(page.status, 200);
    const expected = await MeetingReport.countDocuments({ districtCode: "4001", meetingId: { $ne: null } });
    assert.equal(expected, 3);
    assert.match(page.text, /รายการการประชุม \(2 ครั้ง\)/, "the meeting without the pledge on its agenda is left out; 4002's is not this agency's");
    assert.match(page.text, /อำเภอเมืองขอนแก่น จังหวัดขอนแก่น/);
    assert.match(page.text, /ปิดแล้ว 5 เรื่อง · มัธยฐาน 6 วัน · เปอร์เซ็นไทล์ที่ 90 10 วัน/);
    for (const secret of PII) assert.ok(!page.text.includes(secret), `the pack holds ${secret}`);
    assert.match(page.text, /@page|ita-print\.css/);
  });

  test("the workbook has the same tables", async () => {
    const res = await admin.request("GET", "/officer/ita/pack.xlsx?agency=province&year=2570");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /spreadsheetml/);
    const raw = await fetch(`${admin.base}/officer/ita/pack.xlsx?agency=province&year=2570`, { headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await raw.arrayBuffer()) as never);
    const meetings = wb.getWorksheet("การประชุม")!;
    assert.equal(meetings.rowCount - 1, 3, "province: the three pledge-agenda meetings");
    const byDistrict = wb.getWorksheet("รายอำเภอ")!;
    const kkRow = byDistrict.getRows(2, byDistrict.rowCount - 1)!.find((r) => r.getCell(1).value === "เมืองขอนแก่น")!;
    assert.deepEqual([2, 3, 4, 5].map((c) => kkRow.getCell(c).value), [2, 30 + 31, 20 + 21, 5]);
    const quarters = wb.getWorksheet("เรื่องร้องเรียนรายไตรมาส")!;
    const received = quarters.getRows(2, quarters.rowCount - 1)!.filter((r) => String(r.getCell(1).value).startsWith("ไตรมาส 1")).reduce((s, r) => s + Number(r.getCell(3).value), 0);
    assert.equal(received, await Complaint.countDocuments({}), "every case was received in quarter 1");
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => PII.forEach((p) => assert.ok(!String(c.value).includes(p), `${ws.name} holds ${p}`))));
  });

  test("officers reach only their own districts; the province pack is for admins", async () => {
    assert.equal((await kk.get("/officer/ita/pack?agency=4002&year=2570")).status, 403);
    assert.equal((await kk.get("/officer/ita/pack?agency=province&year=2570")).status, 403);
    assert.equal((await admin.get("/officer/ita/pack?agency=4002&year=2570")).status, 200);
  });

  test("every generation is audited with its agency and format", async () => {
    const rows = await AuditLog.find({ action: "ita.pack_generated" }).lean();
    const seen = rows.map((r) => `${(r.detail as { agency: string }).agency}/${(r.detail as { format: string }).format}`).sort();
    assert.ok(seen.includes("4001/html") && seen.includes("province/xlsx") && seen.includes("4002/html"), seen.join(" "));
    assert.ok(!seen.some((s) => s.startsWith("province/html")), "a refused request is not a generation");
  });
});
