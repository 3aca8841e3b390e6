import { readFileSync } from "node:fs";
import { z } from "zod";
import { Reminder } from "../models/reminder.model";
import { issueHeadmanCode } from "../services/headman.service";
import { createMeeting } from "../services/meeting.service";
import { importMeetingsCsv, importVillagesCsv, type ImportResult } from "../services/meeting-import.service";
import type { ScheduleConfig } from "../services/reminder.service";
import { parseVillageRef } from "../services/village.service";
import { parseRecurrence } from "../util/recurrence";
import { formatThaiDateTime, zonedParts } from "../util/thai-date";
import { withCliDatabase } from "./cli-db";
import type { CliCommand } from "./commands";

// Meetings and headmen from the command line (the dashboard offers the same):
//   headman:code --village 400101-5 [--kamnan] [--days 7]
//   meeting:create --village 400101-5 | --district 4001  --schedule monthly:5@09:00 | --in 2h5m  --place "…" [--title …] [--agenda "a;b"]
//   meeting:import meetings.csv      village:import villages.csv
// Needs a database (MONGODB_URI or a running `npm run dev`), and APP_TIMEZONE /
// REMINDER_OFFSETS when not the defaults.
// The database: MONGODB_URI, else the running `npm run dev` (cli-db.ts).
const envSchema = z.object({
  APP_TIMEZONE: z.string().default("Asia/Bangkok"),
  REMINDER_OFFSETS: z.string().default("3d@08:00,1d@08:00,2h"),
});

/** "--name value" and "--flag" pairs; the rest are positional. */
export function parseArgs(args: readonly string[]): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) positional.push(a);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith("--")) flags[a.slice(2)] = args[++i]!;
    else flags[a.slice(2)] = true;
  }
  return { flags, positional };
}

async function withDb<T>(fn: (cfg: ScheduleConfig) => Promise<T>): Promise<T> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])} ${issue.message}`);
  }
  return withCliDatabase(process.env, () => fn({ timezone: parsed.data.APP_TIMEZONE, reminderOffsets: parsed.data.REMINDER_OFFSETS }));
}

/** "--in 2h5m": a one-off meeting that long from now (rounded up to the minute), e.g. to watch a reminder arrive. */
export function scheduleIn(text: string, now: Date, timezone: string): string {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) throw new RangeError(`--in takes a duration such as 2h5m, 90m or 3h`);
  const at = new Date(Math.ceil((now.getTime() + (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60_000) / 60_000) * 60_000);
  const p = zonedParts(at, timezone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `once:${p.year}-${two(p.month)}-${two(p.day)}@${two(p.hour)}:${two(p.minute)}`;
}

function str(flags: Record<string, string | true>, name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
}

function printImport(r: ImportResult): number {
  if (r.ok) {
    console.log(`imported ${r.imported} (batch ${r.batchId})`);
    return 0;
  }
  for (const e of r.errors) console.error(`line ${e.line}: ${e.message}`);
  console.error("nothing was imported");
  return 1;
}

export const meetingCommands: Record<string, CliCommand> = {
  "headman:code": {
    summary: "issue a one-time headman code: --village <tambonCode>-<villageNo> [--kamnan] [--days 7]",
    async run(args) {
      const { flags } = parseArgs(args);
      const village = parseVillageRef(str(flags, "village") ?? "");
      const days = str(flags, "days") ? Number(str(flags, "days")) : undefined;
      return withDb(async (cfg) => {
        const c = await issueHeadmanCode({ village, role: flags.kamnan ? "kamnan" : "headman", issuedBy: "cli", now: new Date(), ttlDays: days });
        console.log(`${c.role} code for ${village.tambonCode}-${village.villageNo}: ${c.code}`);
        console.log(`valid until ${formatThaiDateTime(c.expiresAt, cfg.timezone)}; send "ลงทะเบียน${c.role === "kamnan" ? "กำนัน" : "ผู้ใหญ่บ้าน"} ${c.code}" in LINE`);
        return 0;
      });
    },
  },
  "meeting:create": {
    summary: "create a meeting: --village 400101-5 | --district 4001, --schedule monthly:5@09:00 | --in 2h5m, --place …",
    async run(args) {
      const { flags } = parseArgs(args);
      const villageText = str(flags, "village");
      return withDb(async (cfg) => {
        const startsIn = str(flags, "in");
        const recurrence = parseRecurrence(startsIn ? scheduleIn(startsIn, new Date(), cfg.timezone) : (str(flags, "schedule") ?? ""));
        const m = await createMeeting(
          {
            scope: villageText ? "village" : "district",
            village: villageText ? parseVillageRef(villageText) : undefined,
            districtCode: str(flags, "district"),
            title: str(flags, "title"),
            place: str(flags, "place") ?? "",
            agenda: str(flags, "agenda")?.split(";").map((a) => a.trim()).filter(Boolean),
            recurrence,
            createdBy: "cli",
          },
          cfg,
          new Date(),
        );
        console.log(`meeting ${String(m._id)} created: ${m.title}`);
        const next = await Reminder.findOne({ meetingId: m._id, state: "pending" }, { dueAt: 1, offset: 1 }).sort({ dueAt: 1 }).lean();
        if (next) console.log(`first reminder (${next.offset} before): ${formatThaiDateTime(next.dueAt, cfg.timezone)}`);
        return 0;
      });
    },
  },
  "meeting:import": {
    summary: "import meetings from CSV (scope,tambon,village,district,title,place,agenda,schedule,duration)",
    async run(args) {
      const file = parseArgs(args).positional[0];
      if (!file) throw new Error("give the CSV file: meeting:import meetings.csv");
      const text = readFileSync(file, "utf8");
      return withDb(async (cfg) => printImport(await importMeetingsCsv(text, cfg, new Date(), "cli")));
    },
  },
  "village:import": {
    summary: "import villages from CSV (tambon,village,name,place)",
    async run(args) {
      const file = parseArgs(args).positional[0];
      if (!file) throw new Error("give the CSV file: village:import villages.csv");
      const text = readFileSync(file, "utf8");
      return withDb(async () => printImport(await importVillagesCsv(text)));
    },
  },
};
