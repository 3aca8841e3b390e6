import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, beforeEach, describe, test } from "node:test";
import mongoose from "mongoose";
import { Meeting } from "../../src/models/meeting.model";
import { Reminder } from "../../src/models/reminder.model";
import { Village } from "../../src/models/village.model";
import { registerWithCode } from "../../src/services/headman.service";
import { importMeetingsCsv, importVillagesCsv } from "../../src/services/meeting-import.service";
import { makeUserId } from "../../src/dev/line-emulator";
import { startHarness, type Harness } from "../helpers/harness";
import { bkk } from "./reminder-fixtures";

// CSV imports: errors per line, nothing half-imported; and the CLI that wraps them.
const NOW = bkk("2026-12-01T10:00:00");
let h: Harness;
before(async () => {
  h = await startHarness("meeting-import", { background: false });
});
after(async () => h.close());
beforeEach(async () => {
  for (const c of ["meetings", "reminders", "villages"]) await mongoose.connection.collection(c).deleteMany({});
});

const HEADER = "scope,tambon,village,district,title,place,agenda,schedule,duration";

describe("meetings CSV", () => {
  test("bad lines are all reported with their line numbers, and nothing is imported", async () => {
    const csv = [
      HEADER,
      "village,400101,5,,,ศาลาประชาคม,,monthly:5@09:00,",
      "village,999999,5,,,ศาลาประชาคม,,monthly:5@09:00,", // unknown tambon
      "",
      "village,400101,3,,,ศาลาประชาคม,,weekly:mon@09:00,", // bad schedule
      "village,400101,4,,,,,monthly:5@09:00,", // no place
      "province,400101,4,,,ศาลา,,monthly:5@09:00,", // bad scope
      "district,,,4099,,อำเภอ,,nth:2:tue@09:00,", // unknown district
    ].join("\n");
    const r = await importMeetingsCsv(csv, h.config, NOW);
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.errors.map((e) => e.line), [3, 5, 6, 7, 8]);
    assert.match(!r.ok ? r.errors[0]!.message : "", /unknown tambon code 999999/);
    assert.match(!r.ok ? r.errors[1]!.message : "", /should look like/);
    assert.equal(await Meeting.countDocuments(), 0);
    assert.equal(await Reminder.countDocuments(), 0);
  });

  test("a good file (BOM, CRLF, quoted commas, agenda items) imports every meeting with its reminders", async () => {
    const csv =
      "\uFEFF" +
      [
        HEADER,
        'village,400101,5,,,"ศาลาประชาคม หมู่ 5, บ้านโนนทัน","แจ้งข่าวจากอำเภอ;เรื่อง ""ไฟฟ้า""",monthly:31@09:00,90',
        "district,,,4001,ประชุมประจำเดือนอำเภอ,ห้องประชุมอำเภอ,,nth:1:tue@09:00,",
      ].join("\r\n") +
      "\r\n";
    const r = await importMeetingsCsv(csv, h.config, NOW);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.imported, 2);
    const v = await Meeting.findOne({ scope: "village" });
    assert.equal(v!.place, "ศาลาประชาคม หมู่ 5, บ้านโนนทัน");
    assert.deepEqual([...v!.agenda], ["แจ้งข่าวจากอำเภอ", 'เรื่อง "ไฟฟ้า"', "กิจกรรมประกาศเจตนารมณ์ \"ไม่รับ ไม่ให้\" (No Gift Policy)"]);
    assert.equal(v!.durationMinutes, 90);
    assert.equal(v!.importBatchId, r.batchId);
    assert.ok((await Reminder.countDocuments({ meetingId: v!._id })) > 0);
  });

  test("a failure after inserting rolls the whole batch back", async () => {
    const csv = [HEADER, "village,400101,5,,,ศาลา,,monthly:5@09:00,", "village,400101,6,,,ศาลา,,monthly:6@09:00,"].join("\n");
    await assert.rejects(importMeetingsCsv(csv, { timezone: "Asia/Bangkok", reminderOffsets: "3x" }, NOW), /reminder offset/);
    assert.equal(await Meeting.countDocuments(), 0);
    assert.equal(await Reminder.countDocuments(), 0);
  });
});

describe("villages CSV", () => {
  test("duplicates and bad numbers are refused per line; a good file names the villages", async () => {
    const bad = await importVillagesCsv("tambon,village,name,place\n400101,5,โนนทัน,ศาลา\n400101,5,ซ้ำ,\n400101,0,x,\n");
    assert.deepEqual(!bad.ok && bad.errors.map((e) => e.line), [3, 4]);
    assert.equal(await Village.countDocuments(), 0);
    const good = await importVillagesCsv("tambon,village,name,place\n400101,5,โนนทัน,ศาลาประชาคมบ้านโนนทัน\n400102,3,,\n");
    assert.ok(good.ok);
    assert.equal((await Village.findOne({ villageKey: "400101-5" }))!.defaultPlace, "ศาลาประชาคมบ้านโนนทัน");
    assert.equal(await Village.countDocuments(), 2);
  });
});

describe("npm run cli", () => {
  const run = promisify(execFile);
  const env = () => ({ ...process.env, MONGODB_URI: h.config.mongodb.uri, MONGODB_DB: h.config.mongodb.dbName });
  const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "src/cli/cli.ts", ...args], { cwd: path.resolve(__dirname, "..", ".."), env: env() });

  test("headman:code prints a code that registers the headman; meeting:import prints per-line errors and exits 1", async () => {
    const out = await cli("headman:code", "--village", "400101-5");
    const code = /headman code for 400101-5: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out.stdout)?.[1];
    assert.ok(code, out.stdout);
    const reg = await registerWithCode(makeUserId("cli-headman"), code, new Date());
    assert.equal(reg.role, "headman");

    const dir = mkdtempSync(path.join(os.tmpdir(), "sujarit-csv-"));
    const file = path.join(dir, "m.csv");
    writeFileSync(file, `${HEADER}\nvillage,400101,5,,,ศาลา,,monthly:5@25:00,\n`);
    const failed = await cli("meeting:import", file).then(() => null, (e: { code: number; stderr: string }) => e);
    assert.equal(failed?.code, 1);
    assert.match(failed!.stderr, /line 2: time must be HH:MM/);
    assert.match(failed!.stderr, /nothing was imported/);
  });
});
