import os from "node:os";
import { z } from "zod";
import { CASE_DEADLINES_PATTERN, DEFAULT_CASE_DEADLINES, parseDeadlinePolicy, type DeadlinePolicy } from "./services/case-clock/clock-policy";
import { resolveDbName } from "./util/mongo-uri";

// The environment contract (README, Configuration). Validated once at
// boot; a bad value stops the process with one line that names the fix.
const base64Key32 = z
  .string({ required_error: "required: 32 random bytes in base64 (openssl rand -base64 32)" })
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes in base64 (openssl rand -base64 32)");

const url = z.string().url("must be a URL such as https://api.line.me");

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: z
    .string({ required_error: "required: a MongoDB connection string such as mongodb://127.0.0.1:27017/sujarit" })
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://"),
  // Optional: the database named in MONGODB_URI's path is used (the driver's convention),
  // else "sujarit"; MONGODB_DB overrides both only when set.
  MONGODB_DB: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, "must be Latin letters, digits, _ or -").optional(),
  LINE_CHANNEL_SECRET: z.string({ required_error: "required: the channel secret from the LINE Developers console" }).min(16, "must be the channel secret (32 hex characters) from the LINE Developers console"),
  LINE_CHANNEL_ACCESS_TOKEN: z.string({ required_error: "required: a long-lived channel access token" }).min(10, "must be a channel access token from the LINE Developers console"),
  LINE_API_BASE_URL: url.default("https://api.line.me"),
  LINE_DATA_API_BASE_URL: url.default("https://api-data.line.me"),
  LINE_BASIC_ID: z.string().regex(/^@[A-Za-z0-9._-]{1,32}$/, "must be the Official Account's basic ID, such as @123abcde").optional(),
  LINE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  APP_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Asia/Bangkok")
    .default("Asia/Bangkok"),
  DATA_ENCRYPTION_KEY: base64Key32,
  DATA_ENCRYPTION_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "must be a short key id such as k1").default("k1"),
  DATA_ENCRYPTION_OLD_KEYS: z
    .string()
    .regex(/^([A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+)(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+)*$/, "must be id:base64key pairs separated by commas")
    .optional(),
  SESSION_SECRET: z.string({ required_error: "required: at least 32 random characters for officer sessions" }).min(32, "must be at least 32 random characters"),
  CAMPAIGN_YEAR_START_MONTH: z.coerce.number().int().min(1).max(12).default(10),
  REMINDER_OFFSETS: z
    .string()
    .regex(/^(-?\d+[dh](@\d{2}:\d{2})?)(,-?\d+[dh](@\d{2}:\d{2})?)*$/, "must look like 3d@08:00,1d@08:00,2h")
    .default("3d@08:00,1d@08:00,2h"),
  SCHEDULER_CRON: z.string().default("* * * * *"),
  SCHEDULER_ENABLED: z.enum(["true", "false"]).default("true"),
  REMINDER_PLAN_AHEAD_SECONDS: z.coerce.number().int().min(0, "must be 0 (read audiences at the due tick) or more").max(3600, "must be at most 3600").default(120),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(64),
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(1, "must be at least 1 (LINE may redeliver an event for a while)").max(3650).default(30),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 random characters").optional(),
  // Which proxies may set X-Forwarded-For/-Proto: "false", a hop count (how many
  // proxies stand in front, e.g. 1 for one load balancer), or their addresses/ranges.
  // "true" would trust every hop, so the client's own X-Forwarded-For entry would
  // become its address and the per-address login limit could be dodged.
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|[1-9]|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*)$/,
      "must be false, the number of proxies in front (1 for one load balancer), or their addresses/ranges such as 10.0.0.0/8 (not true: the client could choose its own address)",
    )
    .default("false"),
  INSTANCE_ID: z.string().optional(),
  CASE_DEADLINES: z.string().regex(CASE_DEADLINES_PATTERN, "must look like first_response:3,received:15,under_review:15,referred:15 (working days)").default(DEFAULT_CASE_DEADLINES),
  CASE_DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 08:00").default("08:00"),
  DASHBOARD_BASE_URL: url.default("http://localhost:3000"),
  PUBLIC_BASE_URL: z.string().url("must be the bot's public https URL, such as https://sujarit.example.go.th").optional(),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  mongodb: { uri: string; dbName: string };
  /** basicId: the Official Account's "@…" id, for links that open its chat (optional). */
  line: { channelSecret: string; channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string; timeoutMs: number; basicId?: string };
  timezone: string;
  crypto: { keyId: string; key: Buffer; oldKeys: Record<string, Buffer> };
  sessionSecret: string;
  campaignYearStartMonth: number;
  reminderOffsets: string;
  /** planAheadMs: reminders are planned (audiences read) this long before they are due. */
  scheduler: { cron: string; enabled: boolean; planAheadMs: number };
  workerConcurrency: number;
  /** Finished inbox rows (sealed webhook payloads) are deleted after this many days. */
  inboxRetentionDays: number;
  logLevel: Env["LOG_LEVEL"];
  /** json (npm start): one JSON line per record; pretty (npm run dev): one short human line. */
  logFormat: Env["LOG_FORMAT"];
  /** GET /metrics needs it as a bearer token; unset: /metrics answers loopback clients only. */
  metricsToken?: string;
  /** express "trust proxy": false, a hop count, or the proxies' addresses/ranges. */
  trustProxy: false | number | string[];
  instanceId: string;
  /** Case deadlines in working days (services/case-clock/clock-policy.ts names the source to check). */
  deadlines: DeadlinePolicy;
  /** "08:00": when linked officers get the digest of cases due today or overdue (working days only). */
  caseDigestTime: string;
  /** Where officers open the dashboard: links in their LINE alerts. */
  dashboardBaseUrl: string;
  /** Where LINE fetches announcement images (/media/announcements/…); LINE needs https. */
  publicBaseUrl: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const msg = issue.message === "Required" ? "required" : issue.message;
    const what = msg.startsWith("required") ? `is ${msg}` : msg;
    throw new ConfigError(`Config error: ${name} ${what}. Set it in .env or the environment (see .env.example).`);
  }
  const e = parsed.data;
  const oldKeys: Record<string, Buffer> = {};
  for (const pair of e.DATA_ENCRYPTION_OLD_KEYS?.split(",") ?? []) {
    const [id, key] = pair.split(":") as [string, string];
    oldKeys[id] = Buffer.from(key, "base64");
  }
  return {
    port: e.PORT,
    mongodb: { uri: e.MONGODB_URI, dbName: resolveDbName(e.MONGODB_URI, e.MONGODB_DB) },
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: e.LINE_API_BASE_URL,
      dataApiBaseUrl: e.LINE_DATA_API_BASE_URL,
      timeoutMs: e.LINE_TIMEOUT_MS,
      ...(e.LINE_BASIC_ID ? { basicId: e.LINE_BASIC_ID } : {}),
    },
    timezone: e.APP_TIMEZONE,
    crypto: { keyId: e.DATA_ENCRYPTION_KEY_ID, key: Buffer.from(e.DATA_ENCRYPTION_KEY, "base64"), oldKeys },
    sessionSecret: e.SESSION_SECRET,
    campaignYearStartMonth: e.CAMPAIGN_YEAR_START_MONTH,
    reminderOffsets: e.REMINDER_OFFSETS,
    scheduler: { cron: e.SCHEDULER_CRON, enabled: e.SCHEDULER_ENABLED === "true", planAheadMs: e.REMINDER_PLAN_AHEAD_SECONDS * 1000 },
    workerConcurrency: e.WORKER_CONCURRENCY,
    inboxRetentionDays: e.INBOX_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY === "false" ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY.split(",").map((s) => s.trim()),
    instanceId: e.INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    deadlines: parseDeadlinePolicy(e.CASE_DEADLINES),
    caseDigestTime: e.CASE_DIGEST_TIME,
    dashboardBaseUrl: e.DASHBOARD_BASE_URL.replace(/\/+$/, ""),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
  };
}
