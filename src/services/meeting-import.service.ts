import { randomUUID } from "node:crypto";
import { DomainError } from "../errors";
import { Meeting, type MeetingDoc } from "../models/meeting.model";
import { Reminder } from "../models/reminder.model";
import { Village, villageKeyOf } from "../models/village.model";
import { parseRecurrence } from "../util/recurrence";
import { buildMeetingFields, type MeetingInput } from "./meeting.service";
import { materializeReminders, type ScheduleConfig } from "./reminder.service";
import { villageRef } from "./village.service";

// CSV imports of meetings and villages: every line is checked first and errors are
// reported per line; nothing is written unless all lines are good. Without
// transactions (the test server has none, and none are needed), the rows written
// carry an import batch id, and a failure part-way deletes that batch again.
export interface LineError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export type ImportResult = { ok: true; batchId: string; imported: number } | { ok: false; errors: LineError[] };

export const MAX_IMPORT_LINES = 5000;

/** RFC 4180: commas, "quoted, fields" with "" for a quote, CRLF or LF, an optional UTF-8 BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      (row = []), (field = "");
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Rows as records keyed by the (lower-cased) header; blank lines skipped, line numbers kept. */
function records(text: string, required: string[]): { records: { line: number; get: (k: string) => string }[]; errors: LineError[] } {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length > 0) return { records: [], errors: [{ line: 1, message: `header must include: ${missing.join(", ")}` }] };
  if (rows.length - 1 > MAX_IMPORT_LINES) return { records: [], errors: [{ line: 1, message: `at most ${MAX_IMPORT_LINES} lines per file` }] };
  const out: { line: number; get: (k: string) => string }[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    out.push({ line: i + 2, get: (k) => (cells[header.indexOf(k)] ?? "").trim() });
  });
  return { records: out, errors: [] };
}

function messageOf(err: unknown): string {
  return err instanceof DomainError || err instanceof RangeError ? err.message : String(err);
}

/**
 * Meetings CSV, header: scope,tambon,village,district,title,place,agenda,schedule,duration
 * (scope village|district; agenda items separated by ";"; schedule as parseRecurrence).
 */
export async function importMeetingsCsv(
  text: string,
  cfg: ScheduleConfig,
  now: Date,
  createdBy?: string,
  /** Whether the importer may write a meeting in this district (checked on the district each row writes). */
  mayWrite?: (districtCode: string) => boolean,
): Promise<ImportResult> {
  const { records: recs, errors } = records(text, ["scope", "place", "schedule"]);
  const batchId = randomUUID();
  const docs: Record<string, unknown>[] = [];
  for (const r of recs) {
    try {
      const scope = r.get("scope") || "village";
      if (scope !== "village" && scope !== "district") throw new RangeError(`scope must be village or district, got "${scope}"`);
      const input: MeetingInput = {
        scope,
        village: r.get("tambon") ? villageRef(r.get("tambon"), Number(r.get("village"))) : undefined,
        districtCode: r.get("district") || undefined,
        title: r.get("title") || undefined,
        place: r.get("place"),
        agenda: r.get("agenda") ? r.get("agenda").split(";").map((a) => a.trim()).filter(Boolean) : undefined,
        recurrence: parseRecurrence(r.get("schedule")),
        durationMinutes: r.get("duration") ? Number(r.get("duration")) : undefined,
        createdBy,
        importBatchId: batchId,
      };
      const district = r.get("district");
      if (input.village && district && input.village.districtCode !== district) {
        throw new RangeError(`tambon ${input.village.tambonCode} is in district ${input.village.districtCode}, not ${district}`);
      }
      const doc = buildMeetingFields(input);
      if (mayWrite && !mayWrite(String(doc.districtCode))) throw new RangeError(`district ${String(doc.districtCode)} is not one of your districts`);
      docs.push(doc);
    } catch (err) {
      errors.push({ line: r.line, message: messageOf(err) });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (docs.length === 0) return { ok: false, errors: [{ line: 1, message: "no meetings in the file" }] };
  try {
    const inserted = (await Meeting.insertMany(docs)) as unknown as MeetingDoc[];
    for (const m of inserted) await materializeReminders(m, cfg, now);
    return { ok: true, batchId, imported: inserted.length };
  } catch (err) {
    await rollBackMeetingImport(batchId);
    throw err;
  }
}

/** Deletes everything a (failed) meeting import wrote. */
export async function rollBackMeetingImport(batchId: string): Promise<void> {
  const ids = (await Meeting.find({ importBatchId: batchId }, { _id: 1 }).lean()).map((m) => m._id);
  if (ids.length > 0) await Reminder.deleteMany({ meetingId: { $in: ids } });
  await Meeting.deleteMany({ importBatchId: batchId });
}

/** Villages CSV, header: tambon,village,name,place (name and the usual meeting place are optional). */
export async function importVillagesCsv(text: string): Promise<ImportResult> {
  const { records: recs, errors } = records(text, ["tambon", "village"]);
  const batchId = randomUUID();
  const seen = new Map<string, number>();
  const ops: Record<string, unknown>[] = [];
  for (const r of recs) {
    try {
      const ref = villageRef(r.get("tambon"), Number(r.get("village")));
      const key = villageKeyOf(ref.tambonCode, ref.villageNo);
      if (seen.has(key)) throw new RangeError(`village ${key} is also on line ${seen.get(key)}`);
      seen.set(key, r.line);
      const set: Record<string, string> = {};
      if (r.get("name")) set.nameTh = r.get("name").slice(0, 80);
      if (r.get("place")) set.defaultPlace = r.get("place").slice(0, 120);
      const update = { $setOnInsert: { ...ref, villageKey: key, importBatchId: batchId }, ...(Object.keys(set).length > 0 ? { $set: set } : {}) };
      ops.push({ updateOne: { filter: { villageKey: key }, update, upsert: true } });
    } catch (err) {
      errors.push({ line: r.line, message: messageOf(err) });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (ops.length === 0) return { ok: false, errors: [{ line: 1, message: "no villages in the file" }] };
  try {
    await Village.bulkWrite(ops as Parameters<typeof Village.bulkWrite>[0], { ordered: true });
    return { ok: true, batchId, imported: ops.length };
  } catch (err) {
    // New rows of this batch go; names set on existing villages before the failure stay.
    await Village.deleteMany({ importBatchId: batchId });
    throw err;
  }
}
