import { connectDb, disconnectDb } from "../db";
import { devRuntimePath, readDevRuntime } from "../dev/dev-runtime";
import { resolveDbName } from "../util/mongo-uri";

// Which database the admin commands talk to: MONGODB_URI (+ MONGODB_DB) when set, else
// the one a running `npm run dev` recorded in .data/dev-runtime.json. Every command says
// which one on standard error, so nobody creates an admin in the wrong place.

export interface CliDatabase {
  uri: string;
  dbName: string;
  /** How it was found, for the line the command prints. */
  source: string;
}

const redact = (uri: string) => uri.replace(/\/\/[^@/]*@/, "//***@");

export function findCliDatabase(env: NodeJS.ProcessEnv): CliDatabase {
  if (env.MONGODB_URI) {
    if (!/^mongodb(\+srv)?:\/\//.test(env.MONGODB_URI)) {
      throw new Error("Config error: MONGODB_URI must start with mongodb:// or mongodb+srv://. Set it in .env or the environment.");
    }
    return { uri: env.MONGODB_URI, dbName: resolveDbName(env.MONGODB_URI, env.MONGODB_DB), source: "MONGODB_URI" };
  }
  const file = devRuntimePath(env);
  const dev = readDevRuntime(file);
  if (!dev) {
    throw new Error(
      "no database: MONGODB_URI is not set and `npm run dev` is not running (start it in another terminal, or set MONGODB_URI in .env or the environment)",
    );
  }
  return { uri: dev.mongodbUri, dbName: env.MONGODB_DB || dev.dbName, source: `npm run dev (${file})` };
}

export function describeCliDatabase(db: CliDatabase): string {
  return `database: ${db.dbName} at ${redact(db.uri)} — from ${db.source}`;
}

/** Finds the database and says which (to stderr: stdout stays the command's result). */
export function announceCliDatabase(env: NodeJS.ProcessEnv, log: (line: string) => void = (l) => console.error(l)): CliDatabase {
  const db = findCliDatabase(env);
  log(describeCliDatabase(db));
  return db;
}

/** Connects, runs, disconnects; finds and names the database first unless given. */
export async function withCliDatabase<T>(env: NodeJS.ProcessEnv, run: () => Promise<T>, found?: CliDatabase): Promise<T> {
  const db = found ?? announceCliDatabase(env);
  await connectDb(db.uri, db.dbName);
  try {
    return await run();
  } finally {
    await disconnectDb();
  }
}
