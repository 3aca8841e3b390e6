import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The environment of `npm run dev` when .env does not say otherwise: a fixed dev
// channel (the emulator signs with the same secret the bot checks), the emulator
// as api.line.me, and keys made once and kept in .data/ (git-ignored) so data
// sealed in one run can still be read in the next.

/** Not a real LINE channel: the emulator and the bot share it on loopback only. */
export const DEV_CHANNEL_SECRET = "de7c4a11e75ec2e7de7c4a11e75ec2e7";
export const DEV_CHANNEL_ACCESS_TOKEN = "sujarit-dev-channel-access-token";
export const DEFAULT_BOT_PORT = 3000;
export const DEFAULT_EMULATOR_PORT = 3001;

export interface DevSecrets {
  DATA_ENCRYPTION_KEY: string;
  SESSION_SECRET: string;
}

function isDevSecrets(v: unknown): v is DevSecrets {
  const s = v as Partial<DevSecrets> | null;
  return typeof s?.DATA_ENCRYPTION_KEY === "string" && Buffer.from(s.DATA_ENCRYPTION_KEY, "base64").length === 32 && typeof s.SESSION_SECRET === "string" && s.SESSION_SECRET.length >= 32;
}

/** Reads <dataDir>/dev-secrets.json, creating it (mode 600) with fresh random keys the first time. */
export function loadDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, "dev-secrets.json");
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (isDevSecrets(parsed)) return parsed;
    throw new Error(`${file} is damaged: delete it to make new dev keys (data sealed with the old key becomes unreadable)`);
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = { DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"), SESSION_SECRET: randomBytes(32).toString("hex") };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export interface DevEnvInput {
  mongodbUri: string;
  emulatorUrl: string;
  secrets: DevSecrets;
}

/** The bot's environment: what the caller set wins; dev defaults fill the gaps. */
export function devEnv(env: NodeJS.ProcessEnv, input: DevEnvInput): NodeJS.ProcessEnv {
  const defaults: Record<string, string> = {
    PORT: String(DEFAULT_BOT_PORT),
    MONGODB_URI: input.mongodbUri,
    LINE_CHANNEL_SECRET: DEV_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: DEV_CHANNEL_ACCESS_TOKEN,
    LINE_API_BASE_URL: input.emulatorUrl,
    LINE_DATA_API_BASE_URL: input.emulatorUrl,
    DATA_ENCRYPTION_KEY: input.secrets.DATA_ENCRYPTION_KEY,
    SESSION_SECRET: input.secrets.SESSION_SECRET,
    LOG_FORMAT: "pretty",
  };
  const out: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(defaults)) if (!out[name]) out[name] = value;
  return out;
}

/** The channel the emulator must use so its signatures match what the bot checks. */
export function devChannel(env: NodeJS.ProcessEnv): { channelSecret: string; channelAccessToken: string } {
  return {
    channelSecret: env.LINE_CHANNEL_SECRET || DEV_CHANNEL_SECRET,
    channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN || DEV_CHANNEL_ACCESS_TOKEN,
  };
}
